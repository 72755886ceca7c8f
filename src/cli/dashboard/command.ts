import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { StoreError } from '../../store/index.js';
import type { Command } from '../commands.js';
import { InputError, UsageError } from '../errors.js';
import { parse } from '../options.js';
import { readLinks } from '../report.js';
import { DB_OPTIONS, dbOf, describeDb, open } from '../store.js';
import { type LinkLabel, views } from '../views.js';
import { portOf, serve } from '../serve.js';

/** The built dashboard script, beside the CLI in dist/. */
export const readDashboardScript = () => readFileSync(new URL('../../dashboard/dashboard.js', import.meta.url), 'utf8');

/** What the page may load: its own script and the figures, from this server, nothing else. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const COOKIE = 'mme_dashboard';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Conversations from your links and codes · mme-kit</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="page.css">
<script type="module" src="dashboard.js"></script>
</head>
<body>
<main><mme-dashboard api="api/views"></mme-dashboard></main>
</body>
</html>
`;
/** The page around the element: no margin, the element's own colours to the edges. */
export const PAGE_CSS = 'html{color-scheme:light dark;background:Canvas}body{margin:0}';

/** Whether two secrets are equal, in time that does not depend on where they differ. */
const same = (given: string, token: string) => timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(token).digest());

const cookieOf = (req: IncomingMessage) =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];

export const dashboard: Command = {
  summary: "the owner's dashboard in a browser: clicks, chats, people and chats per click, per day and per ref",
  help: `Usage: mme dashboard [--db mme.db|postgres://…] [--port 8788] [--host 127.0.0.1] [--links links.csv] [--token T]

Serves a page for the shop owner: the totals of a period (clicks, chats started, people, new
people, chats per click) against the period before, a chart of clicks and chats per day and
channel (with the same numbers as a table), a sortable table per ref (or per label of links.csv),
per channel and per source; 7, 30 or 90 days, all time, or the days you choose, in the time zone
of the browser; and a CSV of what it shows. It reads the store mme webhook records in, and loads
nothing from anywhere else.

On 127.0.0.1 (the default) only this computer reaches it, and it needs no token. On any other
address it needs one: --token T, or better the environment variable MME_DASHBOARD_TOKEN (a flag
shows in process lists). Open it once as http://ADDRESS:PORT/?token=T; the browser keeps it for
the session. Put it behind HTTPS when it is reached over a network.

  --port N         the port to listen on (default 8788)
  --host ADDRESS   the address to listen on (default 127.0.0.1)
  --links FILE     the links.csv that mme batch wrote: each ref's label ("North store"), and
                   every ref in it shown, also at zero
  --token T        the token that opens it on an address other than 127.0.0.1 (12 characters
                   or more)
  --db DB          the store (default MME_DB, else mme.db in this folder)`,
  async run(args, io) {
    const { values } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, links: { type: 'string' }, token: { type: 'string' }, db: DB_OPTIONS.db });
    const port = portOf(values.port, 8788);
    const host = values.host ?? '127.0.0.1';
    const token = values.token ?? process.env.MME_DASHBOARD_TOKEN ?? '';
    if (!token && !LOOPBACK.has(host)) {
      throw new UsageError(`--host ${host} lets other computers reach the dashboard: give it a token with MME_DASHBOARD_TOKEN (or --token), or leave --host at 127.0.0.1`);
    }
    if (token && token.length < 12) throw new InputError(`--token: a token of ${token.length} characters is easy to guess: use 12 or more`);
    const links: ReadonlyMap<string, LinkLabel> | undefined = values.links === undefined ? undefined : readLinks(values.links);
    let script: string;
    try {
      script = readDashboardScript();
    } catch {
      throw new InputError('the dashboard page is not built: run npm run build in the kit first');
    }
    const db = dbOf(values);
    const store = await open(db, {}, { existing: true });

    const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', ...headers }).end(body);

    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://dashboard');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { allow: 'GET' });
      if (token) {
        const given = url.searchParams.get('token');
        if (given !== null && url.pathname === '/' && same(given, token)) {
          // The token leaves the address bar (and the history) for a cookie of this session.
          return send(res, 303, 'text/plain; charset=utf-8', 'See Other', { location: '/', 'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/` });
        }
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const cookie = cookieOf(req);
        const presented = bearer ?? (cookie === undefined ? undefined : decodeURIComponent(cookie));
        if (presented === undefined || !same(presented, token)) {
          return send(res, 401, 'text/plain; charset=utf-8', 'This dashboard needs its token: open it as http://ADDRESS:PORT/?token=YOUR-TOKEN, with the token mme dashboard was started with.', { 'www-authenticate': 'Bearer' });
        }
      }
      if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
      if (url.pathname === '/dashboard.js') return send(res, 200, 'text/javascript; charset=utf-8', script);
      if (url.pathname === '/page.css') return send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
      if (url.pathname === '/api/views') {
        const q = url.searchParams;
        views(store, { since: q.get('since') || undefined, until: q.get('until') || undefined, timeZone: q.get('timezone') || Intl.DateTimeFormat().resolvedOptions().timeZone, links }).then(
          (result) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result)),
          (error: Error) => {
            const mistake = error instanceof StoreError && ['range-invalid', 'timezone-invalid'].includes(error.code);
            send(res, mistake ? 400 : 503, 'application/json; charset=utf-8', JSON.stringify({ error: mistake ? `${error.field}: ${error.message}` : `the store did not answer: ${error.message}` }));
          },
        );
        return;
      }
      send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
    });
    const shown = host.includes(':') ? `[${host}]` : host;
    await serve(server, {
      host,
      port,
      store,
      io,
      started: (listening) => [`Dashboard on http://${shown}:${listening}/ reading ${describeDb(db)}${token ? ' (open it once with ?token=YOUR-TOKEN at the end)' : ''}. Ctrl-C stops.`],
    });
  },
};
