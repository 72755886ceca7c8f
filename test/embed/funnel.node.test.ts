// The loop end to end, as a shop owner runs it: a page with the script tag and data-beacon in
// Chromium, under the strict CSP plus connect-src for the receiver; real clicks on the button;
// signed deliveries from Meta for the same refs; then the report counts exactly those.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BrowserSession, withBrowser } from '../helpers/browser.js';
import { STRICT_CSP } from '../helpers/page-server.js';
import { dashboard, delivery, post, receiver, reportOf, sqliteDb } from '../helpers/receiver.js';

const PAGE = 'OriginalCoastClothing';
let session: BrowserSession;

describe('from a click on the page to the conversation in the report', () => {
  session = withBrowser();

  it('counts each real click through sendBeacon, and each conversation once, per ref', async () => {
    const db = sqliteDb();
    const r = await receiver(db, ['--allow-origin', session.server.origin]);
    const csp = `${STRICT_CSP}; connect-src 'self' ${r.base}`;
    const shop = (path: string) =>
      session.server.route(
        path,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><script src="/dist/cdn/embed.js" async data-page="${PAGE}" data-ref="web-{path}" data-target="_self" data-beacon="${r.base}/click"></script></head><body><h1>Shop</h1><a href="https://m.me/${PAGE}?ref=web-story" data-mme>Our story, on Messenger</a></body></html>`,
        { 'content-security-policy': csp },
      );
    const tab = await session.browser.newPage();
    // A person's Chromium: headless Chromium says "HeadlessChrome", which the receiver counts as a bot.
    await tab.setUserAgent((await session.browser.userAgent()).replace('HeadlessChrome', 'Chrome'));
    const violations: string[] = [];
    const opened: string[] = [];
    tab.on('console', (message) => /Content Security Policy|Refused/.test(message.text()) && violations.push(message.text()));
    await tab.setRequestInterception(true);
    // The navigation to m.me is stopped here, after the page has let it go: as far as the page knows, the person left.
    tab.on('request', (request) => {
      if (/^https:\/\/m\.me\//.test(request.url())) {
        opened.push(request.url());
        void request.abort();
      } else void request.continue();
    });
    // An upgraded link opens in a new tab, as it did before the upgrade.
    session.browser.on('targetcreated', (target) => /^https:\/\/m\.me\//.test(target.url()) && opened.push(target.url()));
    const clickButton = async (selector: string) => {
      const handle = await tab.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('a[part=base]'), {}, selector);
      const box = await (handle as unknown as { boundingBox(): Promise<{ x: number; y: number; width: number; height: number }> }).boundingBox();
      await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await new Promise((resolve) => setTimeout(resolve, 500));
    };
    for (const [path, times] of [['/shoes/', 2], ['/hats/', 1]] as const) {
      for (let i = 0; i < times; i++) {
        await tab.goto(shop(path), { waitUntil: 'networkidle0' });
        await clickButton('mme-chat-button[data-mme-embed]');
      }
    }
    await tab.goto(shop('/about/'), { waitUntil: 'networkidle0' });
    await clickButton('mme-chat-button:not([data-mme-embed])');
    // The receiver gone: the link opens just the same.
    r.child.kill('SIGKILL');
    await r.exited;
    await tab.goto(shop('/shoes/'), { waitUntil: 'networkidle0' });
    const before = Date.now();
    await clickButton('mme-chat-button[data-mme-embed]');
    assert.equal(opened.length, 5, 'the link opened with the receiver down');
    console.log(`click to navigation with the receiver down: ${Date.now() - before - 500} ms`);
    await tab.close();
    assert.deepEqual(violations, [], 'no CSP violation');
    assert.deepEqual(opened.map((url) => new URL(url).searchParams.get('ref')), ['web-shoes', 'web-shoes', 'web-hats', 'web-story', 'web-shoes'], 'each click opened its link');
    const r2 = await receiver(db, ['--allow-origin', session.server.origin]);

    // Meta's deliveries for two of those refs, one of them sent twice.
    const minuteAgo = Date.now() - 60_000;
    for (const [i, ref] of [[1, 'web-shoes'], [2, 'web-shoes'], [3, 'web-hats'], [3, 'web-hats']] as const) assert.equal((await post(r2.base, delivery(i, ref, minuteAgo + i))).status, 200);
    let report = reportOf(db);
    for (let tries = 0; report.total.clicks < 4 && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = reportOf(db);
    }
    const rows = Object.fromEntries(report.groups.map((g) => [g.group, [g.clicks, g.chats]]));
    assert.deepEqual(rows, { 'web-shoes': [2, 2], 'web-hats': [1, 1], 'web-story': [1, 0] });
    assert.deepEqual([report.total.clicks, report.total.chats], [4, 3]);
    assert.deepEqual(Object.fromEntries(reportOf(db, '--by', 'handoff').groups.map((g) => [g.group, g.clicks])), { link: 4 });
    r2.child.kill('SIGINT');
    await r2.exited;

    // The dashboard shows the same: its totals, its table per ref, and its chart's days.
    const d = await dashboard(db);
    const page = await session.browser.newPage();
    await page.goto(d.base, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('mme-dashboard')?.shadowRoot?.querySelector('.totals'));
    const shown = await page.evaluate(() => {
      const root = document.querySelector('mme-dashboard')!.shadowRoot!;
      const values = [...root.querySelectorAll('.total .value')].map((v) => v.textContent);
      const refs = Object.fromEntries([...root.querySelectorAll('table.refs tbody tr')].map((tr) => [tr.querySelector('th')!.textContent!.trim(), [...tr.querySelectorAll('td')].slice(1, 3).map((td) => Number(td.textContent))]));
      const days = [...root.querySelectorAll('details tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)));
      return { values, refs, days };
    });
    await page.close();
    d.child.kill('SIGINT');
    await d.exited;
    assert.deepEqual(shown.values.slice(0, 2), ['4', '3'], 'clicks and chats');
    assert.deepEqual(shown.refs, { 'web-shoes': [2, 2], 'web-hats': [1, 1], 'web-story': [1, 0] });
    const sum = (column: number) => shown.days.reduce((n, day) => n + day[column], 0);
    assert.deepEqual([sum(0), sum(1)], [4, 3], "the chart's days add up to the store's counts");
  });
});
