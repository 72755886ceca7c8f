import { REF_LIMIT, UNPAIRED_SURROGATE } from './check.js';
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

/**
 * Folds a value into the alphabet Messenger delivers reliably, `A-Z a-z 0-9 _ -`: each run of
 * other characters becomes one `-`, and dashes at either end go. Linear in the value's length.
 * @example foldRef('/shoes/red sale/') // 'shoes-red-sale'
 */
export function foldRef(value: string): string {
  const folded = value.replace(/[^\w-]+/g, '-');
  let start = 0;
  let end = folded.length;
  while (start < end && folded[start] === '-') start++;
  while (end > start && folded[end - 1] === '-') end--;
  return folded.slice(start, end);
}

/** Reads one of the context's own fields (never an inherited one such as `constructor`). */
const own = (source: object | undefined, key: string): string =>
  source && Object.hasOwn(source, key) ? String((source as Record<string, unknown>)[key] ?? '') : '';

/**
 * Expands a ref template and reports what happened to it. Throws only for an invalid template.
 * @throws {LinkError} `ref-template-invalid` for an unknown token or an unmatched brace.
 */
export function expandRefDetailed(template: string, context: Partial<PageContext> = {}): ExpandedRef {
  if (typeof template != 'string' || UNPAIRED_SURROGATE.test(template)) fail('ref-template-invalid', 'ref template must be well-formed text');
  let tokens = 0;
  const ref = template.replace(/\{\{|\}\}|\{([^{}]*)\}|[{}]/g, (match, token?: string) => {
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
    return foldRef(value) || foldRef(fallback.join('|'));
  });
  // Only an expansion is shortened: a ref written out in full that is too long is the writer's
  // to fix, and checkLink reports it as ref-too-long.
  if (!tokens || encodeURIComponent(ref).length <= REF_LIMIT) return { ref, problems: [] };
  // Keep whole characters up to the limit, leaving room for "_" and a hash of the full value,
  // so two long values with the same start still give two refs.
  let kept = '';
  let hash = 0x811c9dc5;
  for (const char of ref) {
    if (encodeURIComponent(kept + char).length > REF_LIMIT - 9) break;
    kept += char;
  }
  for (let i = 0; i < ref.length; i++) hash = Math.imul(hash ^ ref.charCodeAt(i), 0x01000193);
  return {
    ref: kept + '_' + (hash >>> 0).toString(16).padStart(8, '0'),
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
