import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { type Referral, type WebhookNotice, createClickHandler, createWebhookHandler, originOf, toNodeListener } from '../webhook/index.js';
import type { Command } from './commands.js';
import { InputError, UsageError } from './errors.js';
import { DB_HELP, DB_OPTIONS, appSecret, dbOf, describeDb, open } from './store.js';
import { portOf, serve } from './serve.js';
import { parse } from './options.js';

/** One line a person reads for each referral the receiver records. */
const describe = (r: Referral, keepIds: boolean) =>
  `${new Date(r.timestamp).toISOString()} ${r.channel} ref=${r.ref ?? '(none)'}${r.source ? ` source=${r.source}` : ''}${keepIds ? ` person=${r.psid ?? r.userRef ?? '?'}` : ''} via=${r.via}`;

/** What the terminal says of a refused delivery or a handshake: the likely cause, in a line. */
function noticeLine(notice: WebhookNotice, secretFrom: string, keepIds: boolean): string {
  if (notice.kind === 'recorded') return describe(notice.referral, keepIds);
  if (notice.kind === 'handshake') {
    return notice.status === 200 ? "handshake: Meta's subscription check passed (200)" : 'handshake refused (403): hub.verify_token does not match --verify-token, or the request is not a subscription check';
  }
  const because: Record<string, string> = {
    'signature-mismatch': `the signature does not match ${secretFrom}: copy the app secret again (Meta app dashboard → App settings → Basic), of the app this webhook is subscribed in`,
    'signature-missing': 'no X-Hub-Signature-256 header: not a delivery from Meta, or a proxy in front removed the header',
    'store-failed': `the store did not answer, so Meta will send it again: ${notice.error instanceof Error ? notice.error.message : notice.message}`,
    'callback-failed': notice.message,
  };
  return `refused a delivery (${notice.status}): ${because[notice.code] ?? notice.message}`;
}

export const webhook: Command = {
  summary: "receive Meta's webhook and record each referral in the store",
  help: `Usage: mme webhook --verify-token TOKEN [--port 8787] [--host 127.0.0.1] [--db mme.db|postgres://…] [--keep-ids]
                   [--allow-origin https://shop.example …] [--trust-proxy]

Serves Meta's webhook (any path): answers the subscription handshake, checks each delivery's
signature and records its referrals in the store, each conversation once, on disk before Meta
is answered 200. A redelivery, a restart or a second receiver on the same database does not
count anything twice; a store that fails answers 503, so Meta delivers again. Prints one line
per referral, per handshake and per refused delivery (with the likely cause).

One machine: the default SQLite file. Several receivers behind a load balancer: the same command
on each with one --db postgres://… URL. GET /health answers 200 while the store answers (for
load balancers). Ctrl-C or SIGTERM finishes the requests in flight, then stops. Put it behind an
HTTPS tunnel or proxy: Meta calls https:// addresses only.

The app secret comes from the environment variable MME_APP_SECRET, or from --app-secret-file:
never a flag, which shells and process lists keep. People are stored as a hash keyed with it.

Clicks: buttons with beacon="https://THIS-RECEIVER/click" report each click to POST /click,
counted in the same store (mme report shows clicks and chats per click). Only the sites named
with --allow-origin are counted; bots, bodies that are not a click and more than 30 clicks a
minute from one address are not. Nothing about the visitor is stored.

  --verify-token TOKEN    the verify token you type in the Meta app dashboard
  --port N                the port to listen on (default 8787)
  --host ADDRESS          the address to listen on (default 127.0.0.1; 0.0.0.0 for every one)
  --keep-ids              also store each person's raw ID (PSID, IGSID) beside the hash
  --allow-origin URL      a site whose buttons report clicks (https://shop.example); repeat it
                          for more sites. Without it, POST /click counts nothing
  --trust-proxy           behind a load balancer or proxy: the rate limit reads the client's
                          address from the last entry of X-Forwarded-For, which the proxy adds
${DB_HELP}`,
  async run(args, io) {
    if (args.some((arg) => arg === '--log' || arg.startsWith('--log='))) {
      throw new UsageError('--log is gone: referrals are recorded in the store (--db, default mme.db); move an old log in with mme import LOG.jsonl');
    }
    const { values } = parse(args, { 'verify-token': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'keep-ids': { type: 'boolean' }, 'allow-origin': { type: 'string', multiple: true }, 'trust-proxy': { type: 'boolean' }, ...DB_OPTIONS });
    const verifyToken = values['verify-token'];
    if (!verifyToken) throw new UsageError('--verify-token TOKEN is required');
    const secret = appSecret(values['app-secret-file']);
    const port = portOf(values.port, 8787);
    const host = values.host ?? '127.0.0.1';
    const keepIds = Boolean(values['keep-ids']);
    // Each site as a browser sends its origin, checked before anything opens.
    const allowOrigins = (values['allow-origin'] ?? [])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean)
      .map((value) => {
        try {
          return originOf(value);
        } catch (error) {
          throw new InputError(`--allow-origin: ${(error as Error).message}`);
        }
      });
    const db = dbOf(values);
    const store = await open(db, { secret, keepIds });
    const secretFrom = values['app-secret-file'] === undefined ? 'MME_APP_SECRET' : `the secret in ${values['app-secret-file']}`;
    const handler = createWebhookHandler({
      appSecret: secret,
      verifyToken,
      store,
      onNotice: (notice) => (notice.kind === 'rejected' ? io.warn : io.out)(noticeLine(notice, secretFrom, keepIds)),
    });
    const meta = toNodeListener(handler);
    const forwarded = (request: Request) => request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || undefined;
    const clicks = allowOrigins.length
      ? toNodeListener(createClickHandler({ store, allowOrigins, clientAddress: values['trust-proxy'] ? forwarded : undefined }))
      : (req: IncomingMessage, res: ServerResponse) => {
          req.resume();
          res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('clicks are not counted here: start the receiver with --allow-origin https://your-site.example');
        };
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/click' || req.url?.startsWith('/click?')) {
        void clicks(req, res);
        return;
      }
      if (req.method === 'GET' && (req.url === '/health' || req.url?.startsWith('/health?'))) {
        store.health().then(
          () => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok'),
          (error: Error) => res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(`store unavailable: ${error.message}`),
        );
        return;
      }
      void meta(req, res);
    });
    await serve(server, {
      host,
      port,
      store,
      io,
      started: (listening) => [
        `Listening on http://${host}:${listening}/ and recording referrals in ${describeDb(db)} (${store.engine}). Ctrl-C stops.`,
        allowOrigins.length ? `Counting clicks on POST /click from ${allowOrigins.join(', ')}.` : 'Not counting clicks: add --allow-origin https://your-site.example to count them on POST /click.',
      ],
    });
  },
};
