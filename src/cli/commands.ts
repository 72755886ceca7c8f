import { existsSync, rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { deflate } from 'node:zlib';
import { dashboard } from './dashboard/command.js';
import { SHEET_LANGUAGES, type SheetItem, contactSheet } from './sheet.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { emailButton, emailQr } from '../email/index.js';
import { type LinkOptions, type Problem, checkLink, foldRef, isOptin, messengerLink, parseLink } from '../link/index.js';
import { type ErrorCorrection, type PreparedQr, type QrOptions, escapeMarkup as escape, encodeQr, pngBytes, svgDocument, toHex, withScheme } from '../qr/index.js';
import { InputError, UsageError, flagOf, naming } from './errors.js';
import { type Staging, checkOutputFile, makeOutputFolder, readTextFile, stage, writeOutputFile } from './files.js';
import { report } from './report.js';
import { forget, importCommand } from './store.js';
import { webhook } from './webhook.js';
import { csvCell, delimiterOf } from './csv.js';
import { BATCH_LINK_HELP, BATCH_LINK_OPTIONS, LINK_HELP, LINK_OPTIONS, QR_HELP, QR_OPTIONS, linkOptions, parse } from './options.js';

/** What a command prints: to stdout, and warnings to stderr. */
export interface Output {
  out(text: string): void;
  warn(text: string): void;
}

export interface Command {
  readonly summary: string;
  readonly help: string;
  run(args: string[], io: Output): void | Promise<void>;
}

/** The warnings among a link's or a code's problems, which do not stop the command, each as a line naming its flag. */
const warningsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'warning').map((p) => ({ field: p.field, text: `${flagOf(p.field)}: ${p.message}` }));

/** Prints the warnings of a link, which still builds. */
function warnLink(options: LinkOptions, io: Output): void {
  for (const { text } of warningsOf(checkLink(options))) io.warn(`warning: ${text}`);
}

function qrOptions(values: Record<string, unknown>): QrOptions {
  return {
    // Given as text, so that an empty --margin= is an error rather than 0.
    margin: values.margin as number | undefined,
    errorCorrection: (values['error-correction'] as string | undefined)?.toUpperCase() as ErrorCorrection | undefined,
    logo: Boolean(values.logo),
    color: values.color as string | undefined,
    background: values.background as string | undefined,
  };
}

/** Whole pixels per module for an image about `size` pixels wide (default 8 per module). */
function scaleFor(qr: PreparedQr, size: unknown): number {
  if (size === undefined) return 8;
  const pixels = Number(size);
  if (!Number.isInteger(pixels) || pixels < 21 || pixels > 10000) throw new InputError(`--size: "${size}" must be a whole number of pixels from 21 to 10000`);
  return Math.max(1, Math.round(pixels / (qr.matrix.size + 2 * qr.margin)));
}

/** The image format an output file name asks for. */
function formatOf(file: string): 'png' | 'svg' {
  const kind = extname(file).toLowerCase();
  if (kind === '.png' || kind === '.svg') return kind.slice(1) as 'png' | 'svg';
  throw new InputError(`--out: "${file}" must end in .png or .svg`);
}

/** Node's zlib on its thread pool: the same bytes as CompressionStream, with less work per file. */
const zlibDeflate = (data: Uint8Array) => new Promise<Uint8Array>((resolve, reject) => deflate(data, (error, out) => (error ? reject(error) : resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength)))));

/** An encoded code as PNG or SVG bytes: each file draws from the one encoding, never re-encodes. */
async function qrFile(format: 'png' | 'svg', link: string, qr: PreparedQr, size: unknown): Promise<string | Uint8Array> {
  const scale = scaleFor(qr, size);
  if (format === 'png') return pngBytes(qr, scale, zlibDeflate);
  const pixels = size === undefined ? undefined : scale * (qr.matrix.size + 2 * qr.margin);
  return svgDocument(qr.matrix, { margin: qr.margin, color: toHex(qr.color), background: toHex(qr.background), size: pixels, title: `QR code: ${link}` });
}

/** Names the link flags, not --value, when the link they made is too long for a QR code. */
const linkFlags = (values: { topic?: string }) => ({ value: isOptin(values) ? '--ref, --topic' : '--ref, --text' });

const link: Command = {
  summary: 'print an m.me (or ig.me) link',
  help: `Usage: mme link --page NAME [--ref REF] [--text TEXT] [--topic TOPIC --cadence C]
       mme link --instagram NAME [--ref REF]

Prints the link. Warnings go to stderr; errors exit with code 1.

${LINK_HELP}`,
  run(args, io) {
    const { values } = parse(args, LINK_OPTIONS);
    const options = linkOptions(values);
    const href = messengerLink(options);
    warnLink(options, io);
    io.out(href);
  },
};

const qr: Command = {
  summary: 'write a QR code as PNG or SVG',
  help: `Usage: mme qr --out FILE.png|FILE.svg (--page NAME | --instagram NAME [link options] | --value URL) [QR options] [--size PX]

Writes a QR code that phone cameras open in Messenger (or Instagram). PNG files are opaque, with whole pixels
per module and the quiet zone inside the image.

  --out FILE         where to write; .png or .svg
  --value URL        an existing m.me or ig.me link, instead of the link options
  --size PX          about how wide the image is (PNG: whole pixels per module; default 8 per module)

${LINK_HELP}

${QR_HELP}`,
  async run(args, io) {
    const { values } = parse(args, { ...LINK_OPTIONS, ...QR_OPTIONS, out: { type: 'string' }, value: { type: 'string' }, size: { type: 'string' } });
    if (!values.out) throw new UsageError('--out FILE.png or --out FILE.svg is required');
    const format = formatOf(values.out);
    checkOutputFile(values.out);
    let href: string;
    if (values.value !== undefined) {
      if (values.page !== undefined || values.instagram !== undefined) throw new UsageError('give either --value or the link options (--page, --instagram), not both');
      naming({ url: '--value' }, () => parseLink(values.value!));
      href = withScheme(values.value);
    } else {
      const options = linkOptions(values);
      href = messengerLink(options);
      warnLink(options, io);
    }
    // The link is checked above, either way. A link too long for any code is the fault of the flags that made it.
    const code = naming(values.value === undefined ? linkFlags(values) : {}, () => encodeQr(href, qrOptions(values)));
    scaleFor(code, values.size);
    for (const { text } of warningsOf(code.warnings)) io.warn(`warning: ${text}`);
    writeOutputFile(values.out, await qrFile(format, href, code, values.size));
    io.out(`${values.out}: ${href}`);
  },
};

const email: Command = {
  summary: 'print an email-safe button (and QR image) with its plain-text part',
  help: `Usage: mme email (--page NAME | --instagram NAME) [link options] [--label TEXT] [--qr-src URL] [--outlook vml] [--format html|text|json]

Prints a bulletproof "Message us on Messenger" (or "on Instagram") button for newsletters: a table with inline
styles that renders in Gmail, Outlook and Apple Mail. With --qr-src, also a linked QR image
(host the PNG from \`mme qr\` there first).

  --label TEXT       button text (default "Message us on Messenger", or "on Instagram")
  --color HEX        button colour (default #0866FF; #C13584 for Instagram); the label must reach 4.5:1 on it
  --text-color HEX   label colour (default #FFFFFF)
  --lang TAG         language of the label (default en)
  --dir ltr|rtl      direction of the label (default ltr)
  --qr-src URL       https:// URL (or cid:NAME) of the hosted QR PNG
  --qr-size PX       displayed size of the QR image (default 164; host a PNG twice as large)
  --outlook vml      a rounded, fully clickable VML button for classic Outlook
  --format F         html (default), text (the plain-text part) or json ({ html, text, href })

${LINK_HELP}`,
  run(args, io) {
    const { values } = parse(args, {
      ...LINK_OPTIONS,
      label: { type: 'string' },
      color: { type: 'string' },
      'text-color': { type: 'string' },
      lang: { type: 'string' },
      dir: { type: 'string' },
      'qr-src': { type: 'string' },
      'qr-size': { type: 'string' },
      outlook: { type: 'string' },
      format: { type: 'string' },
    });
    const format = values.format ?? 'html';
    if (!['html', 'text', 'json'].includes(format)) throw new InputError(`--format: "${format}" must be html, text or json`);
    const options = linkOptions(values);
    const locale = { lang: values.lang, dir: values.dir as 'ltr' | 'rtl' | undefined };
    const button = emailButton({ ...options, ...locale, label: values.label, color: values.color, textColor: values['text-color'], outlook: values.outlook as 'vml' | undefined });
    warnLink(options, io);
    const parts = [button];
    if (values['qr-src'] !== undefined) {
      const size = values['qr-size'] === undefined ? undefined : Number(values['qr-size']);
      if (size !== undefined && !Number.isInteger(size)) throw new InputError(`--qr-size: "${values['qr-size']}" must be a whole number of pixels`);
      parts.push(naming({ imageUrl: '--qr-src', size: '--qr-size' }, () => emailQr({ ...options, ...locale, imageUrl: values['qr-src']!, size })));
    }
    const html = parts.map((p) => p.html).join('\n');
    const text = button.text;
    if (format === 'json') io.out(JSON.stringify({ html, text, href: button.href }, null, 2));
    else io.out(format === 'html' ? html : text.trimEnd());
  },
};

const parseCommand: Command = {
  summary: 'take an m.me or ig.me link apart, as JSON',
  help: `Usage: mme parse URL

Prints the link's parts as JSON: { "kind": "chat", "page", "ref", "text" },
{ "kind": "optin", "page", "topic", "cadence", "ref" } or { "kind": "instagram", "username", "ref" }.
Exits 1 when URL is not a valid m.me or ig.me link.`,
  run(args, io) {
    const { positionals } = parse(args, {}, 1);
    if (!positionals[0]) throw new UsageError('URL is required');
    io.out(JSON.stringify(parseLink(positionals[0]), null, 2));
  },
};

const check: Command = {
  summary: 'list the problems of link options',
  help: `Usage: mme check (--page NAME | --instagram NAME) [link options]

Prints every problem, one a line, as "error" or "warning", its option and what is wrong, and
"ok" when there is none. Exits 1 when there is an error.

${LINK_HELP}`,
  run(args, io) {
    const { values } = parse(args, LINK_OPTIONS);
    const options = linkOptions(values);
    const problems = checkLink(options);
    for (const p of problems) io.out(`${p.severity} ${p.code}: ${flagOf(p.field)}: ${p.message}`);
    if (!problems.length) io.out(`ok: ${messengerLink(options)}`);
    if (problems.some((p) => p.severity === 'error')) throw new InputError(`${problems.filter((p) => p.severity === 'error').length} error(s) found`);
  },
};

/** A file name from a ref: its safe characters, never a path. */
const fileStem = (ref: string) => foldRef(ref).slice(0, 100) || 'link';

/** The CSV columns behind a link option's field, for errors and warnings about one row. */
const COLUMNS: Record<string, string> = { ref: 'column ref', text: 'column text', value: 'columns ref, text', username: 'column instagram (or --instagram)' };
/** The same for an opt-in batch, whose too-long links are the ref column's and --topic's. */
const OPTIN_COLUMNS: Record<string, string> = { ...COLUMNS, value: 'column ref and --topic' };

const batch: Command = {
  summary: 'write a PNG and SVG QR code per CSV row, a printable contact sheet and links.csv',
  help: `Usage: mme batch FILE.csv (--page NAME | --instagram NAME) --out DIR [--topic TOPIC --cadence C] [QR options] [--size PX]
                 [--title NAME] [--lang TAG]

FILE.csv has a header row with the columns ref, label and optionally text: one row per store,
flyer or table; commas or semicolons separate the columns. An optional channel column says
messenger (the default when --page is given) or instagram for each row, and an optional instagram
column gives a row its own Instagram username (else --instagram). For each row, writes REF.png
and REF.svg (INSTAGRAM-REF.png and .svg for Instagram rows) to DIR, plus index.html (a contact
sheet to print) and links.csv (ref,label,link,channel). Every row is checked first; nothing is
written when one is invalid.

  --out DIR          the folder to write (created when missing)
  --size PX          about how wide each PNG is (default 8 pixels per module)
  --title NAME       the shop's name, on top of each card of the contact sheet
  --lang TAG         the contact sheet's language ("Scan to chat with us"; default en):
                     ${SHEET_LANGUAGES.join(' ')}

${BATCH_LINK_HELP}

${QR_HELP}`,
  async run(args, io) {
    const { values, positionals } = parse(args, { ...BATCH_LINK_OPTIONS, ...QR_OPTIONS, out: { type: 'string' }, size: { type: 'string' }, title: { type: 'string' }, lang: { type: 'string' } }, 1);
    const file = positionals[0];
    if (!file) throw new UsageError('FILE.csv is required');
    if (!values.out) throw new UsageError('--out DIR is required');
    const lang = values.lang ?? 'en';
    if (!/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(lang)) throw new InputError(`--lang: "${lang}" is not a language tag such as en, de or pt-BR`);
    if (!SHEET_LANGUAGES.includes(lang.toLowerCase().split(/[-_]/)[0])) io.warn(`warning: --lang: the contact sheet has no words in "${lang}"; it says them in English (${SHEET_LANGUAGES.join(' ')})`);
    const title = values.title?.trim() || undefined;
    const name = basename(file);
    const source = readTextFile(file);
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(source, { bom: true, delimiter: delimiterOf(source), columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true });
    } catch (error) {
      throw new InputError(`${name}: not valid CSV: ${(error as Error).message}`);
    }
    if (!rows.length) throw new InputError(`${name}: no rows under its header`);
    if (!('ref' in rows[0])) throw new InputError(`${name}: the header row needs a ref column (ref,label[,text]); found ${Object.keys(rows[0]).join(',')}`);
    const qrOpts = qrOptions(values);
    // Two refs whose file names differ only in case would overwrite each other on macOS and Windows.
    const seen = new Map<string, { line: number; ref: string }>();
    // A warning about the flags (--margin, --color) reads the same on every row: it is said once.
    // One about a row's own ref, text or room for the logo names its row and column.
    const said = new Set<string>();
    const columns = isOptin(values) ? OPTIN_COLUMNS : COLUMNS;
    // Without a channel column, a row is a Messenger row when --page is given, else an Instagram row.
    const channelOf = (row: Record<string, string>, line: number): 'messenger' | 'instagram' => {
      const channel = (row.channel || (values.page === undefined && (values.instagram !== undefined || row.instagram) ? 'instagram' : 'messenger')).toLowerCase();
      if (channel === 'messenger' || channel === 'instagram') return channel;
      throw new InputError(`${name}: row ${line}, column channel: "${row.channel}" must be messenger or instagram`);
    };
    const where = (line: number, field: string) => `${name}: row ${line}, ${columns[field] ?? `column ${field}`}`;
    const warnRow = (line: number, problems: readonly Problem[]) => {
      for (const p of problems.filter((p) => p.severity === 'warning')) {
        const text = ['ref', 'text'].includes(p.field) ? `${where(line, p.field)}: ${p.message}` : p.field === 'logo' ? `${name}: row ${line}: ${p.message}` : `${flagOf(p.field)}: ${p.message}`;
        if (said.has(text)) continue;
        said.add(text);
        io.warn(`warning: ${text}`);
      }
    };
    // Each row's files go to the staging folder as soon as they are made: memory holds one code
    // at a time, and a bad row anywhere discards them all, so nothing is half-written.
    const made = !existsSync(values.out);
    makeOutputFolder(values.out);
    const staging = stage(values.out);
    const items: SheetItem[] = [];
    try {
      // Eight rows in flight: one row's PNG compresses while the next is drawn. Each row is checked
      // in file order (the checks run before the first await), and the first bad row is the one named.
      for (let start = 0; start < rows.length; start += 8) {
        const done = await Promise.allSettled(rows.slice(start, start + 8).map((row, i) => batchRow(row, start + i + 2, staging)));
        for (const result of done) {
          if (result.status === 'rejected') throw result.reason;
          items.push(result.value);
        }
      }
      staging.write('links.csv', ['ref,label,link,channel', ...items.map((i) => [i.ref, i.label, i.href, i.channel].map(csvCell).join(','))].join('\r\n') + '\r\n');
      staging.write('index.html', contactSheet(items, { title, lang }));
    } catch (error) {
      staging.discard();
      // A folder made for this run goes too: a failed run leaves nothing behind.
      if (made) rmSync(values.out, { recursive: true, force: true });
      throw error;
    }
    staging.commit();
    io.out(`${items.length} ${items.length === 1 ? 'code' : 'codes'} written to ${values.out}`);

    async function batchRow(row: Record<string, string>, line: number, files: Staging) {
      if (!row.ref) throw new InputError(`${name}: row ${line} has no ref`);
      const channel = channelOf(row, line);
      const text = row.text ? { text: row.text } : {};
      const options = (
        channel === 'instagram'
          ? { username: row.instagram || values.instagram || '', ref: row.ref, ...text }
          : { ...linkOptions({ ...values, instagram: undefined }), ref: row.ref, ...text }
      ) as LinkOptions;
      try {
        const href = messengerLink(options);
        // Built and checked just now: encoded without being parsed again.
        const code = encodeQr(href, qrOpts);
        warnRow(line, [...checkLink(options), ...code.warnings]);
        // A ref may have a code on each channel: an Instagram row's files say so in their names.
        const stem = (channel === 'instagram' ? 'instagram-' : '') + fileStem(row.ref);
        const earlier = seen.get(stem.toLowerCase());
        if (earlier?.ref === row.ref) throw new InputError(`${name}: row ${line} repeats the ref "${row.ref}" of row ${earlier.line}: refs must tell rows apart`);
        if (earlier) throw new InputError(`${name}: row ${line} (ref "${row.ref}") would write the same files as row ${earlier.line} (ref "${earlier.ref}"): refs must differ in more than case and punctuation`);
        seen.set(stem.toLowerCase(), { line, ref: row.ref });
        // qrFile checks --size (the first row names a bad one); the disk writes while the next row draws.
        const [png, svg] = await Promise.all([qrFile('png', href, code, values.size), qrFile('svg', href, code, undefined)]);
        await Promise.all([files.writeLater(`${stem}.png`, png), files.writeLater(`${stem}.svg`, svg)]);
        return { href, stem, ref: row.ref, label: row.label ?? '', channel };
      } catch (error) {
        if (error instanceof InputError) throw error;
        const { field, message } = error as { field?: string; message: string };
        const at = field && columns[field] ? where(line, field) : `${name}: row ${line}: ${flagOf(field ?? 'ref')}`;
        throw new InputError(`${at}: ${message}`);
      }
    }
  },
};

export const COMMANDS: Record<string, Command> = { link, qr, email, batch, parse: parseCommand, check, webhook, report, dashboard, import: importCommand, forget };
