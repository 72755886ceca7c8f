import { expect } from 'chai';
import { WebhookError, readReferrals } from '../../src/webhook/index.js';
import { describe, it } from '../helpers/harness.js';
import { PAGE_ID, PSID, instagramIcebreakerBody, instagramReferralBody, optinBody, postbackBody, referralBody } from './fixtures.js';

const event = (extra: object) => ({ sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: 1458692752478, ...extra });
const pageBody = (...messaging: object[]) => ({ object: 'page', entry: [{ id: PAGE_ID, time: 1, messaging }] });

describe('readReferrals', () => {
  it('reads an m.me click in an existing thread (messaging_referrals)', () => {
    expect(readReferrals(referralBody)).to.deep.equal([
      { via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, ref: 'summer_coupon', source: 'SHORTLINK', type: 'OPEN_THREAD' },
    ]);
  });

  it('reads the ref of a new thread from postback.referral, with a string timestamp in seconds and user_ref', () => {
    expect(readReferrals(postbackBody)).to.deep.equal([
      { via: 'postback', channel: 'messenger', pageId: PAGE_ID, userRef: 'USER-REF-ID', timestamp: 1527459824000, ref: 'web-shoes-red-sale', source: 'SHORTLINK', type: 'OPEN_THREAD', payload: 'GET_STARTED', messageId: 'm_MESSAGE-ID' },
    ]);
  });

  it('reads an Instagram ig.me referral on an existing thread, and an Icebreaker postback of a new one, as channel instagram', () => {
    expect(readReferrals(instagramReferralBody)).to.deep.equal([
      { via: 'referral', channel: 'instagram', pageId: '17841400000000000', psid: '1234567890123456', timestamp: 1718000000000, ref: 'bio-link', source: 'SHORTLINK', type: 'OPEN_THREAD' },
    ]);
    expect(readReferrals(instagramIcebreakerBody)).to.deep.equal([
      { via: 'postback', channel: 'instagram', pageId: '17841400000000000', psid: '1234567890123456', timestamp: 1718000100000, ref: 'flyer-north', source: 'SHORTLINK', type: 'OPEN_THREAD', payload: 'OPENING_HOURS', messageId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAw' },
    ]);
  });

  it('reads a recurring-notification opt-in with its token', () => {
    expect(readReferrals(optinBody)).to.deep.equal([{
      via: 'optin',
      channel: 'messenger',
      pageId: PAGE_ID,
      psid: PSID,
      timestamp: 1700000000000,
      ref: 'newsletter',
      source: 'SHORTLINK',
      type: 'notification_messages',
      payload: 'ADDITIONAL-INFORMATION',
      optin: {
        token: 'NOTIFICATION-MESSAGES-TOKEN',
        topic: 'weekly deals',
        frequency: 'WEEKLY',
        timezone: 'America/Los_Angeles',
        expiresAt: 1723664000000,
        tokenStatus: 'NOT_REFRESHED',
        title: 'Weekly deals',
      },
    }]);
  });

  const cases: { name: string; body: unknown; expected: object[] }[] = [
    {
      name: 'Instagram message.referral (ig.me link, new thread)',
      body: { object: 'instagram', entry: [{ id: '1784', time: 5, messaging: [event({ recipient: { id: '1784' }, message: { mid: 'x', text: 'hi', referral: { ref: 'bio', source: 'SHORTLINKS', type: 'OPEN_THREAD' } } })] }] },
      expected: [{ via: 'message', channel: 'instagram', pageId: '1784', psid: PSID, timestamp: 1458692752478, ref: 'bio', source: 'SHORTLINK', type: 'OPEN_THREAD', messageId: 'x' }],
    },
    {
      name: "the dashboard's { field, value } test shape with SHORT_URL",
      body: { field: 'messaging_postbacks', value: event({ postback: { payload: 'P', referral: { ref: 'r1', source: 'SHORT_URL', type: 'OPEN_THREAD' } } }) },
      expected: [{ via: 'postback', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, ref: 'r1', source: 'SHORTLINK', type: 'OPEN_THREAD', payload: 'P' }],
    },
    {
      name: 'entry[].changes[].value events',
      body: { object: 'page', entry: [{ id: PAGE_ID, changes: [{ field: 'messaging_referrals', value: event({ referral: { ref: 'c', source: 'SHORTLINK' } }) }] }] },
      expected: [{ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, ref: 'c', source: 'SHORTLINK' }],
    },
    {
      name: 'an ad referral keeps ad_id and ADS, and referer_uri is read',
      body: pageBody(event({ referral: { ref: 'ad1', ad_id: 6045, source: 'ADS', type: 'OPEN_THREAD', referer_uri: 'https://shop.example/x' } })),
      expected: [{ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, ref: 'ad1', source: 'ADS', type: 'OPEN_THREAD', adId: '6045', refererUri: 'https://shop.example/x' }],
    },
    {
      name: 'events without a referral are skipped; several in one body are all read in order',
      body: pageBody(event({ message: { text: 'hello' } }), event({ referral: { ref: 'a' } }), event({ delivery: {} }), event({ postback: { payload: 'no-ref' } }), event({ referral: { ref: 'b' } })),
      expected: [
        { via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, ref: 'a' },
        { via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, ref: 'b' },
      ],
    },
    {
      name: 'a missing event timestamp falls back to entry.time, a missing recipient to entry.id',
      body: { object: 'page', entry: [{ id: PAGE_ID, time: 1600000000, messaging: [{ sender: { id: 1 }, referral: { ref: 'x' } }] }] },
      expected: [{ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: '1', timestamp: 1600000000000, ref: 'x' }],
    },
    {
      name: 'a referral without a ref (no ref on the link) is still reported',
      body: pageBody(event({ referral: { source: 'SHORTLINK', type: 'OPEN_THREAD' } })),
      expected: [{ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, source: 'SHORTLINK', type: 'OPEN_THREAD' }],
    },
    {
      name: 'an opt-in without a notification token (Send to Messenger) has no optin details',
      body: pageBody(event({ optin: { ref: 'plugin-ref' } })),
      expected: [{ via: 'optin', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1458692752478, ref: 'plugin-ref' }],
    },
    { name: 'another object type (WhatsApp) gives nothing', body: { object: 'whatsapp_business_account', entry: [{ messaging: [event({ referral: { ref: 'x' } })] }] }, expected: [] },
    { name: 'an object with no entries gives nothing', body: { object: 'page' }, expected: [] },
    ...[-1e308, ' ', [], true, {}, 'soon', -5].map((timestamp) => ({
      name: `an event timestamp of ${JSON.stringify(timestamp)} falls back to entry.time`,
      body: { object: 'page', entry: [{ id: PAGE_ID, time: 1600000000, messaging: [{ sender: { id: 1 }, timestamp, referral: { ref: 'x' } }] }] },
      expected: [{ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: '1', timestamp: 1600000000000, ref: 'x' }],
    })),
    { name: 'a referral that is an array is not a referral', body: pageBody(event({ referral: [{ ref: 'x' }] }), event({ postback: { referral: ['y'] } })), expected: [] },
    { name: 'malformed entries and events are passed over', body: { object: 'page', entry: [null, 7, { messaging: 'x' }, { messaging: [null, 'y'] }] }, expected: [] },
  ];
  for (const { name, body, expected } of cases) {
    it(name, () => expect(readReferrals(body)).to.deep.equal(expected));
  }

  it('accepts the body as JSON text or bytes', () => {
    const text = JSON.stringify(referralBody);
    const expected = readReferrals(referralBody);
    expect(readReferrals(text)).to.deep.equal(expected);
    expect(readReferrals('\uFEFF' + text), 'with a byte-order mark').to.deep.equal(expected);
    expect(readReferrals(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])), 'bytes with a byte-order mark').to.deep.equal(expected);
    expect(readReferrals(new TextEncoder().encode(text))).to.deep.equal(expected);
  });

  const bad: { body: unknown; code: string }[] = [
    { body: '{not json', code: 'body-not-json' },
    { body: '', code: 'body-not-json' },
    { body: null, code: 'body-not-object' },
    { body: 42, code: 'body-not-object' },
    { body: '[1,2]', code: 'body-not-object' },
    { body: undefined, code: 'body-not-object' },
  ];
  for (const { body, code } of bad) {
    it(`throws WebhookError ${code} for ${JSON.stringify(body)}`, () => {
      let caught: unknown;
      try {
        readReferrals(body);
      } catch (error) {
        caught = error;
      }
      expect(caught, 'readReferrals should have thrown').to.be.instanceOf(WebhookError);
      expect((caught as WebhookError).code).to.equal(code);
      expect((caught as WebhookError).name).to.equal('WebhookError');
    });
  }
});
