import { readAtMost } from './body.js';
import { WebhookError } from './errors.js';

const invalid = (message: string) => new WebhookError('click-invalid', 'body', message);

/** The channels a click can send a person to. */
export const CLICK_CHANNELS = ['messenger', 'instagram', 'whatsapp'] as const;
/**
 * How a click handed the person over: `link` the link opened (the button or a menu item), `qr`
 * a QR code shown to scan with a phone, `open-here` the QR popover's "open on this computer" link.
 */
export const HANDOFFS = ['link', 'qr', 'open-here'] as const;

/** One click on a kit button, as a beacon reports it: nothing about the visitor. */
export interface Click {
  /** When the receiver counted it, in milliseconds since the epoch. */
  readonly at: number;
  readonly channel: (typeof CLICK_CHANNELS)[number];
  /** The link's ref, as the person's conversation will carry it. */
  readonly ref?: string;
  /** `chat`, or `optin` for a recurring-notification link. */
  readonly kind?: 'chat' | 'optin';
  /** The page's path (no query, no fragment), where the button was. */
  readonly path?: string;
  readonly handoff?: (typeof HANDOFFS)[number];
}

/** Where clicks are counted: the stores of `mme-kit/store` are. */
export interface ClickStore {
  /** Counts the clicks, durable when the promise resolves. */
  click(clicks: readonly Click[]): Promise<void>;
}

export interface ClickHandlerOptions {
  /** Where clicks are counted. Required. */
  readonly store: ClickStore;
  /**
   * The origins of the sites whose buttons report clicks (`https://shop.example`): a beacon from
   * any other origin is answered 403 and counts nothing. Required, and at least one.
   */
  readonly allowOrigins: readonly string[];
  /** Clicks counted per client address per minute; more are answered 429. @default 30 */
  readonly perMinute?: number;
  /**
   * The client's address, for the rate limit, when the handler runs behind a proxy or a platform
   * that says it in a header (`request.headers.get('cf-connecting-ip')`). @default the address
   * `toNodeListener` or the caller passes as the second argument
   */
  readonly clientAddress?: (request: Request) => string | undefined;
}

/** The largest beacon body read, in bytes. */
export const MAX_CLICK_BYTES = 2048;
const FIELDS = new Set(['ref', 'channel', 'kind', 'path', 'handoff']);
/** Crawlers, link previews, uptime checks and headless browsers: what no person uses. */
const BOTS = /bot|crawl|spider|slurp|preview|facebookexternalhit|headless|lighthouse|phantom|puppeteer|playwright|selenium|python|curl|wget|httpclient|okhttp|java\/|go-http|axios|node-fetch|^$/i;

/**
 * Reads a beacon's JSON body into a `Click`: only the known fields, each of its type and length.
 * @throws {WebhookError} `click-invalid` for anything else.
 */
export function readClick(text: string, at = Date.now()): Click {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('the body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('the body is not a JSON object');
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !FIELDS.has(name));
  if (unknown !== undefined) throw invalid(`"${unknown.slice(0, 40)}" is not a field of a click: ${[...FIELDS].join(', ')}`);
  const textField = (name: string, max: number) => {
    const value = fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.length > max || /[\u0000-\u001f\u007f]/.test(value)) throw invalid(`${name} must be text of at most ${max} characters`);
    return value;
  };
  const oneOf = <T extends string>(name: string, list: readonly T[]) => {
    const value = fields[name];
    if (value === undefined || value === null) return undefined;
    if (!list.includes(value as T)) throw invalid(`${name} must be ${list.join(', ')}`);
    return value as T;
  };
  const channel = oneOf('channel', CLICK_CHANNELS);
  if (!channel) throw invalid(`channel is missing: ${CLICK_CHANNELS.join(', ')}`);
  const path = textField('path', 512);
  if (path !== undefined && !path.startsWith('/')) throw invalid('path must be a page path, starting with /');
  const click = { at, channel, ref: textField('ref', 1024), kind: oneOf('kind', ['chat', 'optin'] as const), path, handoff: oneOf('handoff', HANDOFFS) };
  return Object.fromEntries(Object.entries(click).filter(([, value]) => value !== undefined)) as unknown as Click;
}

/** A count per client address per minute, forgotten each minute: memory stays bounded by the addresses of one minute. */
function rateLimit(perMinute: number, maxAddresses = 100_000) {
  let window = 0;
  const counts = new Map<string, number>();
  return (address: string, now: number): boolean => {
    const minute = Math.floor(now / 60_000);
    if (minute !== window) {
      window = minute;
      counts.clear();
    }
    const count = (counts.get(address) ?? 0) + 1;
    // A flood from more addresses than that in one minute is not counted rather than remembered.
    if (count === 1 && counts.size >= maxAddresses) return false;
    counts.set(address, count);
    return count <= perMinute;
  };
}

/**
 * Counts the clicks that the kit's buttons report with `beacon="URL"`: the Fetch API's
 * `(request, client?) => response`. A click is counted only from `allowOrigins`, with a body of at
 * most 2 KB of the known fields, from a browser (not a bot), within the rate limit per client
 * address. Nothing about the visitor is kept: no address, no user agent, no cookie.
 * - 204: counted, or a bot's (not counted, and not told so).
 * - 400: the body is not a click; 403: the origin is not allowed; 429: over the rate limit;
 *   503: the store did not answer. None of these counts anything.
 * - OPTIONS answers the CORS preflight of an allowed origin.
 * @example const clicks = createClickHandler({ store, allowOrigins: ['https://shop.example'] });
 */
export function createClickHandler(options: ClickHandlerOptions): (request: Request, client?: { address?: string }) => Promise<Response> {
  const { store, allowOrigins, perMinute = 30, clientAddress } = options ?? ({} as ClickHandlerOptions);
  if (typeof store?.click !== 'function') throw new WebhookError('store-invalid', 'store', 'store must have click(), as the stores of mme-kit/store do');
  if (!Array.isArray(allowOrigins) || !allowOrigins.length) throw new WebhookError('origins-missing', 'allowOrigins', 'allowOrigins must list the origins of the sites whose buttons report clicks, such as https://shop.example');
  const origins = new Set(allowOrigins.map(originOf));
  const allowed = rateLimit(perMinute);
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  return async (request, client) => {
    const origin = request.headers.get('origin');
    const cors: Record<string, string> = origin && origins.has(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
    const answer = (status: number, body = '', headers: Record<string, string> = {}) =>
      new Response(status === 204 ? null : body, { status, headers: { ...cors, ...(body ? { 'content-type': 'text/plain; charset=utf-8' } : {}), ...headers } });
    if (request.method === 'OPTIONS') {
      return origin && origins.has(origin) ? answer(204, '', { 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' }) : answer(403, 'origin not allowed');
    }
    if (request.method !== 'POST') return answer(405, 'Method Not Allowed', { allow: 'POST, OPTIONS' });
    if (!origin || !origins.has(origin)) {
      await request.body?.cancel();
      return answer(403, `origin not allowed: start the receiver with --allow-origin ${origin && origin !== 'null' ? origin : 'https://your-site.example'}`);
    }
    const bytes = await readAtMost(request, MAX_CLICK_BYTES);
    if (!bytes) return answer(400, `the body is larger than ${MAX_CLICK_BYTES} bytes`);
    let click: Click;
    try {
      click = readClick(utf8.decode(bytes));
    } catch (error) {
      return answer(400, error instanceof WebhookError ? error.message : 'the body is not UTF-8 text');
    }
    if (BOTS.test(request.headers.get('user-agent') ?? '')) return answer(204);
    const address = clientAddress?.(request) ?? client?.address ?? 'unknown';
    if (!allowed(address, click.at)) return answer(429, 'too many clicks from this address', { 'retry-after': '60' });
    try {
      await store.click([click]);
    } catch {
      return answer(503, 'the store did not answer; this click is not counted', { 'retry-after': '10' });
    }
    return answer(204);
  };
}

/** An origin as a browser sends it (`https://shop.example`, no path, no trailing slash). */
export function originOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookError('origin-invalid', 'allowOrigins', `"${url}" is not an origin such as https://shop.example`);
  }
  if (!/^https?:$/.test(parsed.protocol) || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.hash || parsed.username) {
    throw new WebhookError('origin-invalid', 'allowOrigins', `"${url}" is not an origin such as https://shop.example: give the scheme and host only`);
  }
  return parsed.origin;
}
