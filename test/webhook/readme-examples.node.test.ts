import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { freshPostgres, postgresSkip } from '../helpers/postgres.js';
import { referralBody } from './fixtures.js';

const SECRET = 'app-secret-for-the-test';
const TOKEN = 'tok3n';
// Spaced JSON: re-serialising it would change the bytes, and the signature would not match.
const BODY = JSON.stringify(referralBody, null, 2);
const SIGNATURE = `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`;

/** The README's js examples that serve the webhook, each written to a file inside the package, so that 'mme-kit/webhook' resolves to this build as it would in an app. */
const examples = [...readFileSync('README.md', 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => code.includes("from 'mme-kit/webhook'") && /createWebhookHandler|verifySignature/.test(code) && /express|export/.test(code));
mkdirSync('test-output', { recursive: true });
const file = (name: string, code: string) => {
  const path = resolve('test-output', name);
  writeFileSync(path, code);
  return path;
};

/** A free port on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Checks a Fetch-API handler as Meta would call it; `output` is what shows the referral arrived. */
async function checkHandler(handler: (request: Request) => Promise<Response>, output: () => string | Promise<string>) {
  const ok = await handler(new Request(`https://shop.example/api/webhook?hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1158201444`));
  assert.deepEqual([ok.status, await ok.text()], [200, '1158201444']);
  const signed = await handler(new Request('https://shop.example/api/webhook', { method: 'POST', headers: { 'x-hub-signature-256': SIGNATURE }, body: BODY }));
  assert.equal(signed.status, 200);
  assert.match(await output(), /messenger summer_coupon 6712345678901234|recorded: summer_coupon 1/);
  const forged = await handler(new Request('https://shop.example/api/webhook', { method: 'POST', headers: { 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) }, body: BODY }));
  assert.equal(forged.status, 401);
}

describe('the README webhook examples, run as written against the built package', () => {
  const children: ChildProcess[] = [];
  after(() => children.forEach((child) => child.kill()));
  process.env.APP_SECRET = SECRET;
  process.env.VERIFY_TOKEN = TOKEN;

  it('has the Fetch, Next.js and two Express examples', () => {
    assert.equal(examples.length, 4, `found ${examples.length}`);
  });

  for (const [index, code] of examples.filter((code) => !code.includes("from 'express'")).entries()) {
    const recording = code.includes('postgresStore');
    it(`serves Meta as written: ${code.split('\n')[0]}`, { skip: recording && postgresSkip }, async () => {
      const database = recording ? await freshPostgres() : undefined;
      if (database) process.env.DATABASE_URL = database.url;
      /** What the example's store holds, read back from the database. */
      const recorded = async () => {
        const store = await openStore(database!.url);
        const { groups } = await store.report();
        await store.close();
        return groups.map((g) => `recorded: ${g.group} ${g.chats}`).join('\n');
      };
      const logged: string[] = [];
      const log = console.log;
      console.log = (...args: unknown[]) => void logged.push(args.join(' '));
      try {
        const module = await import(pathToFileURL(file(`readme-fetch-${index}.mjs`, code)).href);
        const handler = module.POST ?? module.default.fetch;
        if (module.GET) assert.equal(module.GET, module.POST, 'GET and POST are the one handler');
        await checkHandler(handler, database ? recorded : () => logged.join('\n'));
      } finally {
        console.log = log;
        await database?.drop();
      }
    });
  }

  for (const [index, code] of examples.filter((code) => code.includes("from 'express'")).entries()) {
    it(`serves Meta as written with Express (${index + 1})`, async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      let output = '';
      const child = spawn(process.execPath, [file(`readme-express-${index}.mjs`, code)], { env: { ...process.env, PORT: String(port) } });
      children.push(child);
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));
      for (let tries = 0; ; tries++) {
        try {
          await fetch(base);
          break;
        } catch {
          if (tries > 200) throw new Error(`the example did not start: ${output}`);
          await new Promise((done) => setTimeout(done, 25));
        }
      }
      const ok = await fetch(`${base}/webhook?hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1158201444`);
      assert.deepEqual([ok.status, await ok.text()], [200, '1158201444']);
      assert.equal((await fetch(`${base}/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status, 403);
      const signed = await fetch(`${base}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': SIGNATURE }, body: BODY });
      assert.equal(signed.status, 200);
      for (let tries = 0; !output.includes('summer_coupon') && tries < 80; tries++) await new Promise((done) => setTimeout(done, 25));
      assert.match(output, /summer_coupon 6712345678901234 1458692752478/);
      const forged = await fetch(`${base}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) }, body: BODY });
      assert.equal(forged.status, 401);
      child.kill();
    });
  }
});
