// `mme dashboard` and `mme report --format html` as the shop owner uses them: the built CLI,
// Chromium, a real SQLite store with clicks and chats of the last days.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { sqliteStore } from '../../src/store/index.js';
import type { Referral } from '../../src/webhook/index.js';
import { type BrowserSession, withBrowser } from '../helpers/browser.js';
import { dashboard, mme, sqliteDb } from '../helpers/receiver.js';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const DAY = 86_400_000;
const TOKEN = 'a-long-dashboard-token';
const today = new Date().toISOString().slice(0, 10);
let db: string;
let dir: string;

/** Referrals and clicks on the last 12 days (UTC), a ref on two channels, and one from 40 days ago. */
async function seed(path: string): Promise<void> {
  const store = await sqliteStore(path, { secret: 'dashboard-test' });
  const noon = Date.parse(`${today}T12:00:00Z`);
  const referrals: Referral[] = [];
  const clicks: Parameters<typeof store.click>[0][number][] = [];
  for (let d = 0; d < 12; d++) {
    for (const [ref, channel, n] of [['north', 'messenger', (d % 3) + 1], ['south', 'messenger', d % 2], ['north', 'instagram', d % 4 === 0 ? 2 : 0]] as const) {
      for (let i = 0; i < n; i++) referrals.push({ via: 'referral', channel, pageId: '1', psid: `${ref}-${channel}-${d}-${i}`, timestamp: noon - d * DAY + i, ref, source: 'SHORTLINK' });
      for (let i = 0; i < n * 3; i++) clicks.push({ at: noon - d * DAY + i, channel, ref, kind: 'chat', path: '/', handoff: 'link' });
    }
  }
  referrals.push({ via: 'referral', channel: 'messenger', pageId: '1', psid: 'old', timestamp: noon - 40 * DAY, ref: 'north', source: 'ADS' });
  await store.record(referrals);
  await store.click(clicks);
  await store.close();
}

const inShadow = <T>(page: Page, fn: (root: ShadowRoot) => T) => page.evaluate(fn as never, undefined) as Promise<T>;

const session: BrowserSession = withBrowser();

describe('mme dashboard', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mme-dashboard-'));
    db = join(dir, 'mme.db');
    await seed(db);
    writeFileSync(join(dir, 'links.csv'), 'ref,label,link,channel\nnorth,North store,https://m.me/x?ref=north,messenger\nmall,Mall kiosk,https://m.me/x?ref=mall,messenger\n');
  });

  async function open(base: string, width = 1100, features: { name: string; value: string }[] = []) {
    const page = await session.browser.newPage();
    await page.emulateTimezone('UTC');
    await page.setViewport({ width, height: 900 });
    if (features.length) await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(base, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('mme-dashboard')?.shadowRoot?.querySelector('.totals, .empty'));
    return { page, requests, errors };
  }

  it('shows the figures the store counted: totals against the days before, every day of the chart, the labelled refs', async () => {
    const d = await dashboard(db, ['--links', join(dir, 'links.csv')]);
    const { page, requests, errors } = await open(d.base);
    const api = (await (await fetch(`${d.base}/api/views?since=${new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10)}&until=${today}&timezone=UTC`)).json()) as { total: Record<string, number>; previous: { total: Record<string, number> } };
    const report = JSON.parse(mme('report', '--db', db, '--format', 'json', '--since', new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), '--until', today, '--timezone', 'UTC').stdout);
    assert.deepEqual(api.total, report.total, "the dashboard's totals are the report's");
    const totals = await inShadow(page, () => [...document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('.total')].map((t) => [t.querySelector('dt')!.textContent, t.querySelector('.value')!.textContent]));
    assert.deepEqual(totals, [['Clicks', String(report.total.clicks)], ['Chats started', String(report.total.chats)], ['People', String(report.total.people)], ['New people', String(report.total.newPeople)], ['Chats per click', `${Math.round((report.total.rate as number) * 1000) / 10}%`]]);
    assert.equal(api.previous.total.chats, 1, 'the 30 days before hold the one old chat');
    // The chart's table alternative, day by day, against the store's count per day and channel.
    const table = await inShadow(page, () => [...document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('details tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
    const store = await sqliteStore(db);
    const since = new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10);
    const days = await Promise.all(['messenger', 'instagram'].map((channel) => store.report({ by: 'day', since, until: today, timeZone: 'UTC', channel })));
    await store.close();
    assert.equal(table.length, 30);
    assert.deepEqual(table, days[0].groups.map((g, i) => [g.clicks, g.chats, days[1].groups[i].clicks, days[1].groups[i].chats]));
    const bars = await inShadow(page, () => document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('figure.chart')[1].querySelectorAll('g').length);
    assert.equal(bars, 30, 'a bar per day');
    const rows = await inShadow(page, () => [...document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('table.refs tbody tr')].map((tr) => tr.querySelector('th')!.textContent!.trim()));
    assert.deepEqual(rows, ['North store north', 'north', 'south', 'Mall kiosk mall'], 'sorted by chats (a tie in the store\'s order); labels from links.csv; a ref of links.csv at zero');
    assert.deepEqual(requests.filter((url) => !url.startsWith(d.base) && !url.startsWith('data:')), [], 'nothing loaded from elsewhere');
    assert.deepEqual(errors, []);
    await page.close();
    d.child.kill('SIGINT');
    await d.exited;
  });

  it('is used with the keyboard alone: presets, a custom range, sorting, the CSV of what it shows', async () => {
    const d = await dashboard(db);
    const { page } = await open(d.base);
    const focused = () => inShadow(page, () => {
      const active = document.querySelector('mme-dashboard')!.shadowRoot!.activeElement;
      return active?.getAttribute('name') ?? active?.textContent?.trim() ?? '';
    });
    const tabTo = async (text: string) => {
      for (let i = 0; i < 40 && (await focused()) !== text; i++) await page.keyboard.press('Tab');
      assert.equal(await focused(), text, `Tab reaches ${text}`);
    };
    await tabTo('7 days');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('mme-dashboard')!.shadowRoot!.querySelector('.period')!.textContent!.startsWith('Last 7 days'));
    assert.equal(await inShadow(page, () => document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('details tbody tr').length), 7);
    // A custom range: typed into the date fields, shown with Enter.
    await tabTo('from');
    const [y, m, dd] = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10).split('-');
    await page.keyboard.type(`${m}${dd}${y}`);
    await tabTo('to');
    const [y2, m2, d2] = today.split('-');
    await page.keyboard.type(`${m2}${d2}${y2}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('details tbody tr').length === 3);
    // Sorting by clicks, then the other way.
    await tabTo('Clicks');
    await page.keyboard.press('Enter');
    const sort = () => inShadow(page, () => [...document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('table.refs th[aria-sort]')].map((th) => `${th.textContent!.trim()}:${th.getAttribute('aria-sort')}`).filter((s) => !s.endsWith(':none')));
    assert.deepEqual(await sort(), ['Clicks▼:descending']);
    await page.keyboard.press('Enter');
    assert.deepEqual(await sort(), ['Clicks▲:ascending']);
    // The CSV: what the table shows, in its order.
    await page.evaluate(() => {
      // The file the browser would save: the Blob handed to it, and the name it is saved under.
      const w = window as unknown as { csv?: Promise<string>; name?: string };
      const toUrl = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        w.csv = blob.text();
        return toUrl(blob);
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.name = this.download;
      };
    });
    await tabTo('Download CSV');
    await page.keyboard.press('Enter');
    const csv = await page.evaluate(() => (window as unknown as { csv: Promise<string> }).csv);
    const name = await page.evaluate(() => (window as unknown as { name: string }).name);
    const shown = await inShadow(page, () => [...document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('table.refs tbody tr')].map((tr) => tr.querySelectorAll('td')[1].textContent));
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'label,ref,channel,clicks,chats,people,newPeople,rate');
    assert.deepEqual(lines.slice(1, -1).map((line) => line.split(',')[3]), shown, 'the CSV rows are the rows shown, in order');
    assert.match(lines.at(-1)!, /^total,,,/);
    assert.match(name, /^mme-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.close();
    d.child.kill('SIGINT');
    await d.exited;
  });

  for (const [name, width, features] of [
    ['light at 1100 px', 1100, []],
    ['dark at 320 px', 320, [{ name: 'prefers-color-scheme', value: 'dark' }]],
    ['forced colours, dark', 900, [{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: 'dark' }]],
  ] as const) {
    it(`passes axe with no horizontal scroll, ${name}, and is saved as a screenshot`, async () => {
      const d = await dashboard(db);
      const { page } = await open(d.base, width, [...features]);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scrolling');
      await page.setBypassCSP(true);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] } as object);
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
      // Every bar is drawn in a colour that differs from the page behind it.
      const colours = await inShadow(page, () => {
        const root = document.querySelector('mme-dashboard')!.shadowRoot!;
        const bar = getComputedStyle(root.querySelector('rect.messenger')!).fill;
        return { bar, page: getComputedStyle(document.documentElement).backgroundColor };
      });
      assert.notEqual(colours.bar, colours.page);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: `test-output/dashboard-${name.replace(/\W+/g, '-')}.png`, fullPage: true });
      await page.close();
      d.child.kill('SIGINT');
      await d.exited;
    });
  }

  it('says in plain words how to connect Meta when nothing is counted yet', async () => {
    const empty = sqliteDb();
    await (await sqliteStore(empty)).close();
    const d = await dashboard(empty);
    const { page } = await open(d.base);
    const text = await inShadow(page, () => document.querySelector('mme-dashboard')!.shadowRoot!.querySelector('.empty')!.textContent!.replace(/\s+/g, ' '));
    assert.match(text, /Nothing counted yet/);
    assert.match(text, /mme webhook --verify-token/);
    assert.match(text, /subscribe to messaging_referrals/);
    assert.match(text, /beacon="https:\/\/YOUR-RECEIVER\/click"/);
    await page.close();
    d.child.kill('SIGINT');
    await d.exited;
  });

  it('needs a token on any address but 127.0.0.1, compared in full, and keeps it out of the address bar', async () => {
    const refused = mme('dashboard', '--db', db, '--host', '0.0.0.0', '--port', '0');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--host 0\.0\.0\.0 lets other computers reach the dashboard: give it a token with MME_DASHBOARD_TOKEN/);
    assert.equal(mme('dashboard', '--db', db, '--host', '0.0.0.0', '--token', 'short').status, 1);
    for (const start of [() => dashboard(db, ['--host', '0.0.0.0', '--token', TOKEN]), () => dashboard(db, ['--host', '0.0.0.0'], { MME_DASHBOARD_TOKEN: TOKEN })]) {
      const d = await start();
      const base = d.base.replace('0.0.0.0', '127.0.0.1');
      for (const path of ['/', '/api/views', '/dashboard.js']) assert.equal((await fetch(base + path)).status, 401, `${path} without the token`);
      assert.equal((await fetch(`${base}/?token=${TOKEN.slice(0, -1)}`)).status, 401, 'all but its last character');
      assert.equal((await fetch(`${base}/api/views`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status, 401);
      assert.equal((await fetch(`${base}/api/views`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
      const opened = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' });
      assert.equal(opened.status, 303);
      assert.equal(opened.headers.get('location'), '/');
      const cookie = opened.headers.get('set-cookie')!;
      assert.match(cookie, /HttpOnly; SameSite=Strict/);
      assert.equal((await fetch(`${base}/api/views`, { headers: { cookie: cookie.split(';')[0] } })).status, 200);
      // In a browser: opened once with the token, the page and its figures load.
      const page = await session.browser.newPage();
      await page.goto(`${base}/?token=${TOKEN}`, { waitUntil: 'networkidle0' });
      assert.equal(new URL(page.url()).search, '', 'the token is gone from the address bar');
      await page.waitForFunction(() => document.querySelector('mme-dashboard')?.shadowRoot?.querySelector('.totals'));
      await page.close();
      d.child.kill('SIGINT');
      await d.exited;
    }
    const local = await dashboard(db);
    assert.equal((await fetch(`${local.base}/api/views`)).status, 200, 'no token on 127.0.0.1');
    assert.equal((await fetch(`${local.base}/api/views?since=2026-13-01`)).status, 400);
    local.child.kill('SIGINT');
    await local.exited;
  });
});

describe('mme report --format html', () => {
  it('writes the same views as one file that makes no request when opened offline, and prints on A4', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mme-html-')), 'report.html');
    const since = new Date(Date.now() - 6 * DAY).toISOString().slice(0, 10);
    const written = mme('report', '--db', db, '--format', 'html', '--since', since, '--until', today, '--timezone', 'UTC', '--out', path);
    assert.equal(written.status, 0, written.stderr);
    const page = await session.browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setOfflineMode(true);
    await page.goto(`file://${path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('mme-dashboard')?.shadowRoot?.querySelector('.totals'));
    assert.deepEqual(requests, [`file://${path}`], 'no request but the file itself');
    const chats = await inShadow(page, () => document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('.total .value')[1].textContent);
    const report = JSON.parse(mme('report', '--db', db, '--format', 'json', '--since', since, '--until', today, '--timezone', 'UTC').stdout);
    assert.equal(chats, String(report.total.chats));
    assert.equal(await inShadow(page, () => document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('details tbody tr').length), 7);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const [, w, h] = /MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!.map(Number);
    assert.ok(Math.abs(w - 595.3) < 1.5 && Math.abs(h - 841.9) < 1.5, `A4 (595 × 842 pt): ${w} × ${h}`);
    await page.close();
    assert.equal(mme('report', '--db', db, '--format', 'html', '--since', '2026-11-01T00:00:00Z').status, 1, 'days only');
  });
});
