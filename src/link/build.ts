import { type LinkKind, checkLink, collectProblems, instagramRules, linkKind, messengerRules } from './check.js';
import { pageName, username } from './page.js';
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
  readonly username?: undefined;
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
  readonly username?: undefined;
}

/** Options of an Instagram link, `https://ig.me/m/USERNAME?ref=…`. */
export interface InstagramLinkOptions {
  /** The Instagram username: `name`, `@name`, or an instagram.com URL. Required. */
  readonly username: string;
  /** Sent to your webhook as `referral.ref` (new conversations: only with Icebreakers set up). @default none */
  readonly ref?: string;
  readonly page?: undefined;
  readonly text?: undefined;
  readonly topic?: undefined;
  readonly cadence?: undefined;
}

/** Any link's options: `username` makes an Instagram link, `topic` an opt-in link, else a chat link. */
export type LinkOptions = ChatLinkOptions | OptinLinkOptions | InstagramLinkOptions;

function link(base: string, params: readonly (readonly [string, string | undefined])[]): string {
  const query = params.filter(([, value]) => value).map(([key, value]) => `${key}=${encodeURIComponent(value!)}`);
  return base + (query.length ? '?' + query.join('&') : '');
}

// Each link written out from options already checked: the builders check first, and so does an
// element, which needs the warnings too and so calls checkLink itself, once.
const chatHref = (o: ChatLinkOptions) => link('https://m.me/' + pageName(String(o.page)), [['ref', o.ref], ['text', o.text]]);
const optinHref = (o: OptinLinkOptions) => link('https://m.me/rn/' + pageName(String(o.page)), [['topic', o.topic], ['cadence', o.cadence], ['ref', o.ref]]);
const instagramHref = (o: InstagramLinkOptions) => link('https://ig.me/m/' + username(o.username), [['ref', o.ref]]);

/**
 * @internal The link of options that `checkLink` found no error in, of the kind `linkKind` gives;
 * it checks nothing itself.
 */
export const checkedHref = (options: LinkOptions, kind: LinkKind = linkKind(options)): string =>
  kind == 'instagram' ? instagramHref(options as InstagramLinkOptions) : kind == 'optin' ? optinHref(options as OptinLinkOptions) : chatHref(options as ChatLinkOptions);

/**
 * Builds an m.me chat link.
 * @throws {LinkError} on any error-severity problem (see `checkLink`).
 * @example chatLink({ page: 'OriginalCoastClothing', ref: 'summer_coupon' })
 * // 'https://m.me/OriginalCoastClothing?ref=summer_coupon'
 */
export function chatLink(options: ChatLinkOptions): string {
  throwErrors(collectProblems(options, messengerRules('chat', pageName)));
  return chatHref(options);
}

/**
 * Builds an m.me/rn recurring-notification opt-in link (legacy and region-limited at Meta).
 * @throws {LinkError} on any error-severity problem (see `checkLink`).
 * @example optinLink({ page: 'OriginalCoastClothing', topic: 'weekly deals', cadence: 'weekly' })
 * // 'https://m.me/rn/OriginalCoastClothing?topic=weekly%20deals&cadence=weekly'
 */
export function optinLink(options: OptinLinkOptions): string {
  throwErrors(collectProblems(options, messengerRules('optin', pageName)));
  return optinHref(options);
}

/**
 * Builds an ig.me link that opens an Instagram conversation with the account.
 * @throws {LinkError} on any error-severity problem (see `checkLink`); `text-on-instagram` when
 * `text` is given, since ig.me links carry no prefilled message.
 * @example instagramLink({ username: '@originalcoastclothing', ref: 'bio' })
 * // 'https://ig.me/m/originalcoastclothing?ref=bio'
 */
export function instagramLink(options: InstagramLinkOptions): string {
  throwErrors(collectProblems(options, instagramRules(username)));
  return instagramHref(options);
}

/** Builds an Instagram link when `username` is given, else an opt-in link when `topic` is, else a chat link. */
export function messengerLink(options: LinkOptions): string {
  throwErrors(checkLink(options));
  return checkedHref(options);
}
