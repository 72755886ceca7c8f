// The receiver and the store, measured side by side: signed deliveries per second through
// `mme webhook` (SQLite; PostgreSQL with one receiver and with two), and `mme report` over 10
// million referrals on each engine (time and peak RSS). Part of `npm run bench`; also runs alone:
// node --import tsx test/bench/store.ts (after npm run build).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../../src/store/index.js';
import { freshPostgres, postgresSkip } from '../helpers/postgres.js';

const SECRET = 'bench-secret';
const BIN = 'dist/cli/mme.js';
const env = { ...process.env, MME_APP_SECRET: SECRET };

const signed = (i: number) => {
  const body = JSON.stringify({ object: 'page', entry: [{ id: '1', time: 1, messaging: [{ sender: { id: `p${i}` }, recipient: { id: '1' }, timestamp: 1700000000000 + i, referral: { ref: `r${i % 20}`, source: 'SHORTLINK', type: 'OPEN_THREAD' } }] }] });
  return { body, signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` };
};

async function start(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(BIN, ['webhook', '--verify-token', 't', '--port', '0', '--db', db], { env });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let tries = 0; !/Listening on (http:\/\/\S+)\//.test(output); tries++) {
    if (tries > 500) throw new Error(`mme webhook did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, base: /Listening on (http:\/\/\S+)\//.exec(output)![1] };
}

/** Deliveries per second through `receivers` receivers on `db`, 40 connections in all, each delivery durable before its 200. */
async function throughput(db: string, receivers: number, count = 4000): Promise<number> {
  const started = await Promise.all(Array.from({ length: receivers }, () => start(db)));
  const deliveries = Array.from({ length: count }, (_, i) => signed(i));
  let next = 0;
  const worker = async (w: number) => {
    const { base } = started[w % receivers];
    while (next < count) {
      const { body, signature } = deliveries[next++];
      const response = await fetch(`${base}/`, { method: 'POST', headers: { 'x-hub-signature-256': signature }, body });
      if (response.status !== 200) throw new Error(`a delivery was answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: 40 }, (_, w) => worker(w)));
  const perSecond = count / ((performance.now() - begin) / 1000);
  for (const { child } of started) child.kill('SIGINT');
  return perSecond;
}

const N = Number(process.env.BENCH_REFERRALS ?? 10_000_000);
const YEAR = 365 * 86_400_000;
const BASE = Date.UTC(2026, 0, 1);

/** Fills a store with N referrals of 1,000 refs, two channels and a tenth as many people, over a year, in SQL. */
async function fill(db: string): Promise<void> {
  // The store creates its schema, as a receiver would.
  await (await openStore(db)).close();
  const rows = `key, at, received_at, channel, via, page_id, person, ref, source`;
  const people = Math.max(1, Math.floor(N / 10));
  const values = (i: string) => `'k' || ${i}, ${BASE} + (${i} * 3153) % ${YEAR}, ${BASE}, CASE WHEN ${i} % 5 = 0 THEN 'instagram' ELSE 'messenger' END, 'referral', '1', 'p' || (${i} % ${people}), 'ref-' || (${i} % 1000), 'SHORTLINK'`;
  const firsts = `INSERT INTO mme_people (person, first_at, first_key, channel, ref, source) SELECT person, MIN(at), MIN(key), MIN(channel), MIN(ref), 'SHORTLINK' FROM mme_referrals GROUP BY person`;
  if (/^postgres/.test(db)) {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    await client.query(`INSERT INTO mme_referrals (${rows}) SELECT ${values('i')} FROM generate_series(0::bigint, ${N - 1}) AS i`);
    await client.query(firsts);
    await client.query('VACUUM ANALYZE mme_referrals');
    await client.query('VACUUM ANALYZE mme_people');
    await client.end();
    return;
  }
  const { default: Database } = await import('libsql');
  const file = new Database(db);
  file.exec('PRAGMA journal_mode = WAL');
  file.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${N - 1}) INSERT INTO mme_referrals (${rows}) SELECT ${values('i')} FROM n`);
  file.exec(firsts);
  file.exec('ANALYZE');
  file.close();
}

/** `mme report` over the store: seconds and the report process's peak RSS (MB), by ref and by day. */
function reportCost(db: string, by: string): { seconds: number; rssMb: number } {
  const begin = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'report', '--db', db, '--by', by, '--format', 'json'], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - begin) / 1000;
  if (result.status !== 0) throw new Error(`mme report failed: ${result.stderr}`);
  const total = JSON.parse(result.stdout).total.chats;
  if (total !== N) throw new Error(`the report counted ${total} chats of ${N}`);
  return { seconds, rssMb: Number(result.stderr.trim().split('\n').at(-1)) / 1024 };
}

export interface StoreBench {
  readonly deliveriesPerSecond: { sqlite: number; postgres1: number | null; postgres2: number | null };
  readonly report: { referrals: number; sqlite: Record<string, { seconds: number; rssMb: number }>; postgres: Record<string, { seconds: number; rssMb: number }> | null };
}

export async function storeBench(log = console.log): Promise<StoreBench> {
  const dir = mkdtempSync(join(tmpdir(), 'mme-bench-store-'));
  const cleanups: (() => Promise<void>)[] = [];
  const pgDb = async () => {
    const db = await freshPostgres();
    cleanups.push(db.drop);
    return db.url;
  };
  try {
    log('Store: deliveries per second…');
    const sqlite = await throughput(join(dir, 'throughput.db'), 1);
    const postgres1 = postgresSkip ? null : await throughput(await pgDb(), 1);
    const postgres2 = postgresSkip ? null : await throughput(await pgDb(), 2);
    log(`Store: filling ${N.toLocaleString('en')} referrals…`);
    const big = join(dir, 'big.db');
    await fill(big);
    const report = { referrals: N, sqlite: { ref: reportCost(big, 'ref'), day: reportCost(big, 'day') }, postgres: null as StoreBench['report']['postgres'] };
    rmSync(big, { force: true });
    if (!postgresSkip) {
      const db = await pgDb();
      await fill(db);
      report.postgres = { ref: reportCost(db, 'ref'), day: reportCost(db, 'day') };
    }
    return { deliveriesPerSecond: { sqlite, postgres1, postgres2 }, report };
  } finally {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The results as rows of the bench's Markdown table. */
export function storeRows(b: StoreBench, row: (cells: string[]) => string): string[] {
  const n = (v: number | null, digits = 0) => (v === null ? 'no server' : v.toFixed(digits));
  const cost = (c: { seconds: number; rssMb: number } | undefined) => (c ? `${c.seconds.toFixed(1)} s, ${c.rssMb.toFixed(0)} MB` : 'no server');
  const millions = `${(b.report.referrals / 1e6).toLocaleString('en')} M`;
  return [
    row(['`mme webhook` on SQLite: signed deliveries per second over HTTP, each synced to disk before its 200', n(b.deliveriesPerSecond.sqlite)]),
    row(['`mme webhook` on PostgreSQL, one receiver: deliveries per second', n(b.deliveriesPerSecond.postgres1)]),
    row(['`mme webhook` on PostgreSQL, two receivers on one database: deliveries per second, both together', n(b.deliveriesPerSecond.postgres2)]),
    row([`\`mme report\` over ${millions} referrals on SQLite, by ref / by day: time, peak RSS`, `${cost(b.report.sqlite.ref)} / ${cost(b.report.sqlite.day)}`]),
    row([`\`mme report\` over ${millions} referrals on PostgreSQL, by ref / by day: time, peak RSS of the report`, `${cost(b.report.postgres?.ref)} / ${cost(b.report.postgres?.day)}`]),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await storeBench();
  console.log(JSON.stringify(result, null, 2));
  console.log(storeRows(result, (cells) => `| ${cells.join(' | ')} |`).join('\n'));
}
