import { pageName } from './page.js';
import { type LinkProblemCode, type Problem, problem, quote } from './problems.js';

/** The longest `ref` Messenger accepts, counted URL-encoded. */
export const REF_LIMIT = 2083;
/** Whether `value` is well-formed text: encodeURIComponent refuses a broken (unpaired surrogate) character. */
export const wellFormed = (value: string): boolean => {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * Every problem with a set of link options, errors and warnings alike. Never throws, whatever
 * it is given. `topic` present means an opt-in link, absent a chat link.
 * @example checkLink({ page: 'javascript:alert(1)' })[0].code // 'page-invalid'
 */
export function checkLink(options: unknown): Problem<LinkProblemCode>[] {
  return collectProblems(options, isOptin(options), pageName);
}

/** Whether options make an opt-in link: a topic is given (an empty one counts as not given). */
export const isOptin = (options: unknown): boolean => ((options as { topic?: unknown } | null)?.topic ?? '') !== '';

/**
 * The problems of a chat (`optin` false) or opt-in link. `normalize` turns the page as given
 * into a bare name; the parser, which already has one, leaves it out.
 */
export function collectProblems(options: unknown, optin: boolean, normalize = (page: string) => page): Problem<LinkProblemCode>[] {
  const found: Problem<LinkProblemCode>[] = [];
  const add = (code: LinkProblemCode, message: string, severity?: 'warning') => found.push(problem(code, message, severity));
  if (typeof options != 'object' || !options) {
    add('options-invalid', `link options must be an object, not ${typeof options == 'object' ? 'null' : typeof options}`);
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

  const page = normalize(read('page'));
  const ref = read('ref');
  const topic = read('topic');
  const cadence = read('cadence');
  const size = encodeURIComponent(ref).length;
  if (!found.length && !page) add('page-missing', "page is missing: give a Page username or ID");
  // Periods alone (`.`, `..`) would make a link to m.me itself.
  else if (/[^A-Za-z0-9.]|^\.+$/.test(page)) add('page-invalid', `page ${quote(page)} may only have letters, digits and periods`);
  else if (page.length < 5 && /\D/.test(page)) add('page-short', `page ${quote(page)} is under 5 characters`, 'warning');
  if (size > REF_LIMIT) add('ref-too-long', `ref is ${size} characters URL-encoded, over ${REF_LIMIT}`);
  if (/[^\w=-]/.test(ref)) add('ref-unsafe', `ref ${quote(ref)} has characters other than A-Z a-z 0-9 _ - = that Messenger may drop`, 'warning');
  if (read('text') && optin) add('text-on-optin', 'text is not allowed on an opt-in link');
  if ((optin || cadence) && !topic.trim()) add('topic-missing', 'topic is missing: opt-in links need one');
  else if (/[^\p{L}\p{N} ]/u.test(topic)) add('topic-invalid', `topic ${quote(topic)} may only have letters, digits and spaces`);
  if (cadence && !/^(daily|weekly|monthly)$/.test(cadence)) add('cadence-invalid', `cadence ${quote(cadence)} is not daily, weekly or monthly`);
  return found;
}
