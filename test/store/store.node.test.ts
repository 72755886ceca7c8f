// One suite, run on a real SQLite file and on a real PostgreSQL server: the store's contract.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { StoreError, openStore, postgresStore, sqliteStore } from '../../src/store/index.js';
import { postgresEngine } from '../../src/store/postgres.js';
import { MIGRATIONS, migrate } from '../../src/store/schema.js';
import { sqliteEngine } from '../../src/store/sqlite.js';
import { type Referral, type WebhookNotice, createWebhookHandler } from '../../src/webhook/index.js';
import { freshPostgres, postgresSkip } from '../helpers/postgres.js';

const SECRET = 'store-test-secret';
const PAGE_ID = '106123456789012';
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const deliver = (handler: (request: Request) => Promise<Response>, body: string) =>
  handler(new Request('http://127.0.0.1/', { method: 'POST', headers: { 'x-hub-signature-256': sign(body) }, body }));

const referral = (person: string, ref: string | undefined, at: number, extra: Partial<Referral> = {}): Referral => ({
  via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: person, timestamp: at, ...(ref === undefined ? {} : { ref }), source: 'SHORTLINK', ...extra,
});
const body = (...referrals: { person: string; ref: string; at: number }[]) =>
  JSON.stringify({ object: 'page', entry: [{ id: PAGE_ID, time: 1, messaging: referrals.map((r) => ({ sender: { id: r.person }, recipient: { id: PAGE_ID }, timestamp: r.at, referral: { ref: r.ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } })) }] });

interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly skip: string | false;
  /** A new, empty database, as a --db value. */
  fresh(): Promise<string>;
}

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const ENGINES: Engine[] = [
  { name: 'sqlite', skip: false, fresh: async () => join(mkdtempSync(join(tmpdir(), 'mme-store-')), 'mme.db') },
  {
    name: 'postgres',
    skip: postgresSkip,
    async fresh() {
      const db = await freshPostgres();
      cleanups.push(db.drop);
      return db.url;
    },
  },
];

for (const engine of ENGINES) {
  describe(`the store on ${engine.name}`, () => {
    const test = (name: string, fn: () => Promise<void>) => it(name, { skip: engine.skip }, fn);
    const open = async (db?: string, options: { keepIds?: boolean } = {}) => {
      const store = await openStore(db ?? (await engine.fresh()), { secret: SECRET, ...options });
      cleanups.push(() => store.close().catch(() => {}));
      return store;
    };

    test('records each referral once: a second copy in the delivery, a redelivery, and after a restart', async () => {
      const db = await engine.fresh();
      const first = await open(db);
      const a = referral('ann', 'flyer', 1_000);
      const b = referral('bob', 'flyer', 2_000);
      assert.deepEqual(await first.record([a, b, a]), ['new', 'new', 'known']);
      assert.deepEqual(await first.record([b, a]), ['known', 'known'], "Meta's redelivery");
      await first.close();
      const second = await open(db);
      assert.deepEqual(await second.record([a, referral('cat', 'flyer', 3_000)]), ['known', 'new'], 'after a restart');
      assert.equal((await second.report()).total.chats, 3);
    });

    test('runs a callback once for 200 concurrent copies of one delivery, through two handlers on two connections', async () => {
      const db = await engine.fresh();
      const stores = [await open(db), await open(db)];
      const ran: string[] = [];
      const handlers = stores.map((store) => createWebhookHandler({ appSecret: SECRET, verifyToken: 't', store, onReferral: async (r) => {
        ran.push(r.ref!);
        await new Promise((resolve) => setTimeout(resolve, 5));
      } }));
      const copy = body({ person: 'ann', ref: 'concurrent', at: 5_000 });
      const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => deliver(handlers[i % 2], copy).then((r) => r.status)));
      assert.deepEqual(ran, ['concurrent'], 'the callback ran once');
      assert.deepEqual(new Set(statuses), new Set([200]), 'every copy is answered 200 once the one callback has finished');
      assert.equal((await stores[0].report()).total.chats, 1);
    });

    test('a callback failing halfway un-records only what did not run, and the redelivery runs only that', async () => {
      const store = await open();
      const ran: string[] = [];
      let failOn: string | null = 'b';
      const refused: string[] = [];
      const onNotice = (notice: WebhookNotice) => void (notice.kind === 'rejected' && refused.push(notice.code));
      const handler = createWebhookHandler({ appSecret: SECRET, verifyToken: 't', store, onNotice, onReferral: (r) => {
        if (r.ref === failOn) {
          failOn = null;
          throw new Error('the CRM is down');
        }
        ran.push(r.ref!);
      } });
      const delivery = body({ person: 'ann', ref: 'a', at: 1 }, { person: 'bob', ref: 'b', at: 2 }, { person: 'cat', ref: 'c', at: 3 });
      assert.equal((await deliver(handler, delivery)).status, 500);
      assert.deepEqual(refused, ['callback-failed']);
      assert.deepEqual(ran, ['a']);
      assert.equal((await store.report()).total.chats, 1, 'only the referral whose callback succeeded is counted');
      assert.equal((await deliver(handler, delivery)).status, 200, "Meta's redelivery");
      assert.deepEqual(ran, ['a', 'b', 'c'], 'a is not run again; b and c are');
      assert.equal((await store.report()).total.chats, 3);
    });

    test("takes over a claim whose process died, once its lease runs out, and leaves a live claim to its owner", async () => {
      const store = await open();
      const r = referral('ann', 'lease', 10);
      assert.deepEqual(await store.record([r], { id: 'dead', leaseMs: 80 }), ['new']);
      assert.deepEqual(await store.record([r], { id: 'other', leaseMs: 80 }), ['busy'], 'held by a callback still running');
      assert.deepEqual(await store.record([r]), ['busy'], 'not counted as recorded while held');
      assert.equal((await store.report()).total.chats, 0, 'a held referral is not counted yet');
      await new Promise((resolve) => setTimeout(resolve, 120));
      assert.deepEqual(await store.record([r], { id: 'heir', leaseMs: 80 }), ['new'], 'the lease ran out: taken over');
      await store.settle(r, { id: 'dead', leaseMs: 80 }, 'failed');
      assert.deepEqual(await store.record([r]), ['busy'], "the dead owner's late settle does not touch the heir's claim");
      await store.settle(r, { id: 'heir', leaseMs: 80 }, 'done');
      assert.deepEqual(await store.record([r]), ['known']);
      assert.equal((await store.report()).total.chats, 1);
    });

    test('counts clicks and chats per day and channel for a chart, the same as a report per day of each channel, across a change of clocks and a zone 5:45 ahead', async () => {
      const store = await open();
      // Around Berlin's change to summer time (2026-03-29 01:00 UTC), and near midnights in Kathmandu.
      const start = Date.parse('2026-03-27T20:00:00Z');
      const referrals: Referral[] = [];
      const clicks: Parameters<typeof store.click>[0][number][] = [];
      for (let i = 0; i < 240; i++) {
        const at = start + i * 17 * 60_000 + (i % 7) * 1000;
        const channel = i % 3 === 0 ? ('instagram' as const) : ('messenger' as const);
        referrals.push(referral(`p${i}`, `r${i % 4}`, at, { channel }));
        clicks.push({ at: at - 1, channel, ref: `r${i % 4}`, handoff: 'link' }, ...(i % 2 ? [{ at: at - 2, channel, handoff: 'qr' as const }] : []));
      }
      await store.record(referrals);
      await store.click(clicks);
      for (const timeZone of ['Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns']) {
        const days = await store.daily({ since: '2026-03-27', until: '2026-03-31', timeZone });
        for (const channel of ['messenger', 'instagram']) {
          const report = await store.report({ by: 'day', since: '2026-03-27', until: '2026-03-31', timeZone, channel });
          const expected = report.groups.filter((g) => g.clicks || g.chats).map((g) => ({ date: g.group, channel, clicks: g.clicks, chats: g.chats }));
          assert.deepEqual(days.filter((d) => d.channel === channel), expected, `${timeZone}, ${channel}`);
        }
        assert.equal(days.reduce((n, d) => n + d.chats, 0), 240);
      }
      const all = await store.daily({ timeZone: 'UTC' });
      assert.equal(all.reduce((n, d) => n + d.clicks, 0), clicks.length, 'all time, from the first click');
      assert.deepEqual(await (await open()).daily(), [], 'an empty store');
      await assert.rejects(store.report({ channel: 'telegram' }), (e: StoreError) => e.code === 'channel-invalid' && e.field === 'channel');
    });

    test('reports clicks, chats, people and new people per ref and channel, channel, source and day', async () => {
      const store = await open();
      const day = (d: number, h = 12) => Date.UTC(2026, 9, d, h);
      await store.record([
        referral('ann', 'north', day(20)),
        referral('ann', 'north', day(22)),
        referral('bob', 'north', day(22)),
        referral('ann', 'south', day(24)),
        referral('cat', 'north', day(24), { channel: 'instagram' }),
        referral('dan', undefined, day(26), { source: 'ADS', adId: '123' }),
        // 23:30 UTC on the 25th is the 26th in Berlin (UTC+1 after the clocks went back on the 25th).
        referral('eve', 'south', Date.UTC(2026, 9, 25, 23, 30)),
      ]);
      const byRef = await store.report();
      assert.deepEqual(byRef.groups.map((g) => [g.group, g.channel, g.chats, g.people, g.newPeople, g.clicks, g.rate]), [
        ['north', 'messenger', 3, 2, 2, 0, null],
        ['south', 'messenger', 2, 2, 1, 0, null],
        ['north', 'instagram', 1, 1, 1, 0, null],
        [null, 'messenger', 1, 1, 1, 0, null],
      ]);
      assert.deepEqual(byRef.total, { clicks: 0, chats: 7, people: 5, newPeople: 5, rate: null });
      assert.deepEqual((await store.report({ by: 'channel' })).groups.map((g) => [g.group, g.chats, g.people]), [['messenger', 6, 4], ['instagram', 1, 1]]);
      assert.deepEqual((await store.report({ by: 'source' })).groups.map((g) => [g.group, g.chats]), [['SHORTLINK', 6], ['ADS', 1]]);
      const berlin = await store.report({ by: 'day', timeZone: 'Europe/Berlin' });
      assert.deepEqual(berlin.groups.map((g) => [g.group, g.chats, g.newPeople]), [
        ['2026-10-20', 1, 1], ['2026-10-21', 0, 0], ['2026-10-22', 2, 1], ['2026-10-23', 0, 0], ['2026-10-24', 2, 1], ['2026-10-25', 0, 0], ['2026-10-26', 2, 2],
      ], 'every day in date order, the empty ones too, on Berlin clocks across the change');
      const utc = await store.report({ by: 'day', timeZone: 'UTC' });
      assert.deepEqual(utc.groups.find((g) => g.group === '2026-10-25')?.chats, 1, 'the same referral on UTC clocks');
      // From the 22nd on: ann is not new there (her first chat was on the 20th).
      const since = await store.report({ since: day(22, 0), until: day(25, 0) });
      assert.deepEqual(since.groups.map((g) => [g.group, g.channel, g.chats, g.newPeople]), [['north', 'messenger', 2, 1], ['north', 'instagram', 1, 1], ['south', 'messenger', 1, 0]]);
      assert.deepEqual(since.total, { clicks: 0, chats: 4, people: 3, newPeople: 2, rate: null });
    });

    test("counts a person's first referral as new whatever order receivers record them in", async () => {
      const store = await open();
      await store.record([referral('ann', 'late', 5_000)]);
      await store.record([referral('ann', 'early', 1_000)]);
      const groups = (await store.report()).groups;
      assert.deepEqual(groups.map((g) => [g.group, g.newPeople]).sort(), [['early', 1], ['late', 0]]);
    });

    test("keeps no raw ID of a person unless asked, and forgets one person's rows", async () => {
      const db = await engine.fresh();
      const store = await open(db);
      const psid = '6712345678901234';
      await store.record([referral(psid, 'private', 1), referral(psid, 'private', 2), referral('someone-else', 'private', 3)]);
      const atRest = await rows(db);
      assert.ok(!atRest.includes(psid), 'the PSID is nowhere in the database');
      assert.ok(!atRest.includes('someone-else'));
      assert.equal(await store.forget(psid), 2);
      assert.equal(await store.forget(psid), 0);
      assert.deepEqual((await store.report()).total, { clicks: 0, chats: 1, people: 1, newPeople: 1, rate: null });
      const kept = await engine.fresh();
      const keeping = await open(kept, { keepIds: true });
      await keeping.record([referral(psid, 'kept', 1)]);
      assert.ok((await rows(kept)).includes(psid), '--keep-ids keeps it');
    });

    test('refuses to record without the secret, and reads a report without it', async () => {
      const db = await engine.fresh();
      const store = await openStore(db);
      cleanups.push(() => store.close());
      await assert.rejects(store.record([referral('ann', 'x', 1)]), (e: StoreError) => e instanceof StoreError && e.code === 'secret-missing' && e.field === 'secret');
      assert.equal((await store.report()).total.chats, 0);
    });

    test('creates its schema once when three receivers start at the same moment on a new database', async () => {
      const db = await engine.fresh();
      const stores = await Promise.all([1, 2, 3].map(() => open(db)));
      await Promise.all(stores.map((store, i) => store.record([referral(`p${i}`, 'replica', i)])));
      assert.equal((await stores[0].report()).total.chats, 3);
      assert.deepEqual(await meta(db), [{ name: 'schema', value: String(MIGRATIONS.length) }]);
    });

    test('migrates an older schema forward, and an older kit refuses a newer one with a clear message', async () => {
      const db = await engine.fresh();
      const store = await open(db);
      await store.record([referral('ann', 'kept', 1)]);
      // A later version of the schema: one more step, run on the data of this one.
      const next = [...MIGRATIONS, ['CREATE TABLE mme_later (note TEXT)', "INSERT INTO mme_later (note) SELECT ref FROM mme_referrals"]];
      const direct = /^postgres/.test(db) ? await postgresEngine(db, 'db') : await sqliteEngine(db, 'db');
      assert.equal(await migrate(direct, next), next.length);
      await direct.close();
      assert.deepEqual(await meta(db), [{ name: 'schema', value: String(next.length) }]);
      await store.close();
      await assert.rejects(openStore(db, { secret: SECRET }), (e: StoreError) =>
        e instanceof StoreError && e.code === 'schema-newer' && e.field === 'db' && /schema version 2, made by a newer mme-kit; this one knows versions up to 1: upgrade mme-kit/.test(e.message));
    });
  });
}

describe('the store, opening what cannot be opened', () => {
  it('names a SQLite file that cannot be opened, is read-only, or is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mme-store-'));
    await assert.rejects(sqliteStore(join(dir, 'no-folder', 'mme.db'), { secret: SECRET }), (e: StoreError) => e.code === 'db-cannot-open' && e.field === 'path' && /no-folder.*folder does not exist/.test(e.message));
    const corrupt = join(dir, 'corrupt.db');
    writeFileSync(corrupt, 'this is a spreadsheet, not a database'.repeat(200));
    await assert.rejects(sqliteStore(corrupt, { secret: SECRET }), (e: StoreError) => e.code === 'db-corrupt' && /not a database mme-kit can read/.test(e.message));
    await assert.rejects(sqliteStore('', {}), (e: StoreError) => e.code === 'db-invalid');
    assert.ok(existsSync(corrupt));
  });

  it('names a read-only SQLite file, as the user a receiver runs as', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mme-store-'));
    chmodSync(dir, 0o755);
    const file = join(dir, 'ro.db');
    // In processes of their own (the built store): one that ends leaves nothing of the file open,
    // and root may write any file, so the second runs as nobody where this test runs as root.
    const attempt = (work: string, as: object = {}) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `import { sqliteStore } from ${JSON.stringify(pathToFileURL(resolve('dist/store/index.js')).href)};
        try { const store = await sqliteStore(${JSON.stringify(file)}, { secret: 's' }); ${work} await store.close(); console.log('ok'); } catch (error) { console.log(error.code, error.message); }`], { encoding: 'utf8', ...as });
    assert.equal(attempt('').stdout.trim(), 'ok', 'made');
    chmodSync(file, 0o444);
    const nobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = attempt(`await store.record([${JSON.stringify(referral('a', 'b', 1))}]);`, nobody);
    assert.match(result.stdout.trim(), /^db-read-only ".*ro\.db": it is read-only: the receiver must be able to write the file and its folder \(SQLITE_READONLY\)$/, result.stdout + result.stderr);
  });

  it('names a PostgreSQL server that does not answer, a database that does not exist and a user it refuses', { skip: postgresSkip }, async () => {
    const base = new URL(process.env.MME_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    const at = (change: (url: URL) => void) => {
      const url = new URL(base);
      change(url);
      return url.toString();
    };
    await assert.rejects(postgresStore(at((u) => (u.port = '1'))), (e: StoreError) => e.code === 'db-unreachable' && e.field === 'url' && /no PostgreSQL server answers at 127\.0\.0\.1:1/.test(e.message));
    await assert.rejects(postgresStore(at((u) => (u.pathname = '/no_such_database'))), (e: StoreError) => e.code === 'db-cannot-open' && /no_such_database/.test(e.message));
    await assert.rejects(postgresStore(at((u) => ((u.username = 'no_such_user'), (u.password = 'wrong')))), (e: StoreError) => e.code === 'db-refused' && /refused the user name or password/.test(e.message) && !/wrong/.test(e.message));
    await assert.rejects(postgresStore('mysql://x'), (e: StoreError) => e.code === 'db-invalid');
  });
});

/** Every value the database holds, as one text, to look for what must not be there. */
async function rows(db: string): Promise<string> {
  if (!/^postgres/.test(db)) {
    // The file and its write-ahead log, as bytes on disk.
    return ['', '-wal'].map((end) => (existsSync(db + end) ? readFileSync(db + end).toString('latin1') : '')).join('');
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const all = await Promise.all(['mme_referrals', 'mme_people', 'mme_clicks'].map((table) => client.query(`SELECT * FROM ${table}`)));
  await client.end();
  return JSON.stringify(all.map((r) => r.rows));
}

/** The schema table, read straight from the database. */
async function meta(db: string): Promise<unknown[]> {
  if (/^postgres/.test(db)) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const { rows } = await client.query('SELECT name, value FROM mme_meta');
    await client.end();
    return rows;
  }
  const { default: Database } = await import('libsql');
  const file = new Database(db);
  const found = (file.prepare('SELECT name, value FROM mme_meta').all() as Record<string, unknown>[]).map((row) => ({ name: row.name, value: row.value }));
  file.close();
  return found;
}
