// npm run bench: sizes, browser timings and Node throughput of mme-kit and its peers, side by
// side in one run, written to test/bench/results.md and results.json. Not part of npm test.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchOptions } from '../helpers/chromium.mjs';
import { qrPng } from '../../src/email/index.js';
import { chatLink } from '../../src/link/index.js';
import { createWebhookHandler, readReferrals } from '../../src/webhook/index.js';
import { pageServer } from '../helpers/page-server.js';
import { batchBench } from './batch.js';
import { clicksBench, clicksRows } from './clicks.js';
import { storeBench, storeRows } from './store.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const PEERS = ['mme', 'qrcode', 'shoelace', 'qr-code-styling', 'bitjson'] as const;
const NAMES: Record<string, string> = { mme: 'mme-kit `<mme-qr-code>`', qrcode: 'raw qrcode + SVG path (floor)', shoelace: 'Shoelace `<sl-qr-code>`', 'qr-code-styling': 'qr-code-styling', bitjson: '@bitjson/qr-code' };
const version = (name: string) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version as string;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const stats = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
type Stats = ReturnType<typeof stats>;
const fmt = (s: Stats | undefined, digits = 1) => (s ? `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]` : 'n/a');
const ratio = (s: Stats | undefined, reference: Stats | undefined) => (s && reference ? `${(s.median / reference.median).toFixed(2)}×` : 'n/a');

console.log('Building the kit…');
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });

// ── Sizes ──
async function bundle(contents: string, resolveDir = process.cwd()): Promise<Uint8Array> {
  const result = await build({ stdin: { contents, resolveDir, loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error' });
  return result.outputFiles[0].contents;
}
const sizeOf = (bytes: Uint8Array) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
const file = (path: string) => new Uint8Array(readFileSync(path));
const cdnImports = (path: string): string[] => [...readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*"(\.\/[^"]+)"/g)].map((m) => join(path, '..', m[1]));
function staticClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const dep of cdnImports(entry)) staticClosure(dep, seen);
  return seen;
}
const sumSizes = (files: Iterable<string>) => [...files].map((f) => sizeOf(file(f))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
const buttonFiles = staticClosure('dist/cdn/embed.module.js');
buttonFiles.add('dist/cdn/embed.js');
const qrChunk = join('dist/cdn/chunks', readdirSync('dist/cdn/chunks').find((f) => f.startsWith('embed-qr-code'))!);
const qrFiles = [...staticClosure(qrChunk)].filter((f) => !buttonFiles.has(f));

const sizes: { name: string; raw: number; gzip: number; brotli: number }[] = [
  { name: 'mme-kit/link (whole entry)', ...sizeOf(await bundle("export * from './dist/link/index.js'")) },
  { name: 'mme-kit/webhook (whole entry)', ...sizeOf(await bundle("export * from './dist/webhook/index.js'")) },
  { name: 'script-tag page with one floating button: all JS', ...sumSizes(buttonFiles) },
  { name: 'the QR part, loaded on demand', ...sumSizes(qrFiles) },
  { name: '`<mme-qr-code>` alone, with Lit', ...sizeOf(await bundle("export { MmeQrCode } from './src/components/qr-code/qr-code.ts'")) },
  { name: 'Shoelace `<sl-qr-code>`, with Lit', ...sizeOf(await bundle("import '@shoelace-style/shoelace/dist/components/qr-code/qr-code.js'")) },
  { name: 'qr-code-styling', ...sizeOf(await bundle("import Q from 'qr-code-styling'; console.log(Q)")) },
  { name: 'raw qrcode core create (what mme-kit encodes with)', ...sizeOf(await bundle("import { create } from 'qrcode/lib/core/qrcode.js'; console.log(create)")) },
];

// ── Browser timings ──
const server = await pageServer({ csp: false, packages: ['@bitjson/qr-code'] });
for (const peer of PEERS.filter((p) => p !== 'bitjson')) {
  const code = await bundle(`import { render } from './renderers/${peer}.ts'; import { start } from './renderers/page.ts'; start({ render });`, join(process.cwd(), 'test/bench'));
  server.route(`/bench/${peer}.js`, 'window.__scriptStart ??= performance.now();\n' + new TextDecoder().decode(code));
  server.route(`/bench/${peer}/`, `<!doctype html><html lang="en"><head><title>${peer}</title><script type="module" src="/bench/${peer}.js"></script></head><body></body></html>`);
}
// @bitjson/qr-code is a Stencil build: its classic loader fetches the component files next to it,
// as a page using it would. It takes the code's text as \`contents\` and fires codeRendered.
const BITJSON = '/node_modules/@bitjson/qr-code/dist/qr-code.js';
server.route(BITJSON, 'window.__scriptStart ??= performance.now();\n' + readFileSync('node_modules/@bitjson/qr-code/dist/qr-code.js', 'utf8'));
server.route('/bench/bitjson-page.js', `
const kase = new URLSearchParams(location.search).get('case') ?? 'short';
const base = 'https://m.me/OriginalCoastClothing?ref=';
const links = kase === 'hundred' ? Array.from({ length: 100 }, (_, i) => base + 'summer_coupon_' + String(i).padStart(3, '0')) : [kase === 'long' ? base + 'r'.repeat(2083) : base + 'summer_coupon'];
const size = kase === 'hundred' ? 128 : kase === 'long' ? 800 : 256;
const start = performance.now();
let left = links.length;
for (const link of links) {
  const code = document.createElement('qr-code');
  code.setAttribute('contents', link);
  code.style.width = code.style.height = size + 'px';
  code.style.display = 'block';
  code.addEventListener('codeRendered', () => {
    if (--left === 0) { window.__render = performance.now() - start; requestAnimationFrame(() => (window.__done = performance.now())); }
  });
  document.body.append(code);
}`);
server.route('/bench/bitjson/', `<!doctype html><html lang="en"><head><title>bitjson</title><script src="${BITJSON}"></script><script src="/bench/bitjson-page.js" defer></script></head><body></body></html>`);
// The floating-button page and its two floors, each a shop page whose button is drawn by:
// mme-kit's script tag; a plain <a> styled as the button (no JavaScript at all); and a minimal
// LitElement button (test/bench/renderers/lit-button.ts). The same watcher, added by the bench
// before any page script runs, records the frame after the button first has a size.
const SHOP = '<h1>Shop</h1><p>Some content.</p>';
server.route('/dist/cdn/bench-embed.js', 'window.__scriptStart ??= performance.now();\n' + readFileSync('dist/cdn/embed.js', 'utf8'));
server.route('/bench/embed/', `<!doctype html><html lang="en"><head><title>embed</title><script src="/dist/cdn/bench-embed.js" async data-page="OriginalCoastClothing" data-ref="web-{path}"></script></head><body>${SHOP}</body></html>`);
// The same page counting clicks: the beacon code is in the embed either way, and sends nothing before a click.
server.route('/bench/embed-beacon/', `<!doctype html><html lang="en"><head><title>embed with beacon</title><script src="/dist/cdn/bench-embed.js" async data-page="OriginalCoastClothing" data-ref="web-{path}" data-beacon="https://receiver.example/click"></script></head><body>${SHOP}</body></html>`);
server.route('/bench/plain-button.css', 'a.chat { position: fixed; inset-block-end: 20px; inset-inline-end: 20px; padding: 12px 20px; border-radius: 999px; background: #0866ff; color: #fff; font: 600 1rem/1.25 system-ui, sans-serif; text-decoration: none; }');
server.route('/bench/plain-button/', `<!doctype html><html lang="en"><head><title>plain</title><link rel="stylesheet" href="/bench/plain-button.css"></head><body>${SHOP}<a class="chat" href="https://m.me/OriginalCoastClothing" target="_blank" rel="noopener noreferrer">Message us</a></body></html>`);
server.route('/bench/lit-button.js', 'window.__scriptStart ??= performance.now();\n' + new TextDecoder().decode(await bundle("import { start } from './renderers/lit-button.ts'; start();", join(process.cwd(), 'test/bench'))));
server.route('/bench/lit-button/', `<!doctype html><html lang="en"><head><title>lit</title><script type="module" src="/bench/lit-button.js"></script></head><body>${SHOP}</body></html>`);
/**
 * Injected before any page script: marks the frame after the page's chat button first has a size.
 * Text, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const watchButton = `(() => {
  const check = () => {
    const host = document.querySelector('mme-chat-button, minimal-button');
    const link = host ? host.shadowRoot && host.shadowRoot.querySelector('a') : document.querySelector('a.chat');
    if (link && link.getBoundingClientRect().width > 0) requestAnimationFrame(() => (window.__done = performance.now()));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

const browser: Browser = await puppeteer.launch(launchOptions);

interface Load { jsRaw: number; jsGzip: number; scriptToRendered: number; navToRendered: number; render: number; longTasks: number; longTaskMs: number; cls: number; heapKiB: number; failed: boolean }
async function load(url: string, watch?: string): Promise<Load> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 1000 });
  if (watch) await page.evaluateOnNewDocument(watch);
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __long: number[]; __cls: number };
    w.__long = [];
    w.__cls = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__cls += (e as unknown as { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
  });
  const downloads: Promise<Uint8Array | null>[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) downloads.push(response.buffer().then((b) => new Uint8Array(b), () => null));
  });
  await page.goto(url);
  let failed = false;
  try {
    await page.waitForFunction(() => (window as unknown as { __done?: number; __error?: string }).__done || (window as unknown as { __error?: string }).__error, { timeout: 10000 });
  } catch {
    failed = true;
  }
  const result = await page.evaluate(() => {
    const w = window as unknown as { __done?: number; __scriptStart?: number; __render?: number; __long: number[]; __cls: number; __error?: string };
    return { done: w.__done ?? NaN, start: w.__scriptStart ?? NaN, render: w.__render ?? NaN, long: w.__long, cls: w.__cls, error: w.__error };
  });
  const metrics = await page.metrics();
  const scripts = (await Promise.all(downloads)).filter((b): b is Uint8Array => !!b);
  await context.close();
  return {
    jsRaw: scripts.reduce((n, b) => n + b.length, 0),
    jsGzip: scripts.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    scriptToRendered: result.done - result.start,
    navToRendered: result.done,
    render: result.render,
    longTasks: result.long.length,
    longTaskMs: result.long.reduce((a, b) => a + b, 0),
    cls: result.cls,
    heapKiB: (metrics.JSHeapUsedSize ?? 0) / 1024,
    failed: failed || !!result.error,
  };
}

/** Loads each page in turn, alternating, so drift on the machine falls on all of them alike. */
async function measure(urls: Record<string, string>, watch?: string): Promise<Record<string, Load[]>> {
  const loads: Record<string, Load[]> = Object.fromEntries(Object.keys(urls).map((k) => [k, []]));
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const [name, url] of Object.entries(urls)) {
      const result = await load(url, watch);
      if (run >= WARMUP) loads[name].push(result);
    }
  }
  return loads;
}
const summarise = (loads: Load[]) => {
  const ok = loads.filter((l) => !l.failed && Number.isFinite(l.scriptToRendered));
  if (!ok.length) return undefined;
  return {
    scriptToRendered: stats(ok.map((l) => l.scriptToRendered)),
    navToRendered: stats(ok.map((l) => l.navToRendered)),
    render: stats(ok.map((l) => l.render).filter(Number.isFinite).length ? ok.map((l) => l.render).filter(Number.isFinite) : [NaN]),
    longTasks: stats(ok.map((l) => l.longTasks)),
    longTaskMs: stats(ok.map((l) => l.longTaskMs)),
    cls: stats(ok.map((l) => l.cls)),
    heapKiB: stats(ok.map((l) => l.heapKiB)),
    jsRaw: stats(ok.map((l) => l.jsRaw)),
    jsGzip: stats(ok.map((l) => l.jsGzip)),
    failures: loads.length - ok.length,
  };
};

const timings: Record<string, Record<string, ReturnType<typeof summarise>>> = {};
for (const kase of ['short', 'long', 'hundred']) {
  console.log(`Browser: QR ${kase} (${WARMUP} warm-up + ${RUNS} runs each)…`);
  const loads = await measure(Object.fromEntries(PEERS.map((p) => [p, `${server.origin}/bench/${p}/?case=${kase}`])));
  timings[kase] = Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, summarise(v)]));
}
console.log('Browser: floating button page…');
const BUTTON_PAGES = { embed: 'mme-kit embed.js', beacon: 'mme-kit embed.js with data-beacon', plain: 'plain `<a>` styled as the button, no JS (floor)', lit: 'minimal LitElement button (floor)' } as const;
const buttonLoads = await measure({ embed: `${server.origin}/bench/embed/`, beacon: `${server.origin}/bench/embed-beacon/`, plain: `${server.origin}/bench/plain-button/`, lit: `${server.origin}/bench/lit-button/` }, watchButton);
timings.button = Object.fromEntries(Object.entries(buttonLoads).map(([name, loads]) => [name, summarise(loads)]));
await browser.close();
await server.close();

// Stencil decides at run time which of its files to fetch, so @bitjson/qr-code's size is what
// Chromium downloaded for one short code (brotli is not measured for it).
const fetched = timings.short.bitjson?.jsGzip;
if (fetched) sizes.push({ name: '@bitjson/qr-code (the JS Chromium fetched for one code)', raw: timings.short.bitjson!.jsRaw.median, gzip: fetched.median, brotli: NaN });

// ── Node ──
console.log('Node: links, webhooks, PNGs…');
const time = (fn: () => void, n: number) => {
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  return performance.now() - start;
};
const linksPerSecond = stats(Array.from({ length: 7 }, () => 50_000 / (time(() => chatLink({ page: 'OriginalCoastClothing', ref: 'summer_coupon', text: 'Hi!' }), 50_000) / 1000)));
const body = { object: 'page', entry: [{ id: '1', time: 1, messaging: Array.from({ length: 1000 }, (_, i) => ({ sender: { id: String(i) }, recipient: { id: '1' }, timestamp: 1700000000000 + i, ...(i % 2 ? { referral: { ref: `r${i}`, source: 'SHORTLINK', type: 'OPEN_THREAD' } } : { postback: { payload: 'GET_STARTED', referral: { ref: `r${i}`, source: 'SHORT-URL', type: 'OPEN_THREAD' } } }) })) }] };
const readMs = stats(Array.from({ length: 21 }, () => time(() => readReferrals(body), 1)));
const pngMs = async (link: string) => {
  const values: number[] = [];
  for (let i = 0; i < 17; i++) {
    const start = performance.now();
    await qrPng(link, { scale: 8 });
    if (i >= 2) values.push(performance.now() - start);
  }
  return stats(values);
};
const pngShort = await pngMs('https://m.me/OriginalCoastClothing?ref=summer_coupon');
const pngLong = await pngMs('https://m.me/OriginalCoastClothing?ref=' + 'r'.repeat(2000));

// Signed deliveries handled per second by createWebhookHandler in this process (in memory).
const SECRET = 'bench-secret';
const signedDelivery = (i: number) => {
  const body = JSON.stringify({ object: 'page', entry: [{ id: '1', time: 1, messaging: [{ sender: { id: `p${i}` }, recipient: { id: '1' }, timestamp: 1700000000000 + i, referral: { ref: `r${i % 20}`, source: 'SHORTLINK', type: 'OPEN_THREAD' } }] }] });
  return { body, signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` };
};
const handlerPerSecond = stats(await Promise.all([0, 1, 2].map(async (round) => {
  const handler = createWebhookHandler({ appSecret: SECRET, verifyToken: 't', onReferral: () => {} });
  const deliveries = Array.from({ length: 2000 }, (_, i) => signedDelivery(round * 10_000 + i));
  const start = performance.now();
  for (const { body, signature } of deliveries) await handler(new Request('http://127.0.0.1/webhook', { method: 'POST', headers: { 'x-hub-signature-256': signature }, body }));
  return 2000 / ((performance.now() - start) / 1000);
})));
// The receiver and the store: `mme webhook` on SQLite and PostgreSQL, and `mme report` over 10 M referrals.
const store = await storeBench();
console.log('CLI: mme batch of 50,000 rows…');
const batchRun = batchBench();
const clicks = await clicksBench();


// ── Report ──
const chromium = spawnSync(launchOptions.executablePath, ['--version'], { encoding: 'utf8' }).stdout.trim();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; ${chromium}; lit ${version('lit')}, qrcode ${version('qrcode')}, @shoelace-style/shoelace ${version('@shoelace-style/shoelace')}, qr-code-styling ${version('qr-code-styling')}, @bitjson/qr-code ${version('@bitjson/qr-code')}`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const lines = [
  '# mme-kit benchmarks',
  '',
  `Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
  `Browser numbers: median [min–max] over ${RUNS} loads after ${WARMUP} warm-ups, each in a new browser context, pages alternating; ratios are medians over mme-kit's from the same run. Absolute times hold only for this machine; compare the ratios.`,
  '',
  '## Sizes (bundled with esbuild, minified, browser platform; bytes)',
  '',
  row(['what', 'minified', 'gzip -9', 'brotli']),
  row(['---', '---:', '---:', '---:']),
  ...sizes.map((s) => row([s.name, String(s.raw), String(s.gzip), Number.isNaN(s.brotli) ? 'n/a' : String(s.brotli)])),
  '',
];
const caseTitle: Record<string, string> = { short: 'one QR code, short link (256 px)', long: 'one QR code, 2,083-character ref (800 px)', hundred: '100 QR codes (128 px each)' };
for (const kase of ['short', 'long', 'hundred']) {
  const reference = timings[kase].mme;
  lines.push(`## Browser: ${caseTitle[kase]} (ms)`, '', row(['renderer', 'script start → rendered', 'ratio', 'render call(s)', 'ratio', 'long tasks (n / ms)', 'JS heap KiB', 'failed loads']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const peer of PEERS) {
    const t = timings[kase][peer];
    lines.push(row([NAMES[peer], fmt(t?.scriptToRendered), ratio(t?.scriptToRendered, reference?.scriptToRendered), fmt(t?.render), ratio(t?.render, reference?.render), t ? `${t.longTasks.median} / ${t.longTaskMs.median.toFixed(0)}` : 'n/a', t ? t.heapKiB.median.toFixed(0) : 'n/a', t ? String(t.failures) : `${RUNS} (rendered nothing)`]));
  }
  lines.push('');
}
const embed = timings.button.embed;
lines.push(
  '## Browser: a shop page with one floating button',
  '',
  row(['page', 'navigation → visible button', 'mme-kit over it', 'script start → visible button', 'JS gzip', 'long tasks (n / ms)', 'layout shift', 'JS heap KiB']),
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ...Object.entries(BUTTON_PAGES).map(([name, title]) => {
    const b = timings.button[name];
    return row([title, fmt(b?.navToRendered), ratio(embed?.navToRendered, b?.navToRendered), name === 'plain' ? 'no script' : fmt(b?.scriptToRendered), b ? String(b.jsGzip.median) : 'n/a', b ? `${b.longTasks.median} / ${b.longTaskMs.median.toFixed(0)}` : 'n/a', b ? b.cls.median.toFixed(3) : 'n/a', b ? b.heapKiB.median.toFixed(0) : 'n/a']);
  }),
  '',
  '## Node',
  '',
  row(['what', 'median [min–max]']),
  row(['---', '---:']),
  row(['`chatLink` (with checks), links per second', `${fmt(linksPerSecond, 0)}`]),
  row(['`readReferrals` on a 1,000-event body, ms', fmt(readMs, 2)]),
  row(['`createWebhookHandler`: signed deliveries handled per second (in process)', fmt(handlerPerSecond, 0)]),
  ...storeRows(store, row),
  row([`\`mme batch\` of ${batchRun.rows.toLocaleString('en')} rows with the logo: time, peak RSS`, `${batchRun.seconds.toFixed(1)} s, ${batchRun.rssMb.toFixed(0)} MB`]),
  ...clicksRows(clicks, row),
  row(['`qrPng` short link (scale 8), ms', fmt(pngShort, 2)]),
  row(['`qrPng` 2,000-character ref (scale 8), ms', fmt(pngLong, 2)]),
  '',
);
// Every row where a peer beats mme-kit, named, with what is known of why.
const behind = ['short', 'long', 'hundred'].flatMap((kase) =>
  PEERS.filter((p) => p !== 'mme' && timings[kase][p] && timings[kase].mme && timings[kase][p]!.scriptToRendered.median < timings[kase].mme!.scriptToRendered.median).map((p) => `${NAMES[p]} on "${caseTitle[kase]}" (${ratio(timings[kase][p]?.scriptToRendered, timings[kase].mme?.scriptToRendered)})`),
);
lines.push(
  '## Where mme-kit is behind, and why',
  '',
  behind.length ? `Faster than mme-kit in this run: ${behind.join('; ')}.` : 'No peer was faster than mme-kit in this run.',
  '',
  '- The raw qrcode row is the floor, not a product: qrcode\'s encoder called as mme-kit calls it, and one SVG path, with no link validation, no component, no shadow root, no accessible name, no colour check and no quiet-zone or pixel snapping. With the same encoder under both, mme-kit\'s time over this row is the element\'s own cost. A CPU profile of the 100-code page (Chromium\'s sampling profiler, 3 loads, 2026-12-01) puts the encoder\'s functions (getPenaltyN1, BitMatrix, setupData, getBestMask) at the same cost under both; the rest, about 0.4 ms a code, is the element: Chromium\'s native work for a shadow root with adopted styles per code (+11 ms of native time for 100), garbage collection of Lit\'s per-element objects (+8 ms), lit-html\'s template cloning and binding (about 9 ms) and the link check before encoding (about 3 ms). On one short code the larger module (Lit and the link checks) also takes longer to load. So the element misses SPEC\'s 1.15× of the floor on short codes and on 100 codes, and meets it on the 2,083-character ref, where the encoder dominates.',
  '- The floating-button floors: a plain styled `<a>` is what a page costs with no JavaScript; the minimal LitElement button is what Lit itself costs. mme-kit over the LitElement floor is the embed\'s own cost: finding its tag, loading embed.module.js after embed.js, reading the page for the ref template and checking the link.',
  '- Shoelace draws nothing for the 2,083-character ref at its default error correction (H); it is measured at M here. qr-code-styling throws at its default (Q); it is measured at M too.',
  '- @bitjson/qr-code hard-codes error correction H: for the long link it renders nothing and never fires codeRendered, so those loads count as failed.',
  '',
);
writeFileSync('test/bench/results.md', lines.join('\n'));
writeFileSync('test/bench/results.json', JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, sizes, timings, node: { linksPerSecond, readReferrals1000Ms: readMs, qrPngShortMs: pngShort, qrPngLongMs: pngLong, webhookHandlerPerSecond: handlerPerSecond, store, batch: batchRun, clicks } }, null, 2) + '\n');
console.log('\n' + lines.join('\n'));
