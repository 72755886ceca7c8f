import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = 'dist/cli/mme.js';
const SECRET = 'receiver-secret';
const PAGE_ID = '106123456789012';
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const delivery = (i: number, ref = `store_${i % 7}`) =>
  JSON.stringify({ object: 'page', entry: [{ id: PAGE_ID, time: 1, messaging: [{ sender: { id: `person-${i}` }, recipient: { id: PAGE_ID }, timestamp: 1764547200000 + i, referral: { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } }] }] });

/** Starts `mme webhook` on a free port; resolves once it listens. */
async function receiver(log: string, extra: string[] = []): Promise<{ child: ChildProcess; base: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(BIN, ['webhook', '--verify-token', 'tok3n', '--port', '0', '--log', log, ...extra], { env: { ...process.env, MME_APP_SECRET: SECRET } });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let tries = 0; !/Listening on (http:\/\/\S+)\//.test(output); tries++) {
    if (tries > 200) throw new Error(`mme webhook did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { child, base: /Listening on (http:\/\/\S+)\//.exec(output)![1], output: () => output, exited };
}

const post = (base: string, body: string) => fetch(`${base}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body });
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('mme webhook (the built receiver, over real HTTP on 127.0.0.1)', () => {
  const running: ChildProcess[] = [];
  after(() => running.forEach((child) => child.kill('SIGKILL')));

  it('answers the handshake, logs 200 concurrent deliveries as exactly 200 whole lines, a redelivery once, and stops on Ctrl-C', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'mme-webhook-')), 'referrals.jsonl');
    const { child, base, output, exited } = await receiver(log);
    running.push(child);
    const handshake = await fetch(`${base}/webhook?hub.mode=subscribe&hub.verify_token=tok3n&hub.challenge=42`);
    assert.deepEqual([handshake.status, await handshake.text()], [200, '42']);
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => post(base, delivery(i)).then((r) => r.status)));
    assert.deepEqual(new Set(statuses), new Set([200]));
    assert.equal((await post(base, delivery(3))).status, 200, "Meta's redelivery");
    const logged = lines(log).map((line) => JSON.parse(line));
    assert.equal(logged.length, 200, 'one line per referral, the redelivery not again');
    assert.deepEqual(new Set(logged.map((r) => r.psid)).size, 200);
    assert.match(output(), /ref=store_3 source=SHORTLINK person=person-3 via=referral/);
    const forged = await fetch(`${base}/webhook`, { method: 'POST', headers: { 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) }, body: delivery(999) });
    assert.equal(forged.status, 401);
    child.kill('SIGINT');
    assert.equal(await exited, 0, 'Ctrl-C finishes and exits 0');
    assert.match(output(), /Stopped\./);
    assert.equal(lines(log).length, 200);
  });

  it('leaves only whole lines when killed between deliveries, and appends after a restart', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'mme-webhook-')), 'referrals.jsonl');
    const first = await receiver(log);
    running.push(first.child);
    for (let i = 0; i < 20; i++) assert.equal((await post(first.base, delivery(i))).status, 200);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await receiver(log);
    running.push(second.child);
    for (let i = 20; i < 25; i++) assert.equal((await post(second.base, delivery(i))).status, 200);
    second.child.kill('SIGKILL');
    await second.exited;
    const logged = lines(log).map((line) => JSON.parse(line));
    assert.deepEqual(logged.map((r) => r.psid), Array.from({ length: 25 }, (_, i) => `person-${i}`));
  });

  it('reads the app secret from --app-secret-file, and names a bad file, port or log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mme-webhook-'));
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, `${SECRET}\n`);
    const env = { ...process.env };
    delete env.MME_APP_SECRET;
    const child = spawn(BIN, ['webhook', '--verify-token', 'tok3n', '--port', '0', '--log', join(dir, 'log.jsonl'), '--app-secret-file', secretFile], { env });
    running.push(child);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    for (let tries = 0; !/Listening on (http:\/\/\S+)\//.test(output); tries++) {
      if (tries > 200) throw new Error(`mme webhook did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const base = /Listening on (http:\/\/\S+)\//.exec(output)![1];
    assert.equal((await post(base, delivery(1))).status, 200, 'a delivery signed with the secret from the file, its line break trimmed');
    child.kill('SIGKILL');
    writeFileSync(join(dir, 'empty.txt'), '  \n');
    const cases: [string[], RegExp][] = [
      [['--app-secret-file', join(dir, 'empty.txt')], /^mme webhook: --app-secret-file: ".*empty\.txt" is empty$/],
      [['--app-secret-file', join(dir, 'missing.txt')], /^mme webhook: missing\.txt: cannot read ".*": no such file or folder$/],
      [['--port', '70000'], /^mme webhook: --port: "70000" must be a whole number from 0 to 65535$/],
      [['--log', join(dir, 'no-folder', 'log.jsonl')], /^mme webhook: --log: cannot write ".*": no such file or folder$/],
    ];
    for (const [args, message] of cases) {
      const result = spawnSync(BIN, ['webhook', '--verify-token', 't', ...args], { encoding: 'utf8', env: args[0] === '--app-secret-file' ? env : { ...env, MME_APP_SECRET: SECRET }, timeout: 10_000 });
      assert.equal(result.status, 1, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr.trim(), message);
    }
  });

  it('takes the app secret from the environment or a file, never a flag, and says so when it is missing', () => {
    const env = { ...process.env };
    delete env.MME_APP_SECRET;
    const missing = spawnSync(BIN, ['webhook', '--verify-token', 't', '--port', '0'], { encoding: 'utf8', env, timeout: 10_000 });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /MME_APP_SECRET: set it/);
    const flag = spawnSync(BIN, ['webhook', '--verify-token', 't', '--app-secret', 'x'], { encoding: 'utf8', env, timeout: 10_000 });
    assert.equal(flag.status, 2, 'there is no --app-secret flag');
    const noToken = spawnSync(BIN, ['webhook'], { encoding: 'utf8', env: { ...env, MME_APP_SECRET: 's' }, timeout: 10_000 });
    assert.equal(noToken.status, 2);
  });
});

describe('mme report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mme-report-'));
  const day = (d: number) => Date.UTC(2026, 10, d, 12);
  const referral = (person: string, ref: string, timestamp: number, extra: object = {}) => JSON.stringify({ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: person, timestamp, ref, source: 'SHORTLINK', ...extra });
  const log = join(dir, 'referrals.jsonl');
  writeFileSync(log, [
    referral('ann', 'store_north', day(1)),
    referral('ann', 'store_north', day(2)),
    referral('bob', 'store_north', day(2)),
    referral('ann', 'newsletter', day(3)),
    '{ broken',
    referral('cat', 'newsletter', day(4), { channel: 'instagram' }),
    '',
    'null',
  ].join('\n') + '\n');
  writeFileSync(join(dir, 'links.csv'), 'ref,label,link\r\nstore_north,North store,https://m.me/x?ref=store_north\r\nnewsletter,May newsletter,https://m.me/x?ref=newsletter\r\n');
  const report = (...args: string[]) => spawnSync(BIN, ['report', log, ...args], { encoding: 'utf8' });

  it('counts referrals, people and first touches per ref, with the labels of links.csv, and warns about bad lines by number', () => {
    const { status, stdout, stderr } = report('--links', join(dir, 'links.csv'));
    assert.equal(status, 0, stderr);
    assert.equal(stdout, [
      'ref          label           referrals  people  first touch',
      '-----------  --------------  ---------  ------  -----------',
      'store_north  North store             3       2            2',
      'newsletter   May newsletter          2       2            1',
      '',
    ].join('\n'));
    assert.equal(stderr, 'warning: referrals.jsonl: line 5 is not a referral; skipped\nwarning: referrals.jsonl: line 8 is not a referral; skipped\n');
  });

  it('groups by channel or day, from a date on, as CSV or JSON', () => {
    assert.deepEqual(JSON.parse(report('--by', 'channel', '--format', 'json').stdout), [
      { group: 'messenger', referrals: 4, people: 2, firstTouch: 2 },
      { group: 'instagram', referrals: 1, people: 1, firstTouch: 1 },
    ]);
    assert.equal(report('--by', 'day', '--since', '2026-11-02', '--format', 'csv').stdout, 'day,referrals,people,first touch\n2026-11-02,2,2,1\n2026-11-03,1,1,0\n2026-11-04,1,1,1\n');
  });

  it('names the option of a mistake, with no stack trace', () => {
    for (const [args, flag] of [[['--by', 'week'], '--by'], [['--since', 'last tuesday'], '--since'], [['--format', 'pdf'], '--format']] as const) {
      const { status, stderr } = report(...args);
      assert.equal(status, 1);
      assert.match(stderr, new RegExp(`^mme report: ${flag}: `));
    }
    const missing = spawnSync(BIN, ['report', join(dir, 'nope.jsonl')], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.jsonl: cannot read/);
  });
});
