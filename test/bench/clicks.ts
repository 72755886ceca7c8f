// Clicks and the dashboard, measured: beacons counted per second through `mme webhook` (SQLite,
// each a distinct client behind a proxy, so that the rate limit does not stop them), and the
// dashboard's first render over 365 days of 1,000 refs. Part of `npm run bench`; also runs alone:
// node --import tsx test/bench/clicks.ts (after npm run build).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { launchOptions } from '../helpers/chromium.mjs';
import { sqliteStore } from '../../src/store/index.js';
import type { Referral } from '../../src/webhook/index.js';

const BIN = 'dist/cli/mme.js';
const SITE = 'https://shop.example';
const env = { ...process.env, MME_APP_SECRET: 'bench-secret', TZ: 'UTC' };
const DAY = 86_400_000;

async function start(args: string[], ready: RegExp): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(BIN, args, { env });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let tries = 0; !ready.test(output); tries++) {
    if (tries > 500) throw new Error(`mme ${args[0]} did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, base: ready.exec(output)![1] };
}
const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGINT')));

/** Beacons counted per second through one receiver on SQLite, 40 connections, each a client of its own. */
async function beaconsPerSecond(count = 6000): Promise<number> {
  const db = join(mkdtempSync(join(tmpdir(), 'mme-bench-clicks-')), 'mme.db');
  const r = await start(['webhook', '--verify-token', 't', '--port', '0', '--db', db, '--allow-origin', SITE, '--trust-proxy'], /Listening on (http:\/\/\S+)\//);
  const agent = new Agent({ keepAlive: true, maxSockets: 40 });
  const body = JSON.stringify({ ref: 'web-home', channel: 'messenger', kind: 'chat', path: '/', handoff: 'link' });
  const one = (i: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${r.base}/click`, { method: 'POST', agent, headers: { origin: SITE, 'user-agent': 'Mozilla/5.0 Chrome/156', 'content-type': 'text/plain;charset=UTF-8', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: count }, (_, i) => one(i)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await stop(r.child);
  if (statuses.some((status) => status !== 204)) throw new Error(`beacons not counted: ${statuses.filter((s) => s !== 204).length}`);
  return count / seconds;
}

/** A store with a chat and three clicks a day for each of `refs` refs over `days` days. */
async function seeded(refs: number, days: number): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), 'mme-bench-dashboard-')), 'mme.db');
  const store = await sqliteStore(db, { secret: 'bench-secret' });
  const noon = Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
  for (let d = 0; d < days; d++) {
    const referrals: Referral[] = [];
    const clicks: Parameters<typeof store.click>[0][number][] = [];
    for (let r = 0; r < refs; r++) {
      const channel = r % 5 === 0 ? 'instagram' : 'messenger';
      referrals.push({ via: 'referral', channel, pageId: '1', psid: `p${(d * refs + r) % 20_000}`, timestamp: noon - d * DAY + r, ref: `ref-${r}`, source: 'SHORTLINK' });
      for (let c = 0; c < 3; c++) clicks.push({ at: noon - d * DAY + r * 3 + c, channel, ref: `ref-${r}`, kind: 'chat', path: '/', handoff: 'link' });
    }
    await Promise.all([store.record(referrals), store.click(clicks)]);
  }
  await store.close();
  return db;
}

/** Navigation to the totals drawn, for the default 30 days and for all time (ms, median of 5). */
async function dashboardRender(db: string): Promise<{ thirtyDaysMs: number; allTimeMs: number; apiAllTimeMs: number }> {
  const d = await start(['dashboard', '--port', '0', '--db', db], /Dashboard on (http:\/\/\S+)\//);
  const browser = await puppeteer.launch(launchOptions);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const thirty: number[] = [];
  const all: number[] = [];
  const api: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(d.base);
    await page.waitForFunction(() => document.querySelector('mme-dashboard')?.shadowRoot?.querySelector('.totals'), { timeout: 120_000 });
    thirty.push(performance.now() - started);
    const before = performance.now();
    await page.evaluate(() => ([...document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('.presets button')].at(-1) as HTMLButtonElement).click());
    await page.waitForFunction(() => document.querySelector('mme-dashboard')!.shadowRoot!.querySelector('.period')!.textContent!.startsWith('All time') && document.querySelector('mme-dashboard')!.shadowRoot!.querySelectorAll('details tbody tr').length >= 365, { timeout: 120_000 });
    all.push(performance.now() - before);
    await page.close();
    const t = performance.now();
    await (await fetch(`${d.base}/api/views?timezone=UTC`)).json();
    api.push(performance.now() - t);
  }
  await browser.close();
  await stop(d.child);
  return { thirtyDaysMs: median(thirty), allTimeMs: median(all), apiAllTimeMs: median(api) };
}

export interface ClicksBench {
  beaconsPerSecond: number;
  dashboard: { refs: number; days: number; thirtyDaysMs: number; allTimeMs: number; apiAllTimeMs: number };
}

export async function clicksBench(): Promise<ClicksBench> {
  console.log('Clicks: beacons through mme webhook…');
  const perSecond = await beaconsPerSecond();
  console.log('Dashboard: 365 days × 1,000 refs…');
  const db = await seeded(1000, 365);
  return { beaconsPerSecond: perSecond, dashboard: { refs: 1000, days: 365, ...(await dashboardRender(db)) } };
}

/** The bench's table rows for these figures. */
export const clicksRows = (c: ClicksBench, row: (cells: string[]) => string) => [
  row(['`mme webhook` (SQLite): click beacons counted per second, 40 connections', c.beaconsPerSecond.toFixed(0)]),
  row([`\`mme dashboard\`, ${c.dashboard.days} days × ${c.dashboard.refs.toLocaleString('en')} refs: navigation → totals drawn (30 days); → all time drawn; its JSON for all time`, `${(c.dashboard.thirtyDaysMs / 1000).toFixed(2)} s; ${(c.dashboard.allTimeMs / 1000).toFixed(2)} s; ${(c.dashboard.apiAllTimeMs / 1000).toFixed(2)} s`]),
];

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await clicksBench(), null, 2));
