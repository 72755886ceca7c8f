/**
 * Escapes text for HTML or XML content and quoted attributes: the SVG writer, email HTML, the
 * CLI's contact sheet and the configurator's snippets all write markup through it.
 */
export const escapeMarkup = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
