import type { Cadence } from './build.js';
import { collectProblems, instagramRules, messengerRules } from './check.js';
import { fail, quote, throwErrors } from './problems.js';

/** A chat link taken apart. */
export interface ParsedChatLink {
  readonly kind: 'chat';
  readonly page: string;
  readonly ref?: string;
  readonly text?: string;
}

/** An opt-in link taken apart. */
export interface ParsedOptinLink {
  readonly kind: 'optin';
  readonly page: string;
  readonly topic: string;
  readonly cadence?: Cadence;
  readonly ref?: string;
}

/** An ig.me link taken apart. */
export interface ParsedInstagramLink {
  readonly kind: 'instagram';
  readonly username: string;
  readonly ref?: string;
}

export type ParsedLink = ParsedChatLink | ParsedOptinLink | ParsedInstagramLink;

// m.me/NAME, m.me/rn/NAME, ig.me/m/NAME and ig.me/NAME.
const LINK = /^(?:https?:\/\/|\/\/)?(?:www\.)?(?:m\.me\/(rn\/)?|(ig)\.me\/(?:m\/)?)([^/?#]*)\/?(?:\?([^#]*))?(?:#.*)?$/i;

/**
 * Takes an m.me, m.me/rn or ig.me link apart. Accepts http, https or no scheme, `www.`, any
 * parameter order, and `+` or `%20` for spaces; unknown parameters (such as utm_*) are ignored.
 * @throws {LinkError} `not-messenger-link` for anything else, or the code of an invalid part.
 */
export function parseLink(url: string): ParsedLink {
  // Read as a browser reads a URL (WHATWG URL): control characters and spaces at either end are
  // dropped, and tabs and line breaks anywhere, so the ref is the one a browser would send.
  const text = typeof url == 'string' ? url.replace(/^[\0- ]+|[\0- ]+$|[\t\n\r]/g, '') : '';
  const match = LINK.exec(text) ?? fail('not-messenger-link', `url ${quote(typeof url == 'string' ? url : typeof url)} is not an m.me or ig.me link`);
  const params = new Map<string, string>();
  for (const pair of (match[4] ?? '').split('&')) {
    const [key, ...value] = pair.split('=');
    try {
      // The first of a repeated parameter wins, as in URLSearchParams.get.
      const name = decodeURIComponent(key);
      params.has(name) || params.set(name, decodeURIComponent(value.join('=').replace(/\+/g, ' ')));
    } catch {
      fail('not-messenger-link', `url parameter ${key} has broken percent-encoding`);
    }
  }
  const kind = match[2] ? 'instagram' : match[1] ? 'optin' : 'chat';
  const parsed: Record<string, string> = { kind, [match[2] ? 'username' : 'page']: match[3] };
  for (const key of kind == 'optin' ? ['topic', 'cadence', 'ref'] : kind == 'chat' ? ['ref', 'text'] : ['ref']) {
    const value = params.get(key);
    if (value) parsed[key] = key === 'cadence' ? value.toLowerCase() : value;
  }
  // A text the link type cannot carry is an error, never silently dropped.
  throwErrors(collectProblems(kind == 'chat' ? parsed : { ...parsed, text: params.get('text') }, kind == 'instagram' ? instagramRules() : messengerRules(kind)));
  return parsed as unknown as ParsedLink;
}
