import { checkLink } from './check.js';
import { throwErrors } from './problems.js';

// The domain must end where the host ends: `m.meals` and `fb.comedy` are usernames, not URLs.
const PAGE_URL =
  /^(?:https?:)?(?:\/\/)?(?:(?:www|m|web|business)\.)?(facebook\.com|fb\.com|m\.me)(?![^/?#])(\/[^?#]*)?(\?[^#]*)?/i;

/** facebook.com paths that name no Page: a video, a share, a chat, a group, an event, Facebook's own pages…. */
const NOT_PAGES = /^(watch|sharer?|messages|groups|events|marketplace|gaming|login|help|settings|search|hashtag|reels?|stories|photos?|videos?|notifications|friends|bookmarks|\w+\.php)$/i;

/**
 * Extracts the bare Page name or ID from what people paste; never throws.
 * Unrecognised input comes back trimmed, for the checks to judge.
 */
export function pageName(input: string): string {
  const value = input.trim();
  if (value[0] === '@') return value.slice(1);
  const match = PAGE_URL.exec(value);
  if (!match) return value;
  const segments = (match[2] ?? '').split('/').filter(Boolean);
  if (segments[0] === 'profile.php') return new URLSearchParams(match[3]).get('id') ?? '';
  // facebook.com/p/Some-Name-100064123456789/ names the Page by the ID its slug ends in.
  if (segments[0] === 'p') return /\d+$/.exec(segments[1] ?? '')?.[0] ?? '';
  if (NOT_PAGES.test(segments[0] ?? '')) return '';
  // facebook.com/pages/Name/123 and /people/Name/123 name the Page by the ID at the end.
  if (segments[0] === 'pages' || segments[0] === 'people') return segments[2] ?? segments[1] ?? '';
  if (segments[0] === 'rn' && match[1].toLowerCase() === 'm.me') segments.shift();
  return segments[0] ?? '';
}

/** instagram.com paths that name no account: a post, a reel, a story, the explore page…. */
const NOT_ACCOUNTS = /^(p|reels?|tv|stories|explore|accounts|direct)$/i;

/**
 * Extracts the bare Instagram username from `name`, `@name`, or an instagram.com or ig.me URL;
 * never throws. Unrecognised input comes back trimmed, for the checks to judge.
 */
export function username(input: string): string {
  const value = input.trim();
  const match = /^(?:https?:)?(?:\/\/)?(?:www\.)?(?:instagram\.com|ig\.me(?:\/m(?=\/))?)\/([^/?#]*)/i.exec(value);
  return match ? (NOT_ACCOUNTS.test(match[1]) ? '' : match[1]) : value.replace(/^@/, '');
}

/**
 * Turns a username, `@username`, numeric Page ID, or a facebook.com / fb.com / m.me URL into
 * the bare name m.me links use.
 * @throws {LinkError} `page-missing` or `page-invalid` when no valid name can be found.
 * @example normalizePage('https://www.facebook.com/OriginalCoastClothing/') // 'OriginalCoastClothing'
 */
export function normalizePage(input: string | number): string {
  throwErrors(checkLink({ page: input }));
  return pageName(String(input));
}
