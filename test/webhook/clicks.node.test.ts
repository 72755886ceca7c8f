// createClickHandler as another runtime mounts it: the Fetch API, on a real SQLite store, with
// the beacons a browser sends and the ones an abuser does.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Store, sqliteStore } from '../../src/store/index.js';
import { WebhookError, createClickHandler, readClick } from '../../src/webhook/index.js';

const SITE = 'https://shop.example';
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const beacon = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1:8787/click', { method: 'POST', headers: { origin: SITE, 'user-agent': CHROME, 'content-type': 'text/plain;charset=UTF-8', ...headers }, body });
const click = { ref: 'web-home', channel: 'messenger', kind: 'chat', path: '/', handoff: 'link' };

const stores: Store[] = [];
after(async () => {
  for (const store of stores) await store.close();
});
async function freshStore(): Promise<Store> {
  const store = await sqliteStore(join(mkdtempSync(join(tmpdir(), 'mme-clicks-')), 'mme.db'), { secret: 's' });
  stores.push(store);
  return store;
}
const clicks = async (store: Store) => (await store.report({ by: 'ref' })).total.clicks;

describe('createClickHandler', () => {
  it('counts a beacon from an allowed origin, with no address and no user agent kept, and shows it in the funnel', async () => {
    const store = await freshStore();
    const handle = createClickHandler({ store, allowOrigins: [`${SITE}/`] });
    const response = await handle(beacon(JSON.stringify(click)), { address: '203.0.113.9' });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), SITE);
    const report = await store.report({ by: 'ref' });
    assert.deepEqual(report.groups.map((g) => [g.group, g.channel, g.clicks, g.chats]), [['web-home', 'messenger', 1, 0]]);
    const byHandoff = await store.report({ by: 'handoff' });
    assert.deepEqual(byHandoff.groups.map((g) => [g.group, g.clicks, g.chats, g.rate]), [['link', 1, null, null]], 'a chat does not say its handoff: null, not 0');
    assert.equal(byHandoff.total.clicks, 1);
  });

  it('answers the CORS preflight of an allowed origin only', async () => {
    const handle = createClickHandler({ store: await freshStore(), allowOrigins: [SITE] });
    const ok = await handle(new Request('http://127.0.0.1/click', { method: 'OPTIONS', headers: { origin: SITE } }));
    assert.deepEqual([ok.status, ok.headers.get('access-control-allow-origin'), ok.headers.get('access-control-allow-methods')], [204, SITE, 'POST']);
    const foreign = await handle(new Request('http://127.0.0.1/click', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }));
    assert.deepEqual([foreign.status, foreign.headers.get('access-control-allow-origin')], [403, null]);
    assert.equal((await handle(new Request('http://127.0.0.1/click', { headers: { origin: SITE } }))).status, 405);
  });

  it('counts nothing from a foreign origin, a body that is not a click, a bot, or past the rate limit', async () => {
    const store = await freshStore();
    const handle = createClickHandler({ store, allowOrigins: [SITE], perMinute: 5 });
    const statuses = async (requests: Request[]) => Promise.all(requests.map((r) => handle(r, { address: '198.51.100.1' }).then((response) => response.status)));
    assert.deepEqual(
      await statuses([
        beacon(JSON.stringify(click), { origin: 'https://evil.example' }),
        beacon(JSON.stringify(click), { origin: 'null' }),
        new Request('http://127.0.0.1/click', { method: 'POST', headers: { 'user-agent': CHROME }, body: JSON.stringify(click) }),
      ]),
      [403, 403, 403],
    );
    assert.deepEqual(
      await statuses([
        beacon('x'.repeat(100 * 1024)),
        beacon(JSON.stringify({ ...click, ref: 'r'.repeat(3000) })),
        beacon(JSON.stringify({ ...click, visitor: 'abc' })),
        beacon(JSON.stringify({ ...click, channel: 'telegram' })),
        beacon(JSON.stringify({ ...click, path: 'https://elsewhere.example/' })),
        beacon(JSON.stringify([click])),
        beacon('{"channel":'),
        beacon(new Uint8Array([0x7b, 0xff, 0x7d]) as unknown as string),
      ]),
      [400, 400, 400, 400, 400, 400, 400, 400],
    );
    assert.deepEqual(await statuses([beacon(JSON.stringify(click), { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }), beacon(JSON.stringify(click), { 'user-agent': '' })]), [204, 204], 'a bot is not told');
    assert.equal(await clicks(store), 0);
    const burst = await statuses(Array.from({ length: 8 }, () => beacon(JSON.stringify(click))));
    assert.deepEqual(burst, [204, 204, 204, 204, 204, 429, 429, 429]);
    assert.equal((await handle(beacon(JSON.stringify(click)), { address: '198.51.100.2' })).status, 204, 'another address has its own limit');
    assert.equal(await clicks(store), 6);
  });

  it('answers 503 and counts nothing while the store is down', async () => {
    const store = await freshStore();
    const handle = createClickHandler({ store: { click: () => Promise.reject(new Error('database is down')) }, allowOrigins: [SITE] });
    const response = await handle(beacon(JSON.stringify(click)));
    assert.equal(response.status, 503);
    assert.equal(await clicks(store), 0);
  });

  it('refuses to be made without a store or an origin, with a code', () => {
    const codes = [() => createClickHandler({ store: {} as Store, allowOrigins: [SITE] }), () => createClickHandler({ store: { click: async () => {} }, allowOrigins: [] }), () => createClickHandler({ store: { click: async () => {} }, allowOrigins: ['shop.example/path'] })].map((make) => {
      try {
        make();
      } catch (error) {
        return error instanceof WebhookError ? error.code : String(error);
      }
      return 'no error';
    });
    assert.deepEqual(codes, ['store-invalid', 'origins-missing', 'origin-invalid']);
  });

  it('reads every body of known fields back exactly, and refuses every other with a WebhookError', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
    fc.assert(
      fc.property(fc.record({ ref: text, channel: fc.constantFrom('messenger', 'instagram', 'whatsapp'), kind: fc.constantFrom('chat', 'optin'), path: text.map((s) => `/${s}`), handoff: fc.constantFrom('link', 'qr', 'open-here') }, { requiredKeys: ['channel'] }), (body) => {
        assert.deepEqual(readClick(JSON.stringify(body), 7), { at: 7, ...body });
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          readClick(JSON.stringify(value));
        } catch (error) {
          assert.ok(error instanceof WebhookError && error.code === 'click-invalid', String(error));
        }
      }),
    );
  });
});
