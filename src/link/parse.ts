import type { Cadence } from './build.js';
import { collectProblems } from './check.js';
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

export type ParsedLink = ParsedChatLink | ParsedOptinLink;

const M_ME = /^(?:https?:\/\/|\/\/)?(?:www\.)?m\.me\/(rn\/)?([^/?#]*)\/?(?:\?([^#]*))?(?:#.*)?$/i;

/**
 * Takes an m.me or m.me/rn link apart. Accepts http, https or no scheme, `www.m.me`, any
 * parameter order, and `+` or `%20` for spaces; unknown parameters (such as utm_*) are ignored.
 * @throws {LinkError} `not-messenger-link` for anything else, or the code of an invalid part.
 */
export function parseLink(url: string): ParsedLink {
  // A browser drops tabs and line breaks from a URL before reading it; so does this parser.
  const text = typeof url == 'string' ? url.replace(/[\t\n\r]/g, '').trim() : '';
  const match = M_ME.exec(text) ?? fail('not-messenger-link', `url ${quote(typeof url == 'string' ? url : typeof url)} is not an m.me link`);
  const params = new Map<string, string>();
  for (const pair of (match[3] ?? '').split('&')) {
    const [key, ...value] = pair.split('=');
    try {
      // The first of a repeated parameter wins, as in URLSearchParams.get.
      const name = decodeURIComponent(key);
      params.has(name) || params.set(name, decodeURIComponent(value.join('=').replace(/\+/g, ' ')));
    } catch {
      fail('not-messenger-link', `url parameter ${key} has broken percent-encoding`);
    }
  }
  const optin = !!match[1];
  const parsed: Record<string, string> = { kind: optin ? 'optin' : 'chat', page: match[2] };
  for (const key of optin ? ['topic', 'cadence', 'ref'] : ['ref', 'text']) {
    const value = params.get(key);
    if (value) parsed[key] = key === 'cadence' ? value.toLowerCase() : value;
  }
  throwErrors(collectProblems(optin ? { ...parsed, text: params.get('text') } : parsed, optin));
  return parsed as unknown as ParsedLink;
}
