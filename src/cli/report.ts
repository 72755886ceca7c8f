import { basename } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseLink } from '../link/index.js';
import { type Report, type ReportBy, type ReportCounts, type ReportGroup } from '../store/index.js';
import type { Command } from './commands.js';
import { csvCell, rateCell } from './csv.js';
import { InputError, UsageError, asInputError } from './errors.js';
import { checkOutputFile, readTextFile, writeOutputFile } from './files.js';
import { htmlReport } from './dashboard/static.js';
import { type LinkLabel, views, withLabels } from './views.js';
import { DB_OPTIONS, dbOf, describeDb, open } from './store.js';
import { parse } from './options.js';

const FORMATS = ['table', 'csv', 'json', 'html'] as const;
/** The rows of a links.csv that mme batch wrote: (ref, channel) → label. */
export function readLinks(file: string): Map<string, LinkLabel> {
  const links = new Map<string, LinkLabel>();
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(readTextFile(file), { bom: true, columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`--links: ${basename(file)} is not valid CSV: ${(error as Error).message}`);
  }
  if (rows.length && !('ref' in rows[0])) throw new InputError(`--links: ${basename(file)} has no ref column: give the links.csv that mme batch wrote`);
  for (const row of rows) {
    if (!row.ref) continue;
    // Files from before Instagram have no channel column: the link tells.
    let channel = row.channel;
    if (!channel) {
      try {
        channel = parseLink(row.link ?? '').kind === 'instagram' ? 'instagram' : 'messenger';
      } catch {
        channel = 'messenger';
      }
    }
    links.set(JSON.stringify([row.ref, channel]), { ref: row.ref, channel, label: row.label ?? '' });
  }
  return links;
}

const NONE: Record<ReportBy, string> = { ref: '(no ref)', channel: '', source: '(no source)', day: '', handoff: '(not told)' };
const LEGEND = 'chats started: conversations opened from a link or code, each counted once · people: distinct people · new people: their first conversation ever · chats per click: chats started ÷ clicks · –: none, or not known for the group (a click has no source; a chat does not say its handoff: those count in the total)';

export const report: Command = {
  summary: 'the funnel per ref, channel, source or day: clicks, chats, people, new people',
  help: `Usage: mme report [--db mme.db|postgres://…] [--by ref|channel|source|day|handoff] [--since DATE] [--until DATE]
                  [--timezone ZONE] [--links links.csv] [--format table|csv|json|html] [--out FILE]

Counts what the store holds, per group: clicks on the kit's buttons, chats started (each
conversation once), people (distinct), new people (whose first conversation ever falls in the
group) and chats per click, with a total. Counted by the database, so a report of millions of
referrals takes seconds and little memory.

  --by KEY         ref (default; a ref used on two channels has a row on each), channel,
                   source (SHORTLINK for links and codes, ADS…), day (every day, empty ones
                   too) or handoff (how clicks handed over: link, qr, open-here)
  --since DATE     from this day on (2026-11-01), or from a time (2026-11-01T09:00:00+01:00)
  --until DATE     up to and including this day, or up to a time
  --timezone ZONE  the zone days are read in (default the machine's: ${Intl.DateTimeFormat().resolvedOptions().timeZone})
  --links FILE     the links.csv that mme batch wrote: each ref's label ("North store"), and
                   every ref in it shown, also at zero
  --format F       table (default), csv, json (stable names: clicks, chats, people, newPeople,
                   rate), or html: the dashboard's views (totals against the days before, the
                   chart per day, per ref, channel and source) as one file that makes no
                   request when opened and prints on A4; --since and --until are days then
  --out FILE       write the report to FILE instead of the terminal
  --db DB          the store (default MME_DB, else mme.db in this folder)`,
  async run(args, io) {
    const { values, positionals } = parse(args, { by: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, timezone: { type: 'string' }, links: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, db: DB_OPTIONS.db }, 1);
    if (positionals[0]) throw new UsageError(`mme report reads the store now (--db), not a log: move "${positionals[0]}" in first with mme import ${positionals[0]}`);
    const by = (values.by ?? 'ref') as ReportBy;
    const format = (values.format ?? 'table') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new InputError(`--format: "${values.format}" must be ${FORMATS.join(', ')}`);
    const timeZone = values.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const links = values.links === undefined ? undefined : readLinks(values.links);
    const db = dbOf(values);
    if (values.out !== undefined) checkOutputFile(values.out);
    const text = await render();
    if (values.out === undefined) io.out(text);
    else {
      writeOutputFile(values.out, `${text}\n`);
      io.out(`Report written to ${values.out}`);
    }

    /** The report as text, in the format asked for, read from the store the command names. */
    async function render(): Promise<string> {
      const store = await open(db, {}, { existing: true });
      try {
        // The HTML report is the dashboard's views of a range of days.
        if (format === 'html') return htmlReport(await views(store, { since: values.since, until: values.until, timeZone, links }));
        return formatted(await store.report({ by, since: values.since, until: values.until, timeZone }));
      } catch (error) {
        throw asInputError(error);
      } finally {
        await store.close();
      }
    }

    /** A report as a table, CSV or JSON. */
    function formatted(result: Report): string {
      type Row = ReportGroup & { label?: string };
      const labelled = Boolean(links && by === 'ref');
      const groups: Row[] = labelled ? withLabels(result.groups, links!) : result.groups;

      if (format === 'json') {
        return JSON.stringify({ by, timeZone, groups, total: result.total }, null, 2);
      }
      const numbers = (c: ReportCounts | ReportGroup, rate: (r: number | null) => string, none: string) => [...[c.clicks, c.chats, c.people, c.newPeople].map((n) => (n === null ? none : String(n))), rate(c.rate)];
      const keyCells = (g: Row, none: string) => [g.group ?? none, ...(by === 'ref' ? [g.channel ?? ''] : []), ...(labelled ? [g.label ?? ''] : [])];
      const keyHeader = [by, ...(by === 'ref' ? ['channel'] : []), ...(labelled ? ['label'] : [])];
      if (format === 'csv') {
        const header = [...keyHeader, 'clicks', 'chats', 'people', 'newPeople', 'rate'];
        const lines = [header, ...groups.map((g) => [...keyCells(g, ''), ...numbers(g, rateCell, '')]), ['total', ...keyHeader.slice(1).map(() => ''), ...numbers(result.total, rateCell, '')]];
        return lines.map((line) => line.map(csvCell).join(',')).join('\n');
      }
      if (!groups.length) {
        return `Nothing recorded in ${describeDb(db)}${values.since || values.until ? ' in that range' : ' yet'}: mme webhook records each conversation there as Meta delivers it.`;
      }
      const rate = (r: number | null) => (r === null ? '–' : r.toFixed(2));
      const header = [...keyHeader, 'clicks', 'chats started', 'people', 'new people', 'chats per click'];
      const cells = [...groups.map((g) => [...keyCells(g, NONE[by]), ...numbers(g, rate, '–')]), ['total', ...keyHeader.slice(1).map(() => ''), ...numbers(result.total, rate, '–')]];
      const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i].length)));
      const numeric = (i: number) => i >= keyHeader.length;
      const line = (row: string[]) => row.map((cell, i) => (numeric(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
      const rule = line(widths.map((w) => '-'.repeat(w)));
      return [line(header), rule, ...cells.slice(0, -1).map(line), rule, line(cells.at(-1)!), '', LEGEND].join('\n');
    }
  },
};
