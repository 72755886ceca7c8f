import { REF_LIMIT, wellFormed } from './check.js';
import { type LinkProblemCode, type Problem, fail, problem, quote } from './problems.js';

/** What a ref template can read about the page; missing fields count as empty. */
export interface PageContext {
  /** `location.pathname`, e.g. `/shoes/red sale/`. */
  readonly path: string;
  /** `location.host`, e.g. `shop.example.com`. */
  readonly host: string;
  /** `document.title`. */
  readonly title: string;
  /** The page's language, `<html lang>`. */
  readonly lang: string;
  /** The query string's values by name. */
  readonly query: Readonly<Record<string, string>>;
  /** `location.hash` without the `#`. */
  readonly hash: string;
}

/** The ref a template expands to, and any warning about it. */
export interface ExpandedRef {
  readonly ref: string;
  readonly problems: readonly Problem<LinkProblemCode>[];
}

/** A 32-bit FNV-1a hash of `text` as 8 hex digits: short, stable, the same in every runtime. */
const hash = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
};

/** Latin letters of web addresses that have no decomposition into a base letter and an accent. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' };

/** Trims the dashes at both ends, in linear time (a regex would be quadratic on long dash runs). */
const trimDashes = (value: string): string => {
  let start = 0;
  let end = value.length;
  while (value[start] == '-') start++;
  while (end > start && value[end - 1] == '-') end--;
  return value.slice(start, end);
};

/**
 * Folds a value into the alphabet Messenger delivers reliably, `A-Z a-z 0-9 _ -`, keeping
 * distinct values distinct: accented Latin letters lose their accents (`café` → `cafe`), each run
 * of letters or digits with no Latin form becomes 6 hex digits of its hash (`日本語` and `中文`
 * stay apart), and every other run of characters becomes one `-`, with none left at either end.
 * Linear in the value's length.
 * @example foldRef('/café/crème brûlée/') // 'cafe-creme-brulee'
 */
export function foldRef(value: string): string {
  return trimDashes(
    value
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßæœøłđ]/g, (letter) => LETTERS[letter])
      .replace(/(?:(?![A-Za-z0-9])[\p{L}\p{N}])+/gu, (run) => ` ${hash(run).slice(0, 6)} `)
      .replace(/[^\w-]+/g, '-'),
  );
}

/** Reads one of the context's own fields (never an inherited one such as `constructor`): text or a number. */
const own = (source: object | undefined, key: string): string => {
  const value = source && Object.hasOwn(source, key) ? (source as Record<string, unknown>)[key] : undefined;
  // An object or a function would come out as its source or "[object Object]", folded into a ref.
  if (value != null && typeof value != 'string' && typeof value != 'number' && typeof value != 'boolean') fail('options-invalid', `context ${key} must be text or a number, not ${typeof value == 'function' ? 'a function' : `an ${typeof value}`}`);
  return String(value ?? '');
};

/**
 * Expands a ref template and reports what happened to it. Throws only for an invalid template.
 * @throws {LinkError} `ref-template-invalid` for an unknown token or an unmatched brace.
 */
export function expandRefDetailed(template: string, context?: Partial<PageContext> | null): ExpandedRef {
  context ??= {};
  if (typeof template != 'string' || !wellFormed(template)) fail('ref-template-invalid', 'ref template must be well-formed text');
  let tokens = 0;
  let ref = template.replace(/\{\{|\}\}|\{([^{}]*)\}|[{}]/g, (match, token?: string) => {
    if (token == null) return match[1] ? match[0] : fail('ref-template-invalid', `ref template ${quote(template)} has an unmatched ${match}; write ${match + match} for a literal one`);
    tokens++;
    const [name, ...fallback] = token.split('|');
    const query = /^query\../.test(name);
    if (!query && !/^(path|host|title|lang|hash)$/.test(name)) fail('ref-template-invalid', `ref template has an unknown token {${name}}; use {path}, {host}, {title}, {lang}, {hash} or {query.NAME}`);
    let value = query ? own(context.query, name.slice(6)) : own(context, name);
    try {
      // Paths and hashes arrive percent-encoded; fold what they say, not their escapes.
      if (/^(path|hash)$/.test(name)) value = decodeURIComponent(value);
    } catch {}
    // The site's root has no path to fold: it is the home page.
    return foldRef(value) || foldRef(fallback.join('|')) || (name == 'path' ? 'home' : '');
  });
  // Only an expansion is shortened: a ref written out in full that is too long is the writer's
  // to fix, and checkLink reports it as ref-too-long.
  if (!tokens) return { ref, problems: [] };
  // A token that expanded to nothing leaves no dash dangling at either end (`web-{query.src}`).
  ref = trimDashes(ref);
  if (encodeURIComponent(ref).length <= REF_LIMIT) return { ref, problems: [] };
  // Keep whole characters up to the limit, leaving room for "_" and a hash of the full value,
  // so two long values with the same start still give two refs.
  let kept = '';
  for (const char of ref) {
    if (encodeURIComponent(kept + char).length > REF_LIMIT - 9) break;
    kept += char;
  }
  return {
    ref: kept + '_' + hash(ref),
    problems: [problem('ref-shortened', `ref was over ${REF_LIMIT} characters, so it was shortened and ends in a hash`, 'warning')],
  };
}

/**
 * Expands a per-page ref template such as `web-{path}` or `{query.utm_source|direct}`.
 * Token values are folded into `A-Z a-z 0-9 _ -`; `{{` and `}}` are literal braces; an expansion
 * over 2,083 characters is shortened and ends in `_` plus a hash of the whole value (a ref with
 * no token comes back as it is).
 * @throws {LinkError} `ref-template-invalid` for an unknown token or an unmatched brace.
 * @example expandRef('web-{path}', { path: '/shoes/red sale/' }) // 'web-shoes-red-sale'
 */
export function expandRef(template: string, context: Partial<PageContext>): string {
  return expandRefDetailed(template, context).ref;
}
