import type { Views } from '../views.js';
import { PAGE_CSS, readDashboardScript } from './command.js';

/** Text that goes inside a `<script>` element as it is: nothing in it can close the element. */
const inScript = (text: string) => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/**
 * The dashboard's views as one HTML file: the figures and the page's script inside it, so that
 * it opens offline, makes no request, and prints on A4.
 */
export function htmlReport(views: Views): string {
  const title = `Conversations from your links and codes${views.since ? `, ${views.since} to ${views.until ?? 'today'}` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>
<link rel="icon" href="data:,">
<style>${PAGE_CSS} @page { size: A4; margin: 14mm; }</style>
<script type="application/json" id="mme-views">${inScript(JSON.stringify(views))}</script>
<script type="module">${inScript(readDashboardScript())}</script>
</head>
<body>
<main><mme-dashboard></mme-dashboard></main>
</body>
</html>`;
}
