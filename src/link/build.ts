import { collectProblems, isOptin } from './check.js';
import { pageName } from './page.js';
import { throwErrors } from './problems.js';

/** Options of a chat link, `https://m.me/PAGE?ref=…&text=…`. */
export interface ChatLinkOptions {
  /** The Page's username, `@username`, numeric ID, or its facebook.com / m.me URL. Required. */
  readonly page: string | number;
  /** Sent to your webhook as `referral.ref` when the person opens the conversation. @default none */
  readonly ref?: string;
  /** Message prefilled in the person's composer. @default none */
  readonly text?: string;
  readonly topic?: undefined;
  readonly cadence?: undefined;
}

/** How often an opt-in subscriber may be messaged; Meta's default is daily. */
export type Cadence = 'daily' | 'weekly' | 'monthly';

/** Options of a recurring-notification opt-in link, `https://m.me/rn/PAGE?topic=…`. */
export interface OptinLinkOptions {
  /** The Page's username, `@username`, numeric ID, or its facebook.com / m.me URL. Required. */
  readonly page: string | number;
  /** The registered notification topic: letters, digits and spaces. Required. */
  readonly topic: string;
  /** Message frequency. @default none (Messenger then uses daily) */
  readonly cadence?: Cadence;
  /** Sent to your webhook with the opt-in. @default none */
  readonly ref?: string;
  readonly text?: undefined;
}

/** Either kind of link options: `topic` makes it an opt-in link. */
export type LinkOptions = ChatLinkOptions | OptinLinkOptions;

function link(path: string, params: readonly (readonly [string, string | undefined])[]): string {
  const query = params.filter(([, value]) => value).map(([key, value]) => `${key}=${encodeURIComponent(value!)}`);
  return `https://m.me/${path}${query.length ? '?' + query.join('&') : ''}`;
}

/**
 * Builds an m.me chat link.
 * @throws {LinkError} on any error-severity problem (see `checkLink`).
 * @example chatLink({ page: 'OriginalCoastClothing', ref: 'summer_coupon' })
 * // 'https://m.me/OriginalCoastClothing?ref=summer_coupon'
 */
export function chatLink(options: ChatLinkOptions): string {
  throwErrors(collectProblems(options, false, pageName));
  return link(pageName(String(options.page)), [['ref', options.ref], ['text', options.text]]);
}

/**
 * Builds an m.me/rn recurring-notification opt-in link (legacy and region-limited at Meta).
 * @throws {LinkError} on any error-severity problem (see `checkLink`).
 * @example optinLink({ page: 'OriginalCoastClothing', topic: 'weekly deals', cadence: 'weekly' })
 * // 'https://m.me/rn/OriginalCoastClothing?topic=weekly%20deals&cadence=weekly'
 */
export function optinLink(options: OptinLinkOptions): string {
  throwErrors(collectProblems(options, true, pageName));
  const { topic, cadence, ref } = options;
  return link('rn/' + pageName(String(options.page)), [['topic', topic], ['cadence', cadence], ['ref', ref]]);
}

/** Builds an opt-in link when `topic` is given (not empty), else a chat link. */
export function messengerLink(options: LinkOptions): string {
  return isOptin(options) ? optinLink(options as OptinLinkOptions) : chatLink(options as ChatLinkOptions);
}
