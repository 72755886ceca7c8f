import { pageName, username } from './page.js';
import { type LinkProblemCode, type Problem, problem, quote } from './problems.js';

/** The longest `ref` Messenger accepts, counted URL-encoded. */
export const REF_LIMIT = 2083;
/**
 * Whether `value` is well-formed text: no broken (unpaired surrogate) character, which
 * encodeURIComponent would refuse. A regular expression, not a try around encodeURIComponent,
 * whose unused result a minifier may drop as pure.
 */
export const wellFormed = (value: string): boolean => !/\p{Cs}/u.test(value);

/** Which link a set of options makes: see `linkKind`. */
export type LinkKind = 'chat' | 'optin' | 'instagram';

/**
 * Every problem with a set of link options, errors and warnings alike. Never throws, whatever
 * it is given. `username` makes an Instagram link, `topic` an opt-in link, else a chat link.
 * @example checkLink({ page: 'javascript:alert(1)' })[0].code // 'page-invalid'
 */
export function checkLink(options: unknown): Problem<LinkProblemCode>[] {
  const kind = linkKind(options);
  return collectProblems(options, kind == 'instagram' ? instagramRules(username) : messengerRules(kind, pageName));
}

const given = (value: unknown): boolean => (value ?? '') !== '';

/** Whether options make an opt-in link: a topic is given (an empty one counts as not given). */
export const isOptin = (options: unknown): boolean => given((options as { topic?: unknown } | null)?.topic);

/**
 * Which link options make: `instagram` when a `username` is given, else `optin` when a `topic`
 * is, else `chat`. Empty values count as not given.
 */
export const linkKind = (options: unknown): LinkKind =>
  given((options as { username?: unknown } | null)?.username) ? 'instagram' : isOptin(options) ? 'optin' : 'chat';

type Add = (code: LinkProblemCode, message: string, severity?: 'warning') => void;
/** One kind of link's own checks: `read` gives a field as text (reporting a bad one), `add` reports. */
type Rules = (read: (field: string) => string, add: Add, values: Record<string, unknown>, found: readonly unknown[]) => void;
// Each builder imports only its own kind's rules, so that a bundle with one builder stays small.
// `normalize` turns the page or username as given into a bare name; the parser, which already has
// one, leaves it out.
const same = (name: string) => name;

/** The checks of a chat or opt-in link's page, text, topic and cadence. */
export const messengerRules =
  (kind: 'chat' | 'optin', normalize = same): Rules =>
  (read, add, _values, found) => {
    const optin = kind == 'optin';
    const given = read('page');
    const page = normalize(given);
    const topic = read('topic');
    const cadence = read('cadence');
    if (!found.length && !page) {
      // Something was given, and it was a Facebook address of something else: a share, a chat…
      if (given.trim()) add('page-invalid', `page ${quote(given)} names no Page: give the Page's own address or username`);
      else add('page-missing', 'page is missing: give a Page username or ID');
    }
    // Periods alone (`.`, `..`) would make a link to m.me itself.
    else if (/[^A-Za-z0-9.]|^\.+$/.test(page)) add('page-invalid', `page ${quote(page)} may only have letters, digits and periods`);
    else if (page.length < 5 && /\D/.test(page)) add('page-short', `page ${quote(page)} is under 5 characters`, 'warning');
    if (read('text') && optin) add('text-on-optin', 'text is not allowed on an opt-in link');
    if ((optin || cadence) && !topic.trim()) add('topic-missing', 'topic is missing: opt-in links need one');
    else if (/[^\p{L}\p{N} ]/u.test(topic)) add('topic-invalid', `topic ${quote(topic)} may only have letters, digits and spaces`);
    if (cadence && !/^(daily|weekly|monthly)$/.test(cadence)) add('cadence-invalid', `cadence ${quote(cadence)} is not daily, weekly or monthly`);
    if (optin) add('optin-limited', 'topic makes an opt-in link, which Messenger delivers only in Australia, the EU, Japan, South Korea and the UK since 2026-02-10', 'warning');
  };

/** The checks of an Instagram link's username, and of the options it cannot carry. */
export const instagramRules =
  (normalize = same): Rules =>
  (read, add, values, found) => {
    const name = normalize(read('username'));
    // A username that was not text has been reported already.
    if (!name) found.length || add('username-missing', 'username is missing: give an Instagram username');
    // Periods alone (`.`, `..`) would make a link to ig.me itself.
    else if (!/^[\w.]{1,30}$/.test(name) || /^\.+$/.test(name)) add('username-invalid', `username ${quote(name)} may only have up to 30 letters, digits, periods and underscores`);
    for (const field of ['page', 'text', 'topic', 'cadence']) {
      if (given(values[field])) add(field == 'text' ? 'text-on-instagram' : (`${field}-invalid` as LinkProblemCode), `${field} is not allowed on an Instagram link`);
    }
  };

/** The problems of a set of link options: the checks every link shares, then `rules`. */
export function collectProblems(options: unknown, rules: Rules): Problem<LinkProblemCode>[] {
  const found: Problem<LinkProblemCode>[] = [];
  const add: Add = (code, message, severity) => found.push(problem(code, message, severity));
  if (typeof options != 'object' || !options) {
    add('options-invalid', `options must be an object, not ${typeof options == 'object' ? 'null' : typeof options}`);
    return found;
  }
  const values = options as Record<string, unknown>;
  // An optional text field: '' and null count as absent; anything but well-formed text is an error.
  const read = (field: string): string => {
    const value = Number.isInteger(values[field]) && field == 'page' ? String(values[field]) : values[field] ?? '';
    if (typeof value == 'string' && wellFormed(value)) return value;
    add(`${field}-invalid` as LinkProblemCode, `${field} must be well-formed text, not ${typeof value}`);
    return '';
  };
  const ref = read('ref');
  const size = encodeURIComponent(ref).length;
  rules(read, add, values, found);
  if (size > REF_LIMIT) add('ref-too-long', `ref is ${size} characters URL-encoded, over ${REF_LIMIT}`);
  if (/[^\w=-]/.test(ref)) add('ref-unsafe', `ref ${quote(ref)} has characters other than A-Z a-z 0-9 _ - = that Messenger may drop`, 'warning');
  return found;
}
