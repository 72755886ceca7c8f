import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { jsqrDecode, renderSvg, zbarDecode, zbarimg } from '../helpers/decode-node.js';

const PAGE = 'OriginalCoastClothing';
const BIN = 'dist/cli/mme.js';

/** Runs the built `mme` binary as a user would. */
function mme(...args: string[]) {
  const result = spawnSync(BIN, args, { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
const workDir = () => mkdtempSync(join(tmpdir(), 'mme-cli-'));
const noStack = (text: string) => assert.doesNotMatch(text, /\n\s+at |Error:/, `no stack trace in: ${text}`);

/** Every PNG checked, for zbarimg to read again at the end. */
const written: { file: string; expected: string }[] = [];

/** Decodes a PNG with jsqr now; zbarimg reads it too in the last test. */
function assertScans(file: string, expected: string, _t?: unknown) {
  assert.equal(jsqrDecode(file), expected, `jsqr reads ${file}`);
  written.push({ file, expected });
}

describe('mme (the built command line)', () => {
  for (const command of ['link', 'qr', 'email', 'batch', 'parse', 'check']) {
    it(`mme ${command} --help explains the command and exits 0`, () => {
      const { code, out } = mme(command, '--help');
      assert.equal(code, 0);
      assert.match(out, new RegExp(`^Usage: mme ${command}`));
    });
  }

  it('mme with no command prints usage and exits 2; an unknown command exits 2', () => {
    assert.equal(mme().code, 2);
    const unknown = mme('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
  });

  it('mme link prints the link, with warnings on stderr', () => {
    const { code, out, err } = mme('link', '--page', `https://www.facebook.com/${PAGE}/`, '--ref', 'summer coupon', '--text', 'Hi!');
    assert.equal(code, 0);
    assert.equal(out, `https://m.me/${PAGE}?ref=summer%20coupon&text=Hi!\n`);
    assert.match(err, /warning: --ref: /);
  });

  const invalid: { args: string[]; flag: string }[] = [
    { args: ['link', '--page', 'javascript:alert(1)'], flag: '--page' },
    { args: ['link', '--page', '.'], flag: '--page' },
    { args: ['link', '--page', 'https://www.facebook.com/watch/?v=123'], flag: '--page' },
    { args: ['link', '--page', PAGE, '--ref', 'x'.repeat(2084)], flag: '--ref' },
    { args: ['link', '--page', PAGE, '--topic', 'deals!'], flag: '--topic' },
    { args: ['link', '--page', PAGE, '--topic', 'deals', '--cadence', 'hourly'], flag: '--cadence' },
    { args: ['qr', '--page', PAGE, '--out', 'x.gif'], flag: '--out' },
    { args: ['qr', '--page', PAGE, '--out', 'x.png', '--margin=-3'], flag: '--margin' },
    { args: ['qr', '--page', PAGE, '--out', 'x.png', '--error-correction', 'Z'], flag: '--error-correction' },
    { args: ['qr', '--page', PAGE, '--out', 'x.png', '--size', '5'], flag: '--size' },
    { args: ['batch', '../rows.csv', '--page', PAGE, '--out', 'codes', '--size', 'big'], flag: '--size' },
    { args: ['qr', '--page', PAGE, '--out', 'x.png', '--text', 'x'.repeat(3000)], flag: '--ref, --text' },
    { args: ['qr', '--value', `https://m.me/${PAGE}?text=${'x'.repeat(3000)}`, '--out', 'x.png'], flag: '--value' },
    { args: ['qr', '--value', 'https://evil.example/', '--out', 'x.png'], flag: '--value' },
    { args: ['qr', '--page', PAGE, '--out', 'x.png', '--margin='], flag: '--margin' },
    { args: ['qr', '--page', PAGE, '--out', 'no-such-folder/x.png'], flag: '--out' },
    { args: ['qr', '--page', PAGE, '--out', 'x.png', '--color', 'chartreuse'], flag: '--color' },
    { args: ['email', '--page', PAGE, '--qr-src', 'data:image/png;base64,AAAA'], flag: '--qr-src' },
    { args: ['email', '--page', PAGE, '--color', '#0084ff'], flag: '--color' },
    { args: ['email', '--page', PAGE, '--qr-src', 'https://cdn.example.com/qr.png', '--qr-size', 'big'], flag: '--qr-size: "big"' },
    { args: ['email', '--page', PAGE, '--qr-src', 'https://cdn.example.com/qr.png', '--qr-size', '20'], flag: '--qr-size' },
    { args: ['email', '--page', PAGE, '--format', 'pdf'], flag: '--format' },
    { args: ['parse', 'https://example.com/x'], flag: 'URL' },
    { args: ['link', '--instagram', 'coast clothing'], flag: '--instagram' },
    { args: ['link', '--instagram', 'coast', '--text', 'Hi'], flag: '--text' },
    { args: ['link', '--instagram', 'coast', '--page', PAGE], flag: '--page' },
    { args: ['parse', 'https://ig.me/m/coast?text=hi'], flag: '--text' },
    { args: ['batch', '../ig.csv', '--page', PAGE, '--out', 'codes'], flag: 'row 2, column channel' },
    { args: ['batch', '../ig.csv', '--instagram', 'a-b', '--out', 'codes'], flag: 'row 2, column instagram (or --instagram): username' },
  ];
  for (const { args, flag } of invalid) {
    it(`exits 1 with one line naming ${flag}, writing nothing: mme ${args.join(' ').slice(0, 70)}`, () => {
      const dir = join(workDir(), 'run');
      mkdirSync(dir);
      writeFileSync(join(dir, '..', 'rows.csv'), 'ref,label\nstore_1,One\n');
      writeFileSync(join(dir, '..', 'ig.csv'), args.includes('--page') ? 'ref,label,channel\nstore_1,One,whatsapp\n' : 'ref,label\nstore_1,One\nstore_2,Two\n');
      const result = spawnSync(join(process.cwd(), BIN), args, { encoding: 'utf8', cwd: dir });
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.ok(result.stderr.includes(flag), `names ${flag}: ${result.stderr}`);
      noStack(result.stderr);
      assert.deepEqual(readdirSync(dir), [], 'nothing written');
    });
  }

  const usage: string[][] = [['link', '--pgae', PAGE], ['qr', '--page', PAGE], ['parse'], ['batch', 'x.csv'], ['link', '--page'], ['parse', 'a', 'b']];
  for (const args of usage) {
    it(`exits 2 with the usage for a usage mistake: mme ${args.join(' ')}`, () => {
      const { code, err } = mme(...args);
      assert.equal(code, 2, err);
      assert.match(err, /Usage: mme /);
      noStack(err.split('\n')[0]);
    });
  }

  it('mme qr writes a PNG that scans, also with the logo and for a 2,000-character ref', (t) => {
    const dir = workDir();
    const cases = [
      { args: ['--ref', 'flyer_12'], link: `https://m.me/${PAGE}?ref=flyer_12` },
      { args: ['--ref', 'flyer_12', '--logo'], link: `https://m.me/${PAGE}?ref=flyer_12` },
      { args: ['--ref', 'L'.repeat(2000), '--size', '800'], link: `https://m.me/${PAGE}?ref=${'L'.repeat(2000)}` },
      { args: ['--topic', 'weekly deals', '--cadence', 'weekly', '--color', '#1d3a8a'], link: `https://m.me/rn/${PAGE}?topic=weekly%20deals&cadence=weekly` },
    ];
    for (const [index, { args, link }] of cases.entries()) {
      const file = join(dir, `code-${index}.png`);
      const { code, err } = mme('qr', '--page', PAGE, ...args, '--out', file);
      assert.equal(code, 0, err);
      assertScans(file, link, t);
    }
  });

  it('mme qr PNGs are opaque, whole pixels per module, quiet zone inside', () => {
    const dir = workDir();
    const file = join(dir, 'code.png');
    mme('qr', '--page', PAGE, '--out', file);
    const png = readFileSync(file);
    assert.equal(png.readUInt32BE(16), png.readUInt32BE(20), 'square');
    assert.equal(png[25], 3, 'palette colour type: no alpha channel');
    assert.equal(png.readUInt32BE(16) % 8, 0, 'width is a whole number of 8-pixel modules');
    assert.equal(jsqrDecode(file), `https://m.me/${PAGE}`);
  });

  it('mme qr writes an SVG that scans when Chromium draws it', (t) => {
    const dir = workDir();
    const file = join(dir, 'code.svg');
    assert.equal(mme('qr', '--page', PAGE, '--ref', 'svg_file', '--logo', '--size', '330', '--out', file).code, 0);
    assert.match(readFileSync(file, 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assertScans(renderSvg(file), `https://m.me/${PAGE}?ref=svg_file`, t);
  });

  it('mme qr --value encodes an existing link exactly', (t) => {
    const dir = workDir();
    const link = `http://m.me/${PAGE}?text=Hello%20and%20Welcome`;
    mme('qr', '--value', link, '--out', join(dir, 'v.png'));
    assertScans(join(dir, 'v.png'), link, t);
    // Written without a scheme, a phone camera would read it as text: the code holds https://.
    mme('qr', '--value', `m.me/${PAGE}?ref=no_scheme`, '--out', join(dir, 'bare.png'));
    assertScans(join(dir, 'bare.png'), `https://m.me/${PAGE}?ref=no_scheme`, t);
  });

  it('mme batch writes a PNG and SVG per row, links.csv and a contact sheet; every code scans', (t) => {
    const dir = workDir();
    const csv = join(dir, 'stores.csv');
    writeFileSync(csv, '\uFEFFref,label,text\r\nstore_downtown,"Main St, Downtown",Hi from Main St\r\nstore_airport,Airport,\r\n"store_long","Long ""quoted"" one",\r\n');
    const out = join(dir, 'codes');
    const { code, out: stdout, err } = mme('batch', csv, '--page', PAGE, '--out', out, '--logo');
    assert.equal(code, 0, err);
    assert.match(stdout, /3 codes written/);
    assert.deepEqual(readdirSync(out).sort(), ['index.html', 'links.csv', 'store_airport.png', 'store_airport.svg', 'store_downtown.png', 'store_downtown.svg', 'store_long.png', 'store_long.svg']);
    const links = {
      store_downtown: `https://m.me/${PAGE}?ref=store_downtown&text=Hi%20from%20Main%20St`,
      store_airport: `https://m.me/${PAGE}?ref=store_airport`,
      store_long: `https://m.me/${PAGE}?ref=store_long`,
    };
    for (const [ref, link] of Object.entries(links)) assertScans(join(out, `${ref}.png`), link, t);
    assert.equal(readFileSync(join(out, 'links.csv'), 'utf8'), `ref,label,link,channel\r\nstore_downtown,"Main St, Downtown",${links.store_downtown},messenger\r\nstore_airport,Airport,${links.store_airport},messenger\r\nstore_long,"Long ""quoted"" one",${links.store_long},messenger\r\n`);
    const sheet = readFileSync(join(out, 'index.html'), 'utf8');
    for (const ref of Object.keys(links)) assert.match(sheet, new RegExp(`<img src="${ref}.svg"`));
    assert.match(sheet, /Long &quot;quoted&quot; one/);
    assert.match(sheet, /<p class="scan">Scan to chat with us<\/p><img src="store_airport.svg"[^>]*><figcaption><strong>Airport<\/strong><small>ref <code>store_airport<\/code> · https:\/\/m\.me\//);
    assert.match(sheet, /@page \{ size: A4/);
    // The shop's name on each card, the call to scan in the sheet's language.
    const titled = mme('batch', csv, '--page', PAGE, '--out', join(dir, 'titled'), '--title', 'Coast <Clothing>', '--lang', 'de');
    assert.equal(titled.code, 0, titled.err);
    const german = readFileSync(join(dir, 'titled', 'index.html'), 'utf8');
    assert.match(german, /<html lang="de">/);
    assert.match(german, /<title>Coast &lt;Clothing&gt;<\/title>/);
    assert.equal(german.match(/<p class="shop">Coast &lt;Clothing&gt;<\/p><p class="scan">Scannen und mit uns chatten<\/p>/g)?.length, 3);
    const hebrew = mme('batch', csv, '--page', PAGE, '--out', join(dir, 'he'), '--lang', 'he-IL');
    assert.match(readFileSync(join(dir, 'he', 'index.html'), 'utf8'), /<html lang="he-IL" dir="rtl">/);
    const unknown = mme('batch', csv, '--page', PAGE, '--out', join(dir, 'sw'), '--lang', 'sw');
    assert.equal(unknown.code, 0);
    assert.match(unknown.err, /warning: --lang: the contact sheet has no words in "sw"; it says them in English/);
    assert.equal(mme('batch', csv, '--page', PAGE, '--out', join(dir, 'bad'), '--lang', '<de>').code, 1);
  });

  it('mme link, qr, email, batch and parse make and read Instagram links, and every code scans', (t) => {
    assert.equal(mme('link', '--instagram', 'https://www.instagram.com/coast.clothing/', '--ref', 'bio').out, 'https://ig.me/m/coast.clothing?ref=bio\n');
    assert.deepEqual(JSON.parse(mme('parse', 'ig.me/coast.clothing?ref=bio').out), { kind: 'instagram', username: 'coast.clothing', ref: 'bio' });
    const dir = workDir();
    const png = join(dir, 'ig.png');
    const qr = mme('qr', '--instagram', '@coast.clothing', '--ref', 'flyer', '--logo', '--out', png);
    assert.equal(qr.code, 0, qr.err);
    assertScans(png, 'https://ig.me/m/coast.clothing?ref=flyer', t);
    const email = JSON.parse(mme('email', '--instagram', 'coast.clothing', '--ref', 'news', '--format', 'json').out);
    assert.equal(email.href, 'https://ig.me/m/coast.clothing?ref=news');
    assert.match(email.html, /Message us on Instagram/);
    assert.match(email.html, /background-color:#C13584/);
    // One CSV, both channels: a channel column, and an instagram column for a store's own account.
    const csv = join(dir, 'stores.csv');
    writeFileSync(csv, 'ref,label,channel,instagram\nnorth,North,messenger,\nnorth,North on Instagram,instagram,\nsouth,South,Instagram,south.store\n');
    const out = join(dir, 'codes');
    const batch = mme('batch', csv, '--page', PAGE, '--instagram', 'coast.clothing', '--out', out, '--logo');
    assert.equal(batch.code, 0, batch.err);
    assert.deepEqual(readdirSync(out).sort(), ['index.html', 'instagram-north.png', 'instagram-north.svg', 'instagram-south.png', 'instagram-south.svg', 'links.csv', 'north.png', 'north.svg']);
    assertScans(join(out, 'north.png'), `https://m.me/${PAGE}?ref=north`, t);
    assertScans(join(out, 'instagram-north.png'), 'https://ig.me/m/coast.clothing?ref=north', t);
    assertScans(join(out, 'instagram-south.png'), 'https://ig.me/m/south.store?ref=south', t);
    assert.match(readFileSync(join(out, 'links.csv'), 'utf8'), /^ref,label,link,channel\r\nnorth,North,https:\/\/m\.me\/\S+,messenger\r\nnorth,North on Instagram,https:\/\/ig\.me\/m\/coast\.clothing\?ref=north,instagram\r\n/);
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<h1>Messenger and Instagram QR codes<\/h1>/);
    // --instagram alone: every row is an Instagram row.
    const only = mme('batch', csv.replace('stores', 'only'), '--instagram', 'coast.clothing', '--out', join(dir, 'only'));
    writeFileSync(csv.replace('stores', 'only'), 'ref,label\nwindow,Window\n');
    const again = mme('batch', csv.replace('stores', 'only'), '--instagram', 'coast.clothing', '--out', join(dir, 'only'));
    assert.equal(only.code, 1, 'a missing file is named');
    assert.equal(again.code, 0, again.err);
    assertScans(join(dir, 'only', 'instagram-window.png'), 'https://ig.me/m/coast.clothing?ref=window', t);
  });

  it('mme batch warns once about its flags, and names the row of a warning about a row', () => {
    const dir = workDir();
    const csv = join(dir, 'stores.csv');
    writeFileSync(csv, 'ref,label\nstore_1,One\nstore 2,Two\nstore_3,Three\n');
    const { code, err } = mme('batch', csv, '--page', PAGE, '--out', join(dir, 'codes'), '--margin', '2');
    assert.equal(code, 0, err);
    const lines = err.trim().split('\n');
    assert.equal(lines.filter((line) => line.startsWith('warning: --margin: margin 2 is below')).length, 1, `one margin warning in:\n${err}`);
    assert.equal(lines.filter((line) => /^warning: stores\.csv: row 3, column ref: ref "store 2" /.test(line)).length, 1, `the unsafe ref's row and column in:\n${err}`);
    assert.equal(lines.length, 2, `no other warning in:\n${err}`);
    assertScans(join(dir, 'codes', 'store-2.png'), `https://m.me/${PAGE}?ref=store%202`);
  });

  const badCsv: { name: string; content: string; message: RegExp; args?: string[] }[] = [
    { name: 'an invalid row (text on an opt-in batch)', content: 'ref,label,text\nok_1,One,\nok_2,Two,hello\n', message: /in\.csv: row 3, column text: /, args: ['--topic', 'deals'] },
    // Rows are drawn and staged eight at a time: one bad row after twenty good ones still leaves nothing.
    { name: 'an invalid row after twenty valid ones', content: `ref,label,text\n${Array.from({ length: 20 }, (_, i) => `ok_${i},Store ${i},`).join('\n')}\nlate,Late,hello\n`, message: /in\.csv: row 22, column text: /, args: ['--topic', 'deals'] },
    { name: 'a ref over the limit', content: `ref,label\n${'a'.repeat(2084)},x\n`, message: /in\.csv: row 2, column ref: / },
    { name: 'a ref of 100,000 dashes', content: `ref,label\n${'-'.repeat(100_000)},x\n`, message: /in\.csv: row 2, column ref: ref is \d+ characters/ },
    { name: 'a row whose link no QR code can hold', content: `ref,label,text\nlong,x,${'t'.repeat(3000)}\n`, message: /in\.csv: row 2, columns ref, text: the link is \d+ bytes/ },
    { name: 'an opt-in row whose link no QR code can hold', content: `ref,label\n${'r'.repeat(2000)},x\n`, message: /in\.csv: row 2, column ref and --topic: the link is \d+ bytes/, args: ['--topic', 'a'.repeat(1000)] },
    { name: 'two refs whose files differ only in case', content: 'ref,label\nStore,One\nstore,Two\n', message: /row 3 .*"store".*row 2.*"Store"/ },
    { name: 'a repeated ref', content: 'ref,label\nstore_1,One\nstore_1,Again\n', message: /repeats/ },
    { name: 'no ref column', content: 'store,label\nx,y\n', message: /ref column/ },
    { name: 'an empty ref', content: 'ref,label\n,y\n', message: /row 2 has no ref/ },
    { name: 'unbalanced quotes', content: 'ref,label\n"x,y\n', message: /not valid CSV/ },
  ];
  for (const { name, content, message, args = [] } of badCsv) {
    it(`mme batch rejects ${name} with exit 1 and writes nothing`, () => {
      const dir = workDir();
      writeFileSync(join(dir, 'in.csv'), content);
      const { code, err } = mme('batch', join(dir, 'in.csv'), '--page', PAGE, '--out', join(dir, 'out'), ...args);
      assert.equal(code, 1, err);
      assert.match(err, message);
      noStack(err);
      assert.equal(existsSync(join(dir, 'out')), false, 'nothing written');
    });
  }

  it('mme batch reads a semicolon-separated CSV (what Excel writes in much of Europe) and keeps spreadsheets from running formulas', (t) => {
    const dir = workDir();
    const csv = join(dir, 'filialen.csv');
    writeFileSync(csv, 'ref;label;text\r\nberlin_mitte;"Berlin; Mitte";Hallo\r\nkoeln;"=HYPERLINK(""http://evil.example"")";\r\n');
    const out = join(dir, 'codes');
    const { code, out: stdout, err } = mme('batch', csv, '--page', PAGE, '--out', out);
    assert.equal(code, 0, err);
    assert.match(stdout, /^2 codes written to /);
    assertScans(join(out, 'berlin_mitte.png'), `https://m.me/${PAGE}?ref=berlin_mitte&text=Hallo`, t);
    const links = readFileSync(join(out, 'links.csv'), 'utf8').split('\r\n');
    assert.equal(links[1], `berlin_mitte,"Berlin; Mitte",https://m.me/${PAGE}?ref=berlin_mitte&text=Hallo,messenger`);
    assert.equal(links[2], `koeln,"'=HYPERLINK(""http://evil.example"")",https://m.me/${PAGE}?ref=koeln,messenger`, 'a formula is written as text');
  });

  it('mme batch says "1 code", and its help lists only the flags it takes', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'one.csv'), 'ref,label\nonly_one,One\n');
    assert.match(mme('batch', join(dir, 'one.csv'), '--page', PAGE, '--out', join(dir, 'codes')).out, /^1 code written to /);
    const help = mme('batch', '--help').out;
    assert.doesNotMatch(help, /--ref|--text/, 'refs and texts come from the CSV');
    const ref = mme('batch', join(dir, 'one.csv'), '--page', PAGE, '--out', join(dir, 'codes2'), '--ref', 'ignored');
    assert.equal(ref.code, 2, 'a --ref the batch would ignore is a usage mistake');
  });

  it('mme qr and mme batch name the option for a file they cannot write, with no stack trace and nothing half-written', () => {
    const dir = workDir();
    const file = join(dir, 'taken.txt');
    writeFileSync(file, 'mine');
    writeFileSync(join(dir, 'rows.csv'), 'ref,label\nstore_1,One\n');
    const cases = [
      ['qr', '--page', PAGE, '--out', join(dir, 'missing', 'x.png')],
      ['qr', '--page', PAGE, '--out', join(dir, 'folder.png')],
      ['qr', '--page', PAGE, '--out', '/proc/x.png'],
      ['batch', join(dir, 'rows.csv'), '--page', PAGE, '--out', file],
      ['batch', join(dir, 'rows.csv'), '--page', PAGE, '--out', '/proc/codes'],
    ];
    mkdirSync(join(dir, 'folder.png'));
    for (const args of cases) {
      const result = spawnSync(BIN, args, { encoding: 'utf8', timeout: 10_000 });
      assert.equal(result.status, 1, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /--out: /);
      noStack(result.stderr);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['folder.png', 'rows.csv', 'taken.txt']);
    assert.deepEqual(readdirSync(join(dir, 'folder.png')), []);
    assert.equal(readFileSync(file, 'utf8'), 'mine');
  });

  it('mme --version prints the version', () => {
    const { code, out } = mme('--version');
    assert.equal(code, 0);
    assert.equal(out.trim(), JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('mme batch names a missing file', () => {
    const { code, err } = mme('batch', '/nonexistent/stores.csv', '--page', PAGE, '--out', workDir());
    assert.equal(code, 1);
    assert.match(err, /^mme batch: stores\.csv: cannot read "\/nonexistent\/stores.csv": no such file or folder\n$/);
  });

  it('mme email prints html, text or json', () => {
    const html = mme('email', '--page', PAGE, '--ref', 'news', '--qr-src', 'https://cdn.example.com/qr.png');
    assert.equal(html.code, 0);
    assert.match(html.out, /^<table role="presentation"/);
    assert.match(html.out, /<img src="https:\/\/cdn\.example\.com\/qr\.png"/);
    const text = mme('email', '--page', PAGE, '--ref', 'news', '--format', 'text');
    assert.equal(text.out, `Message us on Messenger\nhttps://m.me/${PAGE}?ref=news\n`);
    const json = JSON.parse(mme('email', '--page', PAGE, '--outlook', 'vml', '--format', 'json').out);
    assert.equal(json.href, `https://m.me/${PAGE}`);
    assert.match(json.html, /v:roundrect/);
  });

  it('mme parse prints JSON; mme check lists problems and exits 1 on an error', () => {
    assert.deepEqual(JSON.parse(mme('parse', `m.me/rn/${PAGE}?topic=weekly+deals&cadence=WEEKLY`).out), { kind: 'optin', page: PAGE, topic: 'weekly deals', cadence: 'weekly' });
    const ok = mme('check', '--page', PAGE, '--ref', 'a b');
    assert.equal(ok.code, 0);
    assert.match(ok.out, /^warning ref-unsafe: --ref: /);
    const bad = mme('check', '--page', 'no good', '--topic', '?');
    assert.equal(bad.code, 1);
    assert.match(bad.out, /error page-invalid: --page: .*\nerror topic-invalid: --topic: /);
    assert.equal(mme('check', '--page', PAGE).out, `ok: https://m.me/${PAGE}\n`);
  });

  it('zbarimg (a second, independent decoder) reads every code the CLI wrote', { skip: zbarimg ? false : 'zbarimg (Debian zbar-tools) is not installed' }, () => {
    assert.ok(written.length >= 9, `${written.length} codes to read`);
    for (const { file, expected } of written) assert.equal(zbarDecode(file), expected, `zbarimg reads ${file}`);
  });
});
