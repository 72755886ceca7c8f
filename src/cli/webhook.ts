import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { type Referral, createWebhookHandler, toNodeListener } from '../webhook/index.js';
import type { Command } from './commands.js';
import { InputError, UsageError } from './errors.js';
import { csvCell } from './csv.js';
import { readTextFile, reason } from './files.js';
import { parse } from './options.js';

/** One line a person reads for each referral the receiver logs. */
const describe = (r: Referral) =>
  `${new Date(r.timestamp).toISOString()} ${r.channel} ref=${r.ref ?? '(none)'}${r.source ? ` source=${r.source}` : ''} person=${r.psid ?? r.userRef ?? '?'} via=${r.via}`;

/** The app secret: from a file when one is named, else from MME_APP_SECRET; never from a flag, which shells and process lists keep. */
function appSecret(file: string | undefined): string {
  const secret = file === undefined ? process.env.MME_APP_SECRET : readTextFile(file);
  if (!secret?.trim()) throw new InputError(file === undefined ? 'MME_APP_SECRET: set it to your app secret (Meta app dashboard → App settings → Basic), or give --app-secret-file FILE' : `--app-secret-file: "${file}" is empty`);
  return secret.trim();
}

export const webhook: Command = {
  summary: "receive Meta's webhook, print and log each referral",
  help: `Usage: mme webhook --verify-token TOKEN [--port 8787] [--host 127.0.0.1] [--log referrals.jsonl]

Serves Meta's webhook (any path): answers the subscription handshake, checks each delivery's
signature, prints each referral as one line and appends it as one JSON line to the log, written
to disk before Meta is answered. A redelivery is logged once. Ctrl-C finishes the requests in
flight, then stops. Put it behind an HTTPS tunnel or proxy: Meta calls https:// addresses only.

The app secret comes from the environment variable MME_APP_SECRET, or from --app-secret-file:
never a flag, which shells and process lists keep.

  --verify-token TOKEN    the verify token you type in the Meta app dashboard
  --port N                the port to listen on (default 8787)
  --host ADDRESS          the address to listen on (default 127.0.0.1; 0.0.0.0 for every one)
  --log FILE              the referrals log, one JSON line each (default referrals.jsonl)
  --app-secret-file FILE  read the app secret from FILE instead of MME_APP_SECRET`,
  async run(args, io) {
    const { values } = parse(args, { 'verify-token': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, log: { type: 'string' }, 'app-secret-file': { type: 'string' } });
    const verifyToken = values['verify-token'];
    if (!verifyToken) throw new UsageError('--verify-token TOKEN is required');
    const secret = appSecret(values['app-secret-file']);
    const port = Number(values.port ?? 8787);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port === '') throw new InputError(`--port: "${values.port}" must be a whole number from 0 to 65535`);
    const host = values.host ?? '127.0.0.1';
    const log = values.log ?? 'referrals.jsonl';
    let fd: number;
    try {
      fd = openSync(log, 'a');
    } catch (error) {
      throw new InputError(`--log: cannot write "${log}": ${reason(error)}`);
    }
    const handler = createWebhookHandler({
      appSecret: secret,
      verifyToken,
      onReferral(referral) {
        // One write of one whole line, then to disk, before the handler answers 200: a receiver
        // stopped at any moment leaves only whole lines, and every line Meta was told is kept.
        writeSync(fd, JSON.stringify(referral) + '\n');
        fdatasyncSync(fd);
        io.out(describe(referral));
      },
    });
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(new InputError(`--port: cannot listen on ${host}:${port}: ${error.code ?? error.message}`)));
      server.listen(port, host, resolve);
    });
    const address = server.address() as { port: number };
    io.out(`Listening on http://${host}:${address.port}/ and logging referrals to ${log}. Ctrl-C stops.`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        // Requests in flight finish; idle keep-alive connections close now.
        server.close(() => resolve());
        server.closeIdleConnections();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    closeSync(fd);
    io.out('Stopped.');
  },
};

/** A line of the log that is a referral; null for anything else. */
function referralOf(line: string): Referral | null {
  try {
    const value = JSON.parse(line) as Referral;
    return value && typeof value === 'object' && typeof value.timestamp === 'number' && typeof value.via === 'string' ? value : null;
  } catch {
    return null;
  }
}

const GROUPS = ['ref', 'channel', 'source', 'day'] as const;
const FORMATS = ['table', 'csv', 'json'] as const;

interface Row {
  readonly group: string;
  readonly label?: string;
  readonly referrals: number;
  readonly people: number;
  readonly firstTouch: number;
}

export const report: Command = {
  summary: 'count conversations per ref, channel, source or day from the webhook log',
  help: `Usage: mme report LOG [--links links.csv] [--by ref|channel|source|day] [--since DATE] [--format table|csv|json]

Reads the log that mme webhook writes (one referral a line) and counts, per group: the referrals,
the distinct people, and the people for whom it was the first referral seen ("first touch").
A line that is not a referral is a warning naming its line, never a stop.

  --links FILE     the links.csv that mme batch wrote: shows each ref's label ("North store")
  --by KEY         ref (default), channel, source or day
  --since DATE     only referrals from this date or time on (2026-11-01, or an ISO time)
  --format F       table (default), csv or json`,
  run(args, io) {
    const { values, positionals } = parse(args, { links: { type: 'string' }, by: { type: 'string' }, since: { type: 'string' }, format: { type: 'string' } }, 1);
    const file = positionals[0];
    if (!file) throw new UsageError('LOG is required: the file mme webhook --log wrote');
    const by = (values.by ?? 'ref') as (typeof GROUPS)[number];
    if (!GROUPS.includes(by)) throw new InputError(`--by: "${values.by}" must be ${GROUPS.join(', ')}`);
    const format = (values.format ?? 'table') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new InputError(`--format: "${values.format}" must be ${FORMATS.join(', ')}`);
    const since = values.since === undefined ? -Infinity : Date.parse(values.since);
    if (Number.isNaN(since)) throw new InputError(`--since: "${values.since}" is not a date such as 2026-11-01`);

    const name = basename(file);
    const all: Referral[] = [];
    readTextFile(file)
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        const referral = referralOf(line);
        if (referral) all.push(referral);
        else io.warn(`warning: ${name}: line ${index + 1} is not a referral; skipped`);
      });

    const labels = new Map<string, string>();
    if (values.links !== undefined) {
      const links = readTextFile(values.links);
      try {
        for (const row of parseCsv(links, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[]) if (row.ref) labels.set(row.ref, row.label ?? '');
      } catch (error) {
        throw new InputError(`--links: ${basename(values.links)} is not valid CSV: ${(error as Error).message}`);
      }
    }

    const person = (r: Referral) => r.psid ?? r.userRef ?? '';
    // Each person's first referral in the whole log: their first touch.
    const first = new Map<string, Referral>();
    for (const r of [...all].sort((a, b) => a.timestamp - b.timestamp)) if (person(r) && !first.has(person(r))) first.set(person(r), r);
    const keyOf = (r: Referral) => (by === 'day' ? new Date(r.timestamp).toISOString().slice(0, 10) : (r[by] ?? '(none)'));
    const groups = new Map<string, { referrals: number; people: Set<string>; firstTouch: Set<string> }>();
    for (const r of all.filter((r) => r.timestamp >= since)) {
      const key = keyOf(r);
      const group = groups.get(key) ?? { referrals: 0, people: new Set(), firstTouch: new Set() };
      groups.set(key, group);
      group.referrals++;
      if (person(r)) group.people.add(person(r));
      if (first.get(person(r)) === r) group.firstTouch.add(person(r));
    }
    // Labels name refs: a report by ref with a links.csv gets a label column.
    const labelled = by === 'ref' && labels.size > 0;
    const rows: Row[] = [...groups]
      .map(([group, g]) => ({ group, ...(labelled && labels.has(group) ? { label: labels.get(group) } : {}), referrals: g.referrals, people: g.people.size, firstTouch: g.firstTouch.size }))
      .sort((a, b) => b.referrals - a.referrals || a.group.localeCompare(b.group));

    if (format === 'json') {
      io.out(JSON.stringify(rows, null, 2));
      return;
    }
    const header = [by, ...(labelled ? ['label'] : []), 'referrals', 'people', 'first touch'];
    const cells = rows.map((row) => [row.group, ...(labelled ? [row.label ?? ''] : []), row.referrals, row.people, row.firstTouch]);
    if (format === 'csv') {
      io.out([header, ...cells].map((line) => line.map((cell) => csvCell(String(cell))).join(',')).join('\n'));
      return;
    }
    if (!rows.length) {
      io.out(`No referrals in ${name}${values.since ? ` since ${values.since}` : ''}.`);
      return;
    }
    const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => String(line[i]).length)));
    const numeric = (i: number) => i >= header.length - 3;
    const format1 = (line: (string | number)[]) => line.map((cell, i) => (numeric(i) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ').trimEnd();
    io.out([format1(header), format1(widths.map((w) => '-'.repeat(w))), ...cells.map(format1)].join('\n'));
  },
};
