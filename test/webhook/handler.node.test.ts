import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type Referral, WebhookError, createWebhookHandler, memoryStore, referralKey, toNodeListener } from '../../src/webhook/index.js';
import { PAGE_ID, PSID, optinBody, postbackBody, referralBody } from './fixtures.js';

const SECRET = 'test-app-secret';
const TOKEN = 'tok3n';
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('createWebhookHandler, served over real HTTP on 127.0.0.1 with toNodeListener', () => {
  let server: Server;
  let base: string;
  const referrals: Referral[] = [];
  const events: unknown[] = [];
  let failNext = 0;
  before(async () => {
    const handler = createWebhookHandler({
      appSecret: SECRET,
      verifyToken: TOKEN,
      maxBodyBytes: 4 << 20,
      onReferral: async (referral) => {
        if (failNext > 0) {
          failNext--;
          throw new Error('the database is down');
        }
        referrals.push(referral);
      },
      onEvent: (event) => void events.push(event),
    });
    server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => {
    referrals.length = 0;
    events.length = 0;
    failNext = 0;
  });

  const deliver = (body: string, signature: string | null = sign(body)) =>
    fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) }, body });

  it('answers the subscription handshake with the challenge, and 403 for a wrong token', async () => {
    const ok = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1158201444`);
    assert.deepEqual([ok.status, await ok.text()], [200, '1158201444']);
    assert.equal((await fetch(`${base}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status, 403);
    assert.equal((await fetch(base)).status, 403);
  });

  it('reads the three seed payloads, each referral once, with its channel, and every event', async () => {
    for (const body of [referralBody, postbackBody, optinBody]) assert.equal((await deliver(JSON.stringify(body))).status, 200);
    assert.deepEqual(referrals.map((r) => [r.via, r.channel, r.ref]), [['referral', 'messenger', 'summer_coupon'], ['postback', 'messenger', 'web-shoes-red-sale'], ['optin', 'messenger', 'newsletter']]);
    assert.equal(events.length, 3);
    await deliver(JSON.stringify({ object: 'instagram', entry: [{ id: '1784', time: 5, messaging: [{ sender: { id: PSID }, recipient: { id: '1784' }, timestamp: 7, message: { mid: 'x', referral: { ref: 'bio', source: 'SHORTLINKS' } } }] }] }));
    assert.deepEqual(referrals.slice(3).map((r) => [r.channel, r.ref]), [['instagram', 'bio']]);
  });

  it('answers 401 and runs nothing for a missing or wrong signature, or one over re-serialised JSON', async () => {
    const body = JSON.stringify(referralBody, null, 2);
    const cases = [null, 'sha256=' + '0'.repeat(64), sign(body, 'another-secret'), sign(JSON.stringify(JSON.parse(body)))];
    for (const signature of cases) assert.equal((await deliver(body, signature)).status, 401, String(signature));
    assert.deepEqual([referrals, events], [[], []]);
  });

  it('answers 400 for a signed body that is not a JSON object, 413 over the limit, 405 for other methods', async () => {
    for (const body of ['{not json', '[1,2]', '"text"']) assert.equal((await deliver(body)).status, 400, body);
    const huge = JSON.stringify({ object: 'page', padding: 'x'.repeat(5 << 20) });
    assert.equal((await deliver(huge)).status, 413);
    const put = await fetch(base, { method: 'PUT', body: '{}' });
    assert.deepEqual([put.status, put.headers.get('allow')], [405, 'GET, POST']);
    assert.deepEqual(referrals, []);
  });

  it('handles a redelivery once', async () => {
    const event = postbackBody.entry[0].messaging[0];
    const body = JSON.stringify({ ...postbackBody, entry: [{ ...postbackBody.entry[0], messaging: [{ ...event, timestamp: '1600000002', postback: { ...event.postback, mid: 'm_REDELIVERED' } }] }] });
    assert.equal((await deliver(body)).status, 200);
    assert.equal((await deliver(body)).status, 200);
    assert.equal(referrals.length, 1, 'the same referral, delivered twice, is handled once');
  });

  it('loses nothing: a failing callback answers 500, and the redelivery is handled', async () => {
    const body = JSON.stringify({ ...referralBody, entry: [{ ...referralBody.entry[0], messaging: [{ ...referralBody.entry[0].messaging[0], timestamp: 1600000000001 }] }] });
    failNext = 1;
    const logged: string[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      assert.equal((await deliver(body)).status, 500);
    } finally {
      console.error = log;
    }
    assert.match(logged.join('\n'), /^mme-kit: onReferral failed, so this delivery is answered 500 for Meta to send again: Error: the database is down/, 'without onNotice, a failure is still seen');
    assert.equal(referrals.length, 0);
    assert.equal((await deliver(body)).status, 200, "Meta's redelivery");
    assert.deepEqual(referrals.map((r) => r.ref), ['summer_coupon']);
  });

  it('reads a 10,000-event delivery, each referral once', async () => {
    const messaging = Array.from({ length: 10_000 }, (_, i) => ({ sender: { id: String(i) }, recipient: { id: PAGE_ID }, timestamp: 1650000000000 + i, referral: { ref: `r${i % 50}`, source: 'SHORTLINK', type: 'OPEN_THREAD' } }));
    const body = JSON.stringify({ object: 'page', entry: [{ id: PAGE_ID, time: 1, messaging }] });
    assert.equal((await deliver(body)).status, 200);
    assert.equal(referrals.length, 10_000);
    assert.equal(events.length, 10_000);
  });

  it('refuses to be made without its secret, token or callback, with a WebhookError', () => {
    const cases: [object, string][] = [
      [{ verifyToken: TOKEN, onReferral: () => {} }, 'secret-missing'],
      [{ appSecret: SECRET, onReferral: () => {} }, 'token-missing'],
      [{ appSecret: SECRET, verifyToken: TOKEN }, 'callback-missing'],
    ];
    for (const [options, code] of cases) assert.throws(() => createWebhookHandler(options as never), (error: WebhookError) => error instanceof WebhookError && error.code === code);
  });
});

describe('toNodeListener behind Express', () => {
  it('answers the handshake and reads an unparsed body after a global express.json(), and refuses a body that parser consumed with a 500 that says why', async () => {
    const { default: express } = await import('express');
    const app = express();
    app.use(express.json());
    // Express 4's body-parser leaves req.body = {} on every request, parsed or not.
    app.use((req, _res, next) => {
      req.body ??= {};
      next();
    });
    const ran: Referral[] = [];
    app.all('/webhook', toNodeListener(createWebhookHandler({ appSecret: SECRET, verifyToken: TOKEN, onReferral: (r) => void ran.push(r) })));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
    const errors: string[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      const ok = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=7`);
      assert.deepEqual([ok.status, await ok.text()], [200, '7']);
      const body = JSON.stringify(referralBody);
      const unparsed = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-hub-signature-256': sign(body) }, body });
      assert.equal(unparsed.status, 200, 'a body no parser read is read and checked');
      assert.deepEqual(ran.map((r) => r.ref), ['summer_coupon']);
      const consumed = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body });
      assert.equal(consumed.status, 500);
      assert.match(errors.join('\n'), /already parsed \(express\.json\(\)/);
      assert.equal(ran.length, 1);
    } finally {
      console.error = log;
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('createWebhookHandler with a shared store', () => {
  it('handles a referral once across two instances that share one store', async () => {
    const store = memoryStore();
    const ran: string[] = [];
    const make = () => createWebhookHandler({ appSecret: SECRET, verifyToken: TOKEN, store, onReferral: (r) => void ran.push(r.ref!) });
    const [first, second] = [make(), make()];
    const body = JSON.stringify(referralBody);
    const post = (handler: (r: Request) => Promise<Response>) => handler(new Request('http://127.0.0.1/webhook', { method: 'POST', headers: { 'x-hub-signature-256': sign(body) }, body }));
    assert.equal((await post(first)).status, 200);
    assert.equal((await post(second)).status, 200, "Meta's redelivery reaches the other instance");
    assert.deepEqual(ran, ['summer_coupon']);
  });

  it('needs a store or a callback, and takes a store only with record() and settle()', () => {
    assert.throws(() => createWebhookHandler({ appSecret: SECRET, verifyToken: TOKEN }), (e: WebhookError) => e.code === 'callback-missing' && e.field === 'onReferral');
    assert.throws(() => createWebhookHandler({ appSecret: SECRET, verifyToken: TOKEN, store: { has: () => false, add: () => {} } as never }), (e: WebhookError) => e.code === 'store-invalid' && e.field === 'store');
    assert.doesNotThrow(() => createWebhookHandler({ appSecret: SECRET, verifyToken: TOKEN, store: memoryStore() }));
  });
});

describe('referralKey', () => {
  it("is Meta's message id where the event has one, else the event's own fields, the same in every process", () => {
    const base = { via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: PSID, timestamp: 1, ref: 'a' } as const;
    assert.equal(referralKey({ ...base, via: 'postback', messageId: 'm_1' }), referralKey({ ...base, via: 'postback', messageId: 'm_1', timestamp: 2, ref: 'b' }), 'the id decides');
    assert.notEqual(referralKey({ ...base, messageId: 'm_1' }), referralKey({ ...base, channel: 'instagram', messageId: 'm_1' }), 'per channel');
    const keys = [base, { ...base, timestamp: 2 }, { ...base, ref: 'b' }, { ...base, psid: 'other' }, { ...base, pageId: '2' }, { ...base, via: 'message' as const }, { ...base, channel: 'instagram' as const }].map(referralKey);
    assert.equal(new Set(keys).size, keys.length, 'any field that differs makes another key');
    assert.equal(referralKey(JSON.parse(JSON.stringify(base))), referralKey(base), 'the same after a round trip through JSON, as a log or another process has it');
  });
});

describe('memoryStore', () => {
  const at = (i: number): Referral => ({ via: 'referral', channel: 'messenger', pageId: PAGE_ID, psid: `p${i}`, timestamp: i });

  it('forgets the oldest keys past its size', async () => {
    const store = memoryStore(3);
    for (const i of [1, 2, 3, 4]) await store.record([at(i)]);
    assert.deepEqual(await store.record([2, 3, 4].map(at)), ['known', 'known', 'known']);
    assert.deepEqual(await store.record([at(1)]), ['new'], 'the oldest was forgotten');
  });

  it('forgets keys after their age', async () => {
    const store = memoryStore(10, 20);
    assert.deepEqual(await store.record([at(1)]), ['new']);
    assert.deepEqual(await store.record([at(1)]), ['known']);
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepEqual(await store.record([at(1)]), ['new']);
  });
});
