// `mme webhook`, `mme report`, `mme import` and `mme forget` as an operator runs them: the built
// CLI in child processes, over real HTTP on 127.0.0.1, on a real SQLite file and PostgreSQL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { postgresSkip } from '../helpers/postgres.js';
import { BIN, CHROME, PAGE_ID, SITE, beacon, cleanups, clicksStored, delivery, env, mme, post, postgresDb, receiver, sign, sqliteDb, stored } from '../helpers/receiver.js';

const recordedLines = (output: string) => output.split('\n').filter((line) => / via=referral$/.test(line));

for (const engine of [{ name: 'sqlite', skip: false as const, fresh: async () => sqliteDb() }, { name: 'postgres', skip: postgresSkip, fresh: postgresDb }]) {
  describe(`mme webhook on ${engine.name}`, () => {
    it('records 200 concurrent deliveries once each, a redelivery after a restart not again, answers /health, and stops on Ctrl-C', { skip: engine.skip }, async () => {
      const db = await engine.fresh();
      const first = await receiver(db);
      const handshake = await fetch(`${first.base}/webhook?hub.mode=subscribe&hub.verify_token=tok3n&hub.challenge=42`);
      assert.deepEqual([handshake.status, await handshake.text()], [200, '42']);
      const health = await fetch(`${first.base}/health`);
      assert.deepEqual([health.status, await health.text()], [200, 'ok']);
      const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => post(first.base, delivery(i)).then((r) => r.status)));
      assert.deepEqual(new Set(statuses), new Set([200]));
      assert.equal((await post(first.base, delivery(3))).status, 200, "Meta's redelivery");
      assert.equal(recordedLines(first.output()).length, 200, 'one line per referral recorded');
      assert.doesNotMatch(first.output(), /person-3/, 'no raw ID on the terminal without --keep-ids');
      first.child.kill('SIGINT');
      assert.equal(await first.exited, 0, 'Ctrl-C finishes and exits 0');
      assert.match(first.output(), /handshake: Meta's subscription check passed \(200\)[\s\S]*Stopped\./);

      const second = await receiver(db);
      for (const i of [0, 3, 199]) assert.equal((await post(second.base, delivery(i))).status, 200, 'a redelivery after the restart');
      assert.equal(recordedLines(second.output()).length, 0, 'nothing recorded twice after a restart');
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0, 'SIGTERM drains too');
      const refs = stored(db);
      assert.equal(refs.size, 200);
      assert.ok([...refs.values()].every((chats) => chats === 1), 'each delivery counted once');
    });

    it('three receivers started at the same moment on a new database (a deploy of three replicas) create it once and share it', { skip: engine.skip }, async () => {
      const db = await engine.fresh();
      const replicas = await Promise.all([1, 2, 3].map(() => receiver(db)));
      const statuses = await Promise.all(replicas.flatMap((r, i) => [post(r.base, delivery(i)), post(r.base, delivery(0))]).map((p) => p.then((response) => response.status)));
      assert.deepEqual(new Set(statuses), new Set([200]));
      for (const r of replicas) assert.doesNotMatch(r.output(), /refused|error/i, r.output());
      replicas.forEach((r) => r.child.kill('SIGINT'));
      assert.deepEqual(await Promise.all(replicas.map((r) => r.exited)), [0, 0, 0]);
      assert.deepEqual([...stored(db)].sort(), [['d0', 1], ['d1', 1], ['d2', 1]], 'each delivery once, delivery 0 sent to all three');
    });

    it('killed with SIGKILL under load, then sent every unanswered delivery again: every 200 was stored, nothing twice', { skip: engine.skip }, async () => {
      const db = await engine.fresh();
      const first = await receiver(db);
      const answered = new Set<number>();
      const total = 1500;
      let next = 0;
      // 25 connections at a time, as Meta spreads a busy Page's deliveries; the kill lands mid-load.
      const worker = async () => {
        while (next < total) {
          const i = next++;
          try {
            if ((await post(first.base, delivery(i))).status === 200) answered.add(i);
          } catch {
            // The receiver died with this delivery in flight: Meta would send it again.
          }
        }
      };
      const load = Promise.all(Array.from({ length: 25 }, worker));
      while (answered.size < 300) await new Promise((resolve) => setTimeout(resolve, 5));
      first.child.kill('SIGKILL');
      await load;
      assert.ok(answered.size >= 300 && answered.size < total, `the kill came mid-load (${answered.size} answered)`);
      const afterKill = stored(db);
      for (const i of answered) assert.equal(afterKill.get(`d${i}`), 1, `delivery ${i} was answered 200, so it is stored`);

      const second = await receiver(db);
      const unanswered = Array.from({ length: total }, (_, i) => i).filter((i) => !answered.has(i));
      for (let i = 0; i < unanswered.length; i += 25) {
        const statuses = await Promise.all(unanswered.slice(i, i + 25).map((n) => post(second.base, delivery(n)).then((r) => r.status)));
        assert.deepEqual(new Set(statuses), new Set([200]));
      }
      second.child.kill('SIGKILL');
      const refs = stored(db);
      assert.equal(refs.size, total, 'every delivery is stored');
      assert.ok([...refs.values()].every((chats) => chats === 1), 'none twice');
    });
  });
}

describe('mme webhook, two receivers on one PostgreSQL database behind a load balancer', () => {
  it('counts the same delivery, sent to both at the same moment, once', { skip: postgresSkip }, async () => {
    const db = await postgresDb();
    const [a, b] = await Promise.all([receiver(db), receiver(db)]);
    for (let round = 0; round < 5; round++) {
      const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => [post(a.base, delivery(round * 40 + i)), post(b.base, delivery(round * 40 + i))]).flat().map((p) => p.then((r) => r.status)));
      assert.deepEqual(new Set(statuses), new Set([200]));
    }
    assert.equal(recordedLines(a.output()).length + recordedLines(b.output()).length, 200, 'one line per referral, across both receivers');
    const refs = stored(db);
    assert.equal(refs.size, 200);
    assert.ok([...refs.values()].every((chats) => chats === 1));
  });

  it('answers 503 while the database is out of reach, /health too, and records again once it is back', { skip: postgresSkip }, async () => {
    const db = new URL(await postgresDb());
    // A TCP hop between the receiver and PostgreSQL that the test can cut.
    const sockets = new Set<Socket>();
    let proxy: Server = createServer();
    const listen = (port = 0) =>
      new Promise<number>((resolve) => {
        proxy = createServer((client) => {
          const server = connect(Number(db.port || 5432), db.hostname);
          for (const s of [client, server]) {
            sockets.add(s);
            s.on('error', () => s.destroy());
            s.on('close', () => sockets.delete(s));
          }
          client.pipe(server).pipe(client);
        });
        proxy.listen(port, '127.0.0.1', () => resolve((proxy.address() as { port: number }).port));
      });
    const port = await listen();
    const through = new URL(db);
    through.hostname = '127.0.0.1';
    through.port = String(port);
    const r = await receiver(through.toString(), ['--allow-origin', SITE]);
    assert.equal((await post(r.base, delivery(1))).status, 200);
    assert.equal((await beacon(r.base)).status, 204);
    await new Promise<void>((resolve) => proxy.close(() => resolve()) && sockets.forEach((s) => s.destroy()));
    assert.equal((await post(r.base, delivery(2))).status, 503, 'a delivery not stored is never answered 200');
    assert.equal((await beacon(r.base)).status, 503, 'a click not stored is not answered as counted');
    assert.equal((await fetch(`${r.base}/health`)).status, 503);
    assert.match(r.output(), /refused a delivery \(503\): the store did not answer, so Meta will send it again: no PostgreSQL server answers/);
    await listen(port);
    assert.equal((await post(r.base, delivery(2))).status, 200, "Meta's redelivery, once the database is back");
    assert.equal((await fetch(`${r.base}/health`)).status, 200);
    r.child.kill('SIGINT');
    await r.exited;
    proxy.close();
    assert.deepEqual([...stored(db.toString()).keys()].sort(), ['d1', 'd2']);
    assert.equal(clicksStored(db.toString()), 1, 'the click answered 204, and not the one answered 503');
  });
});

describe('mme webhook, counting clicks on POST /click', () => {
  it('counts only what a browser on an allowed site sends, within the rate limit, while every Meta delivery is served', async () => {
    const db = sqliteDb();
    const r = await receiver(db, ['--allow-origin', SITE, '--allow-origin', 'https://other.example/']);
    assert.match(r.output(), /Counting clicks on POST \/click from https:\/\/shop\.example, https:\/\/other\.example\./);
    assert.equal((await beacon(r.base, undefined, { origin: 'https://evil.example' })).status, 403, 'a foreign origin');
    assert.equal((await beacon(r.base, 'x'.repeat(100 * 1024))).status, 400, 'a 100 KB body');
    assert.equal((await beacon(r.base, undefined, { 'user-agent': 'facebookexternalhit/1.1' })).status, 204, 'a bot, not told');
    assert.equal(clicksStored(db), 0);
    // 10,000 beacons from one address as fast as they go, and Meta's deliveries in the middle of them.
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const body = JSON.stringify({ ref: 'web-home', channel: 'messenger', kind: 'chat', path: '/', handoff: 'link' });
    const one = () =>
      new Promise<number>((resolve) => {
        const req = request(`${r.base}/click`, { method: 'POST', agent, headers: { origin: SITE, 'user-agent': CHROME, 'content-type': 'text/plain;charset=UTF-8' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', () => resolve(0));
        req.end(body);
      });
    const flood = Promise.all(Array.from({ length: 10_000 }, one));
    const started = Date.now();
    const meta = await Promise.all(Array.from({ length: 50 }, (_, i) => post(r.base, delivery(i)).then((response) => [response.status, Date.now() - started])));
    const statuses = await flood;
    const floodMs = Date.now() - started;
    agent.destroy();
    const counted = statuses.filter((status) => status === 204).length;
    assert.equal(counted, 30, 'the rate limit: 30 a minute from one address');
    assert.equal(statuses.filter((status) => status === 429).length, 10_000 - 30);
    assert.deepEqual(new Set(meta.map(([status]) => status)), new Set([200]), "every Meta delivery answered 200 during the flood");
    console.log(`10,000 beacons from one address answered in ${floodMs} ms; Meta's 50 deliveries among them: the slowest answered in ${Math.max(...meta.map(([, ms]) => ms))} ms`);
    r.child.kill('SIGINT');
    await r.exited;
    assert.equal(clicksStored(db), 30);
    assert.equal(stored(db).size, 50);
  });

  it('behind a proxy (--trust-proxy), limits each client by the address the proxy adds, and without it ignores the header', async () => {
    const from = (r: { base: string }, forwardedFor: string) => Promise.all(Array.from({ length: 31 }, () => beacon(r.base, undefined, { 'x-forwarded-for': forwardedFor }).then((response) => response.status)));
    const counted = (statuses: number[]) => statuses.filter((status) => status === 204).length;
    const proxied = await receiver(sqliteDb(), ['--allow-origin', SITE, '--trust-proxy']);
    // The last entry is the one the proxy wrote; what the client put before it does not count.
    assert.equal(counted(await from(proxied, 'spoofed, 203.0.113.1')), 30);
    assert.equal(counted(await from(proxied, 'spoofed, 203.0.113.2')), 30, 'another client, its own limit');
    proxied.child.kill('SIGINT');
    await proxied.exited;
    const direct = await receiver(sqliteDb(), ['--allow-origin', SITE]);
    assert.equal(counted(await from(direct, '203.0.113.3')), 30);
    assert.equal(counted(await from(direct, '203.0.113.4')), 0, 'a header anyone can send does not lift the limit');
    direct.child.kill('SIGINT');
    await direct.exited;
  });

  it('counts nothing without --allow-origin, and says how to start counting; refuses an --allow-origin that is no origin', async () => {
    const db = sqliteDb();
    const r = await receiver(db);
    assert.match(r.output(), /Not counting clicks: add --allow-origin https:\/\/your-site\.example/);
    const response = await beacon(r.base);
    assert.equal(response.status, 403);
    assert.match(await response.text(), /--allow-origin/);
    r.child.kill('SIGINT');
    await r.exited;
    assert.equal(clicksStored(db), 0);
    const wrong = mme('webhook', '--verify-token', 't', '--db', sqliteDb(), '--allow-origin', 'shop.example/checkout');
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /--allow-origin: "shop\.example\/checkout" is not an origin such as https:\/\/shop\.example/);
    assert.doesNotMatch(wrong.stderr, /at .*\.js:\d+/);
  });
});

describe('mme webhook, refusing as an operator needs to hear it', () => {
  it('prints one line naming the likely cause of each refused delivery', async () => {
    const r = await receiver(sqliteDb());
    assert.equal((await post(r.base, delivery(1), sign(delivery(1), 'the-old-secret'))).status, 401);
    assert.equal((await fetch(`${r.base}/webhook`, { method: 'POST', body: delivery(1) })).status, 401);
    assert.equal((await fetch(`${r.base}/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status, 403);
    r.child.kill('SIGINT');
    await r.exited;
    const lines = r.output().split('\n');
    assert.ok(lines.includes('refused a delivery (401): the signature does not match MME_APP_SECRET: copy the app secret again (Meta app dashboard → App settings → Basic), of the app this webhook is subscribed in'), r.output());
    assert.ok(lines.includes('refused a delivery (401): no X-Hub-Signature-256 header: not a delivery from Meta, or a proxy in front removed the header'));
    assert.ok(lines.includes('handshake refused (403): hub.verify_token does not match --verify-token, or the request is not a subscription check'));
  });

  it('answers 503, never 200, for a delivery a full disk could not store, and keeps every one it answered 200', { skip: process.getuid?.() === 0 ? false : 'mounting a small disk needs root' }, async (t) => {
    const disk = mkdtempSync(join(tmpdir(), 'mme-full-'));
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', disk]).status !== 0) return t.skip('this machine cannot mount a tmpfs');
    cleanups.push(async () => void spawnSync('umount', ['-l', disk]));
    const db = join(disk, 'mme.db');
    const r = await receiver(db);
    const answered: number[] = [];
    let refused = 0;
    for (let i = 0; i < 3000 && refused < 5; i++) {
      const status = (await post(r.base, delivery(i, `ref-${i}-${'x'.repeat(200)}`))).status;
      if (status === 200) answered.push(i);
      else {
        assert.equal(status, 503);
        refused++;
      }
    }
    assert.equal(refused, 5, 'the disk filled up');
    assert.match(r.output(), /refused a delivery \(503\): the store did not answer, so Meta will send it again: ".*mme\.db": the disk is full/);
    r.child.kill('SIGINT');
    assert.equal(await r.exited, 0);
    const refs = stored(db);
    for (const i of answered) assert.equal(refs.get(`ref-${i}-${'x'.repeat(200)}`), 1, `delivery ${i} was answered 200`);
  });

  it('exits 1 with one line for a --db that cannot be opened, a corrupt file, a read-only file, a wrong URL or server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mme-bad-db-'));
    writeFileSync(join(dir, 'corrupt.db'), 'not a database '.repeat(500));
    const cases: [string, RegExp][] = [
      [join(dir, 'no-folder', 'mme.db'), /^mme webhook: --db: ".*no-folder\/mme\.db": cannot open it: its folder does not exist or cannot be written \(SQLITE_CANTOPEN\)$/],
      [join(dir, 'corrupt.db'), /^mme webhook: --db: ".*corrupt\.db": it is not a database mme-kit can read \(a damaged file, or another kind of file\) \(SQLITE_NOTADB\)$/],
      ...(postgresSkip ? [] : ([
        ['postgres://postgres@127.0.0.1:1/test', /^mme webhook: --db: no PostgreSQL server answers at 127\.0\.0\.1:1\/test \(ECONNREFUSED\)$/],
        ['postgres://nobody_here:secret-pw@127.0.0.1:5432/test', /^mme webhook: --db: 127\.0\.0\.1:5432\/test refused the user name or password \(.*\)$/],
        ['postgres://postgres@127.0.0.1:5432/no_such_db', /^mme webhook: --db: database "no_such_db" does not exist on 127\.0\.0\.1:5432\/no_such_db: create it/],
      ] as [string, RegExp][])),
    ];
    for (const [db, message] of cases) {
      const result = mme('webhook', '--verify-token', 't', '--port', '0', '--db', db);
      assert.equal(result.status, 1, `${db}: ${result.stderr}`);
      assert.match(result.stderr.trim(), message);
      assert.doesNotMatch(result.stderr, /secret-pw|\n\s+at /, 'no password, no stack trace');
    }
    // A file the receiver's user may not write (root may write any file, so run as nobody).
    const owned = join(dir, 'owned');
    mkdirSync(owned);
    const readOnly = join(owned, 'mme.db');
    // Made by a process that has ended, as a receiver's store is: nothing of it is still open.
    writeFileSync(join(dir, 'empty.jsonl'), '');
    assert.equal(mme('import', join(dir, 'empty.jsonl'), '--db', readOnly).status, 0, 'creates the store');
    chmodSync(readOnly, 0o444);
    chmodSync(owned, 0o755);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (process.getuid?.() === 0) chownSync(dir, 0, 0);
    chmodSync(dir, 0o755);
    const result = spawnSync(process.execPath, [BIN, 'webhook', '--verify-token', 't', '--port', '0', '--db', readOnly], { encoding: 'utf8', env, timeout: 30_000, ...asNobody });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr.trim(), /^mme webhook: --db: ".*mme\.db": it is read-only: the receiver must be able to write the file and its folder \(SQLITE_READONLY\)$|^mme webhook: --db: ".*mme\.db": cannot open it/);
  });

  it('takes the app secret from the environment or a file, never a flag, and says --log is gone', () => {
    const noSecret: NodeJS.ProcessEnv = { ...env };
    delete noSecret.MME_APP_SECRET;
    const dir = mkdtempSync(join(tmpdir(), 'mme-webhook-'));
    writeFileSync(join(dir, 'empty.txt'), '  \n');
    const run = (args: string[], e = noSecret) => spawnSync(BIN, ['webhook', '--verify-token', 't', '--port', '0', '--db', join(dir, 'mme.db'), ...args], { encoding: 'utf8', env: e, timeout: 10_000 });
    assert.match(run([]).stderr, /MME_APP_SECRET: set it/);
    assert.equal(run(['--app-secret', 'x']).status, 2, 'there is no --app-secret flag');
    assert.match(run(['--app-secret-file', join(dir, 'empty.txt')]).stderr, /--app-secret-file: ".*empty\.txt" is empty/);
    const log = run(['--log', 'referrals.jsonl'], env);
    assert.equal(log.status, 2);
    assert.match(log.stderr, /^mme webhook: --log is gone: referrals are recorded in the store \(--db, default mme\.db\); move an old log in with mme import LOG\.jsonl/);
    assert.equal(spawnSync(BIN, ['webhook'], { encoding: 'utf8', env }).status, 2, '--verify-token is required');
  });
});

describe('mme import, mme report and mme forget', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mme-report-'));
  const day = (d: number, h = 12) => Date.UTC(2026, 10, d, h);
  const line = (person: string, ref: string, timestamp: number, extra: object = {}) => JSON.stringify({ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: person, timestamp, ref, source: 'SHORTLINK', ...extra });
  const log = join(dir, 'referrals.jsonl');
  writeFileSync(log, [
    line('ann', 'store_north', day(1)),
    line('ann', 'store_north', day(2)),
    line('bob', 'store_north', day(2)),
    line('bob', 'store_north', day(2)),
    line('ann', 'newsletter', day(3)),
    '{ broken',
    line('cat', 'store_north', day(4), { channel: 'instagram' }),
    '',
    // A line from before Instagram, with no channel.
    JSON.stringify({ via: 'postback', pageId: PAGE_ID, userRef: 'dan', timestamp: day(5, 23), ref: 'newsletter' }),
    'null',
  ].join('\n') + '\n');
  writeFileSync(join(dir, 'links.csv'), 'ref,label,link,channel\r\nstore_north,North store,https://m.me/x?ref=store_north,messenger\r\nstore_north,North store (Instagram),https://ig.me/m/x?ref=store_north,instagram\r\nnewsletter,May newsletter,https://m.me/x?ref=newsletter,messenger\r\nstore_south,South store,https://m.me/x?ref=store_south,messenger\r\n');
  const db = join(dir, 'mme.db');
  const report = (...args: string[]) => mme('report', '--db', db, ...args);

  it('moves an old log into the store, a line that is no referral a warning, and counts nothing twice when run again', () => {
    const first = mme('import', log, '--db', db);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, `Imported 6 referrals from referrals.jsonl into ${db}; 1 was there already; 2 lines skipped.\n`);
    assert.equal(first.stderr, 'warning: referrals.jsonl: line 6 is not a referral; skipped\nwarning: referrals.jsonl: line 10 is not a referral; skipped\n');
    const again = mme('import', log, '--db', db);
    assert.match(again.stdout, /^Imported 0 referrals from referrals\.jsonl into .*; 7 were there already; 2 lines skipped\.$/m);
    const missing = mme('import', join(dir, 'nope.jsonl'), '--db', db);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr.trim(), /^mme import: nope\.jsonl: cannot read ".*": no such file or folder$/);
  });

  it('shows the funnel per ref and channel with the labels of links.csv, every ref in it also at zero, a total and a legend', () => {
    const { status, stdout, stderr } = report('--links', join(dir, 'links.csv'));
    assert.equal(status, 0, stderr);
    assert.equal(stdout, [
      'ref          channel    label                    clicks  chats started  people  new people  chats per click',
      '-----------  ---------  -----------------------  ------  -------------  ------  ----------  ---------------',
      'store_north  messenger  North store                   0              3       2           2                –',
      'newsletter   messenger  May newsletter                0              2       2           1                –',
      'store_north  instagram  North store (Instagram)       0              1       1           1                –',
      'store_south  messenger  South store                   0              0       0           0                –',
      '-----------  ---------  -----------------------  ------  -------------  ------  ----------  ---------------',
      'total                                                 0              6       4           4                –',
      '',
      'chats started: conversations opened from a link or code, each counted once · people: distinct people · new people: their first conversation ever · chats per click: chats started ÷ clicks · –: none, or not known for the group (a click has no source; a chat does not say its handoff: those count in the total)',
      '',
    ].join('\n'));
  });

  it('groups by channel, source or day in a time zone, from and until a day, as CSV or JSON with stable names', () => {
    assert.deepEqual(JSON.parse(report('--by', 'channel', '--format', 'json').stdout), {
      by: 'channel', timeZone: 'UTC',
      groups: [{ group: 'messenger', clicks: 0, chats: 5, people: 3, newPeople: 3, rate: null }, { group: 'instagram', clicks: 0, chats: 1, people: 1, newPeople: 1, rate: null }],
      total: { clicks: 0, chats: 6, people: 4, newPeople: 4, rate: null },
    });
    assert.equal(report('--by', 'day', '--since', '2026-11-02', '--until', '2026-11-05', '--format', 'csv').stdout,
      'day,clicks,chats,people,newPeople,rate\n2026-11-02,0,2,2,1,\n2026-11-03,0,1,1,0,\n2026-11-04,0,1,1,1,\n2026-11-05,0,1,1,1,\ntotal,0,5,4,3,\n');
    // dan's postback at 23:00 UTC on the 5th is the 6th in Tokyo; the 5th is shown, empty.
    const tokyo = report('--by', 'day', '--timezone', 'Asia/Tokyo', '--since', '2026-11-05', '--format', 'csv').stdout;
    assert.equal(tokyo, 'day,clicks,chats,people,newPeople,rate\n2026-11-05,0,0,0,0,\n2026-11-06,0,1,1,1,\ntotal,0,1,1,1,\n');
    // --out writes the same to a file, and says where.
    const file = join(mkdtempSync(join(tmpdir(), 'mme-out-')), 'tokyo.csv');
    const written = report('--by', 'day', '--timezone', 'Asia/Tokyo', '--since', '2026-11-05', '--format', 'csv', '--out', file);
    assert.equal(written.stdout, `Report written to ${file}\n`);
    assert.equal(readFileSync(file, 'utf8'), tokyo);
    assert.equal(report('--out', join(file, 'nowhere', 'x.csv')).status, 1, 'a folder that does not exist');
  });

  it('names the option of a mistake, with no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['--by', 'week'], /^mme report: --by: "week" must be ref, channel, source, day, handoff$/],
      [['--since', 'last tuesday'], /^mme report: --since: "last tuesday" is not a day such as 2026-11-01, a time such as 2026-11-01T09:00:00\+01:00/],
      [['--until', '2026-02-30'], /^mme report: --until: "2026-02-30" is not a day/],
      [['--since', '2026-11-05', '--until', '2026-11-01'], /^mme report: --until: "2026-11-01" is before since "2026-11-05"$/],
      [['--timezone', 'Mars/Olympus'], /^mme report: --timezone: "Mars\/Olympus" is not a time zone: use an IANA name/],
      [['--format', 'pdf'], /^mme report: --format: "pdf" must be table, csv, json, html$/],
      [['--links', join(dir, 'nope.csv')], /^mme report: nope\.csv: cannot read/],
      [['--db', join(dir, 'elsewhere.db')], /^mme report: --db: there is no store at ".*elsewhere\.db": give the one mme webhook records in \(--db FILE or MME_DB\), or run this where it is$/],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = report(...args);
      assert.equal(status, 1, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr.trim(), message);
      assert.doesNotMatch(stderr, /\n\s+at /);
    }
    const old = mme('report', log);
    assert.equal(old.status, 2);
    assert.match(old.stderr, /mme report reads the store now \(--db\), not a log: move ".*referrals\.jsonl" in first with mme import/);
  });

  it("forgets one person's referrals", () => {
    const forgot = mme('forget', 'ann', '--db', db);
    assert.equal(forgot.status, 0, forgot.stderr);
    assert.equal(forgot.stdout, `Removed 3 referrals of that person from ${db}.\n`);
    assert.match(mme('forget', 'ann', '--db', db).stdout, /^No referrals of that person in .*: nothing to remove/);
    const nowhere = mme('forget', 'ann', '--db', join(dir, 'elsewhere.db'));
    assert.equal(nowhere.status, 1);
    assert.match(nowhere.stderr, /^mme forget: --db: there is no store at /);
    assert.ok(!existsSync(join(dir, 'elsewhere.db')), 'a read of a store that is not there makes none');
    assert.equal(JSON.parse(report('--format', 'json').stdout).total.people, 3);
  });
});
