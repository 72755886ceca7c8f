import type { PageContext } from './template.js';

/** Reads the current page's context for ref templates. Needs a DOM; call it, never at import. */
export function pageContext(): PageContext {
  return {
    path: location.pathname,
    host: location.host,
    title: document.title,
    lang: document.documentElement.lang,
    query: Object.fromEntries(new URLSearchParams(location.search)),
    hash: location.hash.slice(1),
  };
}
