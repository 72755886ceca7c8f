import { readAtMost } from './body.js';
import { WebhookError } from './errors.js';
import { type Claim, type ReferralStore, memoryStore, referralKey } from './ledger.js';
import { type Referral, parseBody, readEvents, readReferrals } from './referrals.js';
import { verifySignature, verifySubscription } from './verify.js';

export interface WebhookHandlerOptions {
  /** The app secret from the Meta app dashboard: each delivery's signature is checked with it. Required. */
  readonly appSecret: string;
  /** The verify token you typed in the dashboard, for the subscription handshake. Required. */
  readonly verifyToken: string;
  /**
   * Where referrals are recorded, each once: `sqliteStore` or `postgresStore` from
   * `mme-kit/store` keep them across restarts and receivers. A store that fails answers 503, so
   * Meta delivers again. @default memoryStore(): this process only, forgotten on a restart
   */
  readonly store?: ReferralStore;
  /**
   * Called once for each new referral, after it is recorded. A throw or a rejection answers 500
   * and un-records that referral (and the delivery's later ones), so Meta's redelivery runs them
   * again; the ones before it stay done. A store or an `onReferral`, or both, is required.
   */
  readonly onReferral?: (referral: Referral) => unknown;
  /** Called for every messaging event of a delivery, as Meta sent it (messages, postbacks…). @default none */
  readonly onEvent?: (event: Record<string, unknown>) => unknown;
  /**
   * Told of each handshake, each referral recorded and each delivery refused, with the likely
   * cause: for a log. @default a console.error line for each delivery answered 500 or 503 (a
   * callback or the store failed), so that no failure goes unseen
   */
  readonly onNotice?: (notice: WebhookNotice) => void;
  /** The largest body accepted, in bytes; a larger one is answered 413. @default 1,048,576 (1 MB) */
  readonly maxBodyBytes?: number;
  /** How long a referral whose callback is running stays claimed if its process dies, in milliseconds. @default 60,000 */
  readonly leaseMs?: number;
  /** How long a concurrent copy of a delivery waits for the callback another copy is running, in milliseconds, before answering 503. @default 5,000 */
  readonly busyWaitMs?: number;
}

/** Why a delivery was refused: the answer's status, and a code a log or a test can tell apart. */
export type RejectionCode = 'signature-missing' | 'signature-mismatch' | 'body-too-large' | 'body-not-json' | 'store-failed' | 'callback-failed' | 'busy';

/** What the handler tells `onNotice`. */
export type WebhookNotice =
  | { readonly kind: 'handshake'; readonly status: 200 | 403 }
  | { readonly kind: 'recorded'; readonly referral: Referral }
  | { readonly kind: 'rejected'; readonly status: number; readonly code: RejectionCode; readonly message: string; readonly error?: unknown };

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

/**
 * A webhook endpoint for Meta in one function: the Fetch API's `(request) => response`, so the
 * same handler serves Node ≥ 20, Deno, Bun, Cloudflare Workers, Next.js route handlers and Hono
 * (and node:http or Express through `toNodeListener`).
 * - GET answers the subscription handshake: 200 with the challenge, else 403.
 * - POST checks `X-Hub-Signature-256` over the raw bytes (401 when missing or wrong, and nothing
 *   runs), reads the JSON (400 when it is not a JSON object; 413 over `maxBodyBytes`), calls
 *   `onEvent` for each messaging event, records the delivery's referrals in the store in one
 *   transaction, runs `onReferral` once for each new one, and answers 200 only after that: 503
 *   when the store fails, 500 when a callback fails.
 * - Any other method: 405.
 * @throws {WebhookError} `secret-missing`, `token-missing` or `callback-missing` when created without them, `store-invalid` for a store without record() and settle().
 * @example export const handler = createWebhookHandler({ appSecret, verifyToken, store: await sqliteStore('mme.db', { secret: appSecret }) });
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const { appSecret, verifyToken, onReferral, onEvent, onNotice, store = memoryStore(), maxBodyBytes = 1 << 20, leaseMs = 60_000, busyWaitMs = 5_000 } = options ?? ({} as WebhookHandlerOptions);
  if (typeof appSecret != 'string' || !appSecret) throw new WebhookError('secret-missing', 'appSecret', 'appSecret is missing: pass the app secret from your Meta app dashboard');
  if (typeof verifyToken != 'string' || !verifyToken) throw new WebhookError('token-missing', 'verifyToken', 'verifyToken is missing: pass the verify token you typed in the Meta app dashboard');
  if (onReferral !== undefined && typeof onReferral != 'function') throw new WebhookError('callback-missing', 'onReferral', 'onReferral must be a function that handles each referral');
  if (onReferral === undefined && options.store === undefined) throw new WebhookError('callback-missing', 'onReferral', 'onReferral and store are both missing: pass a store (mme-kit/store) to record referrals, an onReferral function, or both');
  if (typeof store?.record != 'function' || typeof store.settle != 'function') throw new WebhookError('store-invalid', 'store', 'store must have record() and settle(), as the stores of mme-kit/store do');

  const reject = (status: number, code: RejectionCode, message: string, error?: unknown) => {
    if (onNotice) onNotice({ kind: 'rejected', status, code, message, error });
    else if (status >= 500) console.error(`mme-kit: ${message}:`, error ?? '');
    return text(status, status === 503 ? 'Service Unavailable' : status === 500 ? 'Internal Server Error' : message, status === 503 ? { 'retry-after': '10' } : {});
  };

  /** Runs the callbacks of the referrals this delivery claimed, in order; at the first that fails, un-records it and the rest, and says why. */
  async function runClaimed(claimed: Referral[], claim: Claim): Promise<true | { error: unknown }> {
    for (let i = 0; i < claimed.length; i++) {
      try {
        await onReferral!(claimed[i]);
      } catch (error) {
        for (const referral of claimed.slice(i)) await store.settle(referral, claim, 'failed');
        return { error };
      }
      await store.settle(claimed[i], claim, 'done');
      onNotice?.({ kind: 'recorded', referral: claimed[i] });
    }
    return true;
  }

  return async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const challenge = verifySubscription(new URL(request.url).searchParams, verifyToken);
      onNotice?.({ kind: 'handshake', status: challenge === null ? 403 : 200 });
      return challenge === null ? text(403, 'Forbidden') : text(200, challenge);
    }
    if (request.method !== 'POST') return text(405, 'Method Not Allowed', { allow: 'GET, POST' });
    const body = await readAtMost(request, maxBodyBytes);
    if (!body) return reject(413, 'body-too-large', `the body is larger than ${maxBodyBytes} bytes`);
    const signature = request.headers.get('x-hub-signature-256');
    if (!signature) return reject(401, 'signature-missing', 'the request has no X-Hub-Signature-256 header: it is not a delivery from Meta, or a proxy removed the header');
    if (!(await verifySignature(body, signature, appSecret))) return reject(401, 'signature-mismatch', 'the signature does not match the app secret: check that it is the secret of the app that sends this webhook (Meta app dashboard → App settings → Basic)');
    let referrals: Referral[];
    let events: Record<string, unknown>[];
    try {
      // Parsed once; both readers take the parsed object as it is.
      const root = parseBody(body);
      referrals = readReferrals(root);
      events = onEvent ? readEvents(root) : [];
    } catch (error) {
      if (error instanceof WebhookError) return reject(400, 'body-not-json', 'Bad Request: the body is not a JSON object');
      throw error;
    }
    try {
      for (const event of events) await onEvent!(event);
    } catch (error) {
      return reject(500, 'callback-failed', 'onEvent failed, so this delivery is answered 500 for Meta to send again', error);
    }
    // The same referral twice in one delivery is one referral.
    const unique = [...new Map(referrals.map((r) => [referralKey(r), r])).values()];
    if (!unique.length) return text(200, 'EVENT_RECEIVED');
    const claim: Claim | undefined = onReferral ? { id: crypto.randomUUID(), leaseMs } : undefined;
    let pending = unique;
    const waitUntil = Date.now() + busyWaitMs;
    try {
      for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
        const outcomes = await store.record(pending, claim);
        const fresh = pending.filter((_, i) => outcomes[i] === 'new');
        if (claim) {
          const ran = await runClaimed(fresh, claim);
          if (ran !== true) return reject(500, 'callback-failed', 'onReferral failed, so this delivery is answered 500 for Meta to send again', ran.error);
        } else for (const referral of fresh) onNotice?.({ kind: 'recorded', referral });
        // Referrals another copy of this delivery is running the callback for: wait for it to
        // finish (done, or failed and so new again), or for its claim to run out.
        pending = pending.filter((_, i) => outcomes[i] === 'busy');
        if (!pending.length) break;
        if (Date.now() + wait > waitUntil) return reject(503, 'busy', 'a copy of this delivery is still being handled elsewhere; Meta will send it again');
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } catch (error) {
      return reject(503, 'store-failed', `the store did not record the delivery (${error instanceof Error ? error.message : String(error)}); Meta will send it again`, error);
    }
    return text(200, 'EVENT_RECEIVED');
  };
}
