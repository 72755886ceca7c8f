/**
 * Webhook bodies in the shapes Meta documents (messaging_referrals, messaging_postbacks with a
 * referral, messaging_optins with notification_messages), with the placeholders filled in.
 */
export const PAGE_ID = '106123456789012';
export const PSID = '6712345678901234';

/** messaging_referrals: a person with an existing thread clicks an m.me link. */
export const referralBody = {
  object: 'page',
  entry: [{
    id: PAGE_ID,
    time: 1458692752478,
    messaging: [{
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: 1458692752478,
      referral: { ref: 'summer_coupon', source: 'SHORTLINK', type: 'OPEN_THREAD' },
    }],
  }],
};

/** messaging_postbacks: a new thread, opened from an m.me link, then Get Started. */
export const postbackBody = {
  object: 'page',
  entry: [{
    id: PAGE_ID,
    time: 1527459824000,
    messaging: [{
      sender: { user_ref: 'USER-REF-ID' },
      recipient: { id: PAGE_ID },
      timestamp: '1527459824',
      postback: {
        mid: 'm_MESSAGE-ID',
        title: 'Get Started',
        payload: 'GET_STARTED',
        referral: { ref: 'web-shoes-red-sale', source: 'SHORT-URL', type: 'OPEN_THREAD' },
      },
    }],
  }],
};

/** messaging_optins: a person opts in to recurring notifications from an m.me/rn link. */
export const optinBody = {
  object: 'page',
  entry: [{
    id: PAGE_ID,
    time: 1700000000000,
    messaging: [{
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: '1700000000000',
      optin: {
        type: 'notification_messages',
        payload: 'ADDITIONAL-INFORMATION',
        ref: 'newsletter',
        source: 'SHORTLINK',
        notification_messages_token: 'NOTIFICATION-MESSAGES-TOKEN',
        notification_messages_topic: 'weekly deals',
        notification_messages_frequency: 'WEEKLY',
        notification_messages_timezone: 'America/Los_Angeles',
        token_expiry_timestamp: '1723664000',
        user_token_status: 'NOT_REFRESHED',
        title: 'Weekly deals',
      },
    }],
  }],
};

/** Instagram, ig.me link, existing thread: Instagram's messaging_referral (Meta's ig.me docs). */
export const instagramReferralBody = {
  object: 'instagram',
  entry: [{
    id: '17841400000000000',
    time: 1718000000000,
    messaging: [{
      sender: { id: '1234567890123456' },
      recipient: { id: '17841400000000000' },
      timestamp: 1718000000000,
      referral: { ref: 'bio-link', source: 'SHORTLINKS', type: 'OPEN_THREAD' },
    }],
  }],
};

/** Instagram, ig.me link, a new conversation started from an Icebreaker: messaging_postbacks with the ref. */
export const instagramIcebreakerBody = {
  object: 'instagram',
  entry: [{
    id: '17841400000000000',
    time: 1718000100000,
    messaging: [{
      sender: { id: '1234567890123456' },
      recipient: { id: '17841400000000000' },
      timestamp: 1718000100000,
      postback: {
        mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAw',
        title: 'What are your opening hours?',
        payload: 'OPENING_HOURS',
        referral: { ref: 'flyer-north', source: 'SHORTLINKS', type: 'OPEN_THREAD' },
      },
    }],
  }],
};
