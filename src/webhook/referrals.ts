import { WebhookError } from './errors.js';

/** A recurring-notification opt-in, from `messaging_optins`. */
export interface Optin {
  /** `notification_messages_token`: what you send marketing messages with. */
  readonly token: string;
  readonly topic?: string;
  /** `DAILY`, `WEEKLY` or `MONTHLY` (removed by Meta in API v16). */
  readonly frequency?: string;
  readonly timezone?: string;
  /** When the token expires, in milliseconds since the epoch. */
  readonly expiresAt?: number;
  /** `REFRESHED` or `NOT_REFRESHED`. */
  readonly tokenStatus?: string;
  /** `STOP NOTIFICATIONS` or `RESUME NOTIFICATIONS`, when the person changed it. */
  readonly status?: string;
  readonly title?: string;
}

/** Where a conversation came from, read out of one webhook event. */
export interface Referral {
  /** Which part of the event carried it. */
  readonly via: 'referral' | 'postback' | 'message' | 'optin';
  /** Where the conversation is: `instagram` for an `instagram` webhook, else `messenger`. */
  readonly channel: 'messenger' | 'instagram';
  /** The Page (or Instagram account) that received the event. */
  readonly pageId: string;
  /** The person's page-scoped ID, when Meta sent `sender.id`. */
  readonly psid?: string;
  /** `sender.user_ref`, sent instead of a PSID by some plugins. */
  readonly userRef?: string;
  /** When it happened, in milliseconds since the epoch (0 when the event carries no time). */
  readonly timestamp: number;
  /** The `ref` of the m.me link, ad or plugin. */
  readonly ref?: string;
  /** `SHORTLINK` for m.me links (SHORT-URL, SHORT_URL and SHORTLINKS are read as SHORTLINK), `ADS`, … */
  readonly source?: string;
  /** `OPEN_THREAD`, or the opt-in's type such as `notification_messages`. */
  readonly type?: string;
  readonly refererUri?: string;
  readonly adId?: string;
  /** The postback's or opt-in's payload. */
  readonly payload?: string;
  /** Meta's id of the message or postback that carried it (`mid`); referrals of an existing thread have none. */
  readonly messageId?: string;
  readonly optin?: Optin;
}

type Json = Record<string, any>;

const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
const text = (value: unknown): string | undefined => (value == null || typeof value === 'object' ? undefined : String(value));
/** Meta sends seconds or milliseconds, as numbers or strings. */
const millis = (value: unknown): number | undefined => {
  // Only a number, or digits as text: never " ", [] or true, which Number() reads as 0 or 1.
  const n = typeof value == 'number' ? value : typeof value == 'string' && /^\s*\d+(\.\d*)?\s*$/.test(value) ? +value : NaN;
  const ms = n < 1e11 ? n * 1000 : n;
  return ms >= 0 && ms < Infinity ? ms : undefined;
};
/** Drops absent fields so results compare and serialise cleanly. */
const clean = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
const source = (value: unknown): string | undefined => {
  const s = text(value)?.toUpperCase();
  return s && /^SHORT[-_]?(URL|LINKS?)$/.test(s) ? 'SHORTLINK' : s;
};

/**
 * The body as a JSON object, read once: parsed JSON is taken as it is, text or bytes are parsed.
 * @throws {WebhookError} `body-not-json` or `body-not-object`.
 */
export function parseBody(body: unknown): Json {
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) body = new TextDecoder().decode(body);
  if (typeof body === 'string') {
    try {
      // A byte-order mark, which some proxies and files put first, is not part of the JSON.
      body = JSON.parse(body.replace(/^\uFEFF/, ''));
    } catch {
      throw new WebhookError('body-not-json', 'body', 'webhook body is not valid JSON');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WebhookError('body-not-object', 'body', 'webhook body must be a JSON object');
  }
  return body as Json;
}

/** Every messaging event in a body: `entry[].messaging[]`, `entry[].changes[].value`, or the
 * dashboard's test shape `{ field, value }`, each paired with its entry. */
function events(root: Json): [Json, Json][] {
  if (root.value && typeof root.value == 'object') return [[root.value, {}]];
  return list(root.entry).flatMap((entry) =>
    list([...list(entry.messaging), ...list(entry.changes).map((change) => change.value)]).map((event): [Json, Json] => [event, entry]),
  );
}

/**
 * Reads every referral out of a Messenger or Instagram webhook body: `referral` (existing
 * thread), `postback.referral` (new thread after Get Started), `message.referral` and `optin`.
 * Events without one are skipped.
 * @param body The parsed JSON body, or its raw text or bytes.
 * @throws {WebhookError} `body-not-json` or `body-not-object` for a body that is not a JSON object.
 * @example for (const r of readReferrals(req.body)) console.log(r.ref, r.psid)
 */
export function readReferrals(body: unknown): Referral[] {
  const root = parseBody(body);
  const found: Referral[] = [];
  if (root.object != null && root.object !== 'page' && root.object !== 'instagram') return found;
  const channel: Referral['channel'] = root.object === 'instagram' ? 'instagram' : 'messenger';
  for (const [event, entry] of events(root)) {
    const sender = event.sender ?? {};
    const base = {
      channel,
      pageId: text(event.recipient?.id ?? entry.id) ?? '',
      psid: text(sender.id),
      userRef: text(sender.user_ref),
      timestamp: millis(event.timestamp) ?? millis(entry.time) ?? 0,
    };
    const add = (via: Referral['via'], from: Json | undefined, payload?: unknown, optin?: Optin, messageId?: unknown) => {
      if (!from || typeof from != 'object' || Array.isArray(from)) return;
      found.push(clean({
        via,
        ...base,
        ref: text(from.ref),
        source: source(from.source),
        type: text(from.type),
        refererUri: text(from.referer_uri),
        adId: text(from.ad_id),
        payload: text(payload),
        optin,
        messageId: text(messageId),
      }));
    };
    add('referral', event.referral);
    add('postback', event.postback?.referral, event.postback?.payload, undefined, event.postback?.mid);
    add('message', event.message?.referral, undefined, undefined, event.message?.mid);
    const optin: Json | undefined = event.optin;
    const token = text(optin?.notification_messages_token);
    add('optin', optin, optin?.payload, token ? clean({
      token,
      topic: text(optin!.notification_messages_topic),
      frequency: text(optin!.notification_messages_frequency),
      timezone: text(optin!.notification_messages_timezone),
      expiresAt: millis(optin!.token_expiry_timestamp),
      tokenStatus: text(optin!.user_token_status),
      status: text(optin!.notification_messages_status),
      title: text(optin!.title),
    }) : undefined);
  }
  return found;
}

/**
 * Every messaging event in a webhook body (`entry[].messaging[]`, `entry[].changes[].value`, or
 * the dashboard's `{ field, value }` test shape), as Meta sent it, for `page` and `instagram`
 * webhooks. @throws {WebhookError} `body-not-json` or `body-not-object`.
 */
export function readEvents(body: unknown): Record<string, unknown>[] {
  const root = parseBody(body);
  if (root.object != null && root.object !== 'page' && root.object !== 'instagram') return [];
  return events(root).map(([event]) => event);
}
