import { WebhookError } from './errors.js';
import { type Referral, parseBody, readEvents, readReferrals } from './referrals.js';
import { verifySignature, verifySubscription } from './verify.js';

/**
 * Where a handler remembers the referrals it has handled, so that Meta's redelivery of one is not
 * handled twice. The default keeps them in memory; an app on several instances passes a shared
 * store (Redis, a database table) with the same two methods.
 */
export interface SeenStore {
  has(key: string): boolean | Promise<boolean>;
  add(key: string): void | Promise<void>;
}

export interface WebhookHandlerOptions {
  /** The app secret from the Meta app dashboard: each delivery's signature is checked with it. Required. */
  readonly appSecret: string;
  /** The verify token you typed in the dashboard, for the subscription handshake. Required. */
  readonly verifyToken: string;
  /** Called once for each referral. A throw or a rejection answers 500, so Meta delivers it again. Required. */
  readonly onReferral: (referral: Referral) => unknown;
  /** Called for every messaging event of a delivery, as Meta sent it (messages, postbacks…). @default none */
  readonly onEvent?: (event: Record<string, unknown>) => unknown;
  /** The referrals already handled. @default an in-memory store of the last 10,000, for 48 hours */
  readonly seen?: SeenStore;
  /** The largest body accepted, in bytes; a larger one is answered 413. @default 1,048,576 (1 MB) */
  readonly maxBodyBytes?: number;
}

/**
 * An in-memory `SeenStore` that forgets the oldest keys past `size`, and any key after `maxAgeMs`.
 * Meta retries a failed delivery for up to 36 hours, which the default age covers.
 */
export function memorySeenStore(size = 10_000, maxAgeMs = 48 * 3600_000): SeenStore {
  const keys = new Map<string, number>();
  return {
    has(key) {
      const at = keys.get(key);
      return at !== undefined && Date.now() - at < maxAgeMs;
    },
    add(key) {
      keys.delete(key);
      keys.set(key, Date.now());
      // A Map iterates in insertion order: the first keys are the oldest.
      for (const oldest of keys.keys()) {
        if (keys.size <= size) break;
        keys.delete(oldest);
      }
    },
  };
}

/** What tells one referral from another: Meta sends the same event again, with the same fields. */
const keyOf = (r: Referral) => JSON.stringify([r.channel, r.via, r.pageId, r.psid ?? r.userRef ?? '', r.timestamp, r.ref ?? '', r.optin?.token ?? '']);

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

/** Reads a body of at most `limit` bytes; null when it is larger. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A webhook endpoint for Meta in one function: the Fetch API's `(request) => response`, so the
 * same handler serves Node ≥ 20, Deno, Bun, Cloudflare Workers, Next.js route handlers and Hono
 * (and node:http or Express through `toNodeListener`).
 * - GET answers the subscription handshake: 200 with the challenge, else 403.
 * - POST checks `X-Hub-Signature-256` over the raw bytes (401 when missing or wrong, and nothing
 *   runs), reads the JSON (400 when it is not a JSON object; 413 over `maxBodyBytes`), calls
 *   `onEvent` for each messaging event and `onReferral` once for each referral not seen before,
 *   and answers 200 only after every callback has finished. A callback that fails answers 500
 *   and marks none of the delivery's referrals as seen, so Meta's redelivery runs them again.
 * - Any other method: 405.
 * @throws {WebhookError} `secret-missing`, `token-missing` or `callback-missing` when created without them.
 * @example export const handler = createWebhookHandler({ appSecret, verifyToken, onReferral: (r) => console.log(r.ref) });
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const { appSecret, verifyToken, onReferral, onEvent, seen = memorySeenStore(), maxBodyBytes = 1 << 20 } = options ?? ({} as WebhookHandlerOptions);
  if (typeof appSecret != 'string' || !appSecret) throw new WebhookError('secret-missing', 'appSecret', 'appSecret is missing: pass the app secret from your Meta app dashboard');
  if (typeof verifyToken != 'string' || !verifyToken) throw new WebhookError('token-missing', 'verifyToken', 'verifyToken is missing: pass the verify token you typed in the Meta app dashboard');
  if (typeof onReferral != 'function') throw new WebhookError('callback-missing', 'onReferral', 'onReferral is missing: pass a function that records each referral');
  return async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const challenge = verifySubscription(new URL(request.url).searchParams, verifyToken);
      return challenge === null ? text(403, 'Forbidden') : text(200, challenge);
    }
    if (request.method !== 'POST') return text(405, 'Method Not Allowed', { allow: 'GET, POST' });
    const body = await readLimited(request, maxBodyBytes);
    if (!body) return text(413, 'Payload Too Large');
    if (!(await verifySignature(body, request.headers.get('x-hub-signature-256'), appSecret))) return text(401, 'Unauthorized');
    let referrals: Referral[];
    let events: Record<string, unknown>[];
    try {
      // Parsed once; both readers take the parsed object as it is.
      const root = parseBody(body);
      referrals = readReferrals(root);
      events = onEvent ? readEvents(root) : [];
    } catch (error) {
      if (error instanceof WebhookError) return text(400, 'Bad Request: the body is not a JSON object');
      throw error;
    }
    const handled = new Set<string>();
    try {
      for (const event of events) await onEvent!(event);
      for (const referral of referrals) {
        const key = keyOf(referral);
        // The same referral twice in one delivery, or again in a redelivery, runs once.
        if (handled.has(key) || (await seen.has(key))) continue;
        await onReferral(referral);
        handled.add(key);
      }
    } catch (error) {
      console.error('mme-kit: a webhook callback failed, so this delivery is answered 500 for Meta to send again:', error);
      return text(500, 'Internal Server Error');
    }
    for (const key of handled) await seen.add(key);
    return text(200, 'EVENT_RECEIVED');
  };
}
