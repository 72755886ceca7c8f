import { WebhookError } from './errors.js';

/** The last secret's imported key: a receiver checks every delivery with the same one. */
let cached: { secret: string; key: Promise<CryptoKey> } | undefined;
const keyOf = (secret: string): Promise<CryptoKey> => {
  if (cached?.secret !== secret) cached = { secret, key: crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']) };
  return cached.key;
};

/**
 * Checks Meta's `X-Hub-Signature-256` header: an HMAC-SHA256 of the raw body with your app
 * secret. Uses Web Crypto only (Node ≥ 20, Deno, Workers, browsers); the comparison is
 * constant-time.
 * @param rawBody The body exactly as received (never re-serialised JSON).
 * @param headerValue The header's value, `sha256=<hex>`; a missing or malformed header gives false.
 * @param appSecret The app secret from the Meta app dashboard.
 * @throws {WebhookError} `secret-missing` for an empty secret, `body-not-raw` for a parsed body.
 */
export async function verifySignature(
  rawBody: string | ArrayBuffer | ArrayBufferView,
  headerValue: string | null | undefined,
  appSecret: string,
): Promise<boolean> {
  if (typeof appSecret !== 'string' || !appSecret) throw new WebhookError('secret-missing', 'appSecret', 'appSecret is missing: pass the app secret from your Meta app dashboard');
  if (typeof rawBody !== 'string' && !(rawBody instanceof ArrayBuffer) && !ArrayBuffer.isView(rawBody)) {
    throw new WebhookError('body-not-raw', 'rawBody', 'verifySignature needs the raw request body (text or bytes) exactly as received, not parsed JSON');
  }
  const hex = /^sha256=([0-9a-f]{64})$/i.exec(String(headerValue ?? '').trim())?.[1];
  if (!hex) return false;
  const encoder = new TextEncoder();
  const key = await keyOf(appSecret);
  const signature = new Uint8Array(hex.match(/../g)!.map((byte) => parseInt(byte, 16)));
  // subtle.verify compares in constant time, so a forger learns nothing from timing.
  return crypto.subtle.verify('HMAC', key, signature, typeof rawBody === 'string' ? encoder.encode(rawBody) : (rawBody as BufferSource));
}

type Params = { get(name: string): string | null } | Readonly<Record<string, unknown>>;

/**
 * Answers Meta's subscription check (`GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`).
 * @param params A `URLSearchParams`, or a plain object of the query's values (flat `hub.mode`
 *   keys or nested `hub: { mode }`).
 * @returns The `hub.challenge` to send back with status 200, or null to answer 403.
 */
export function verifySubscription(params: Params, verifyToken: string): string | null {
  const read = (name: string): string | null => {
    let value: unknown =
      typeof params?.get === 'function'
        ? (params as URLSearchParams).get('hub.' + name)
        : (params as Record<string, any> | null)?.['hub.' + name] ?? (params as Record<string, any> | null)?.hub?.[name];
    if (Array.isArray(value)) value = value[0];
    return typeof value === 'string' ? value : null;
  };
  const token = read('verify_token') ?? '';
  const challenge = read('challenge');
  let differ = token.length ^ String(verifyToken).length;
  for (let i = 0; i < token.length; i++) differ |= token.charCodeAt(i) ^ String(verifyToken).charCodeAt(i);
  return read('mode') === 'subscribe' && verifyToken && !differ && challenge !== null ? challenge : null;
}
