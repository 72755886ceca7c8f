import type { Engine } from './engine.js';
import { StoreError } from './errors.js';
import { dateOfDay, dayOfDate, offsetAt, offsetSpans } from './zone.js';

/** What a report groups by. */
export type ReportBy = 'ref' | 'channel' | 'source' | 'day';
export const REPORT_BY: readonly ReportBy[] = ['ref', 'channel', 'source', 'day'];

export interface ReportQuery {
  /** What a row is: a ref on a channel, a channel, a source (`SHORTLINK`, `ADS`…) or a day. @default 'ref' */
  readonly by?: ReportBy;
  /** The first instant counted, in milliseconds since the epoch. @default the first referral */
  readonly since?: number;
  /** The first instant no longer counted. @default after the last referral */
  readonly until?: number;
  /** The IANA time zone days are read in. @default the machine's */
  readonly timeZone?: string;
}

/** The funnel of one group. */
export interface ReportCounts {
  /** Clicks on the kit's buttons that sent someone toward a chat. */
  readonly clicks: number;
  /** Conversations started with a referral, each counted once. */
  readonly chats: number;
  /** Distinct people among them. */
  readonly people: number;
  /** People whose first referral ever falls in the group. */
  readonly newPeople: number;
  /** Chats per click; null without clicks. */
  readonly rate: number | null;
}

export interface ReportGroup extends ReportCounts {
  /** The ref, channel, source or day (`YYYY-MM-DD`); null for referrals without one. */
  readonly group: string | null;
  /** The channel of a ref's row: a ref used on two channels has a row on each. */
  readonly channel?: string;
}

export interface Report {
  readonly by: ReportBy;
  readonly timeZone: string;
  readonly groups: ReportGroup[];
  readonly total: ReportCounts;
}

const DAY = 86_400_000;
const MAX = 8_640_000_000_000_000;

function instant(value: number | undefined, field: 'since' | 'until'): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new StoreError('range-invalid', field, `${field} must be a time in whole milliseconds since 1970`);
  return value;
}

/** The funnel per group, each figure aggregated by the database over its whole range. */
export async function report(engine: Engine, query: ReportQuery): Promise<Report> {
  const by = query.by ?? 'ref';
  if (!REPORT_BY.includes(by)) throw new StoreError('by-invalid', 'by', `by: "${by}" must be ${REPORT_BY.join(', ')}`);
  const timeZone = query.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  offsetAt(timeZone, 0);
  const since = instant(query.since, 'since');
  const until = instant(query.until, 'until');
  if (since !== undefined && until !== undefined && since >= until) throw new StoreError('range-invalid', 'until', 'until must come after since');
  const from = since ?? 0;
  const to = until ?? MAX;

  // A day is read on the zone's clocks: the offset of each span of the range, as SQL both
  // engines run (whole numbers only, written into the statement).
  let first = since;
  let last = until;
  if (by === 'day' && (first === undefined || last === undefined)) {
    const [row] = await engine.query(`SELECT MIN(m) AS lo, MAX(n) AS hi FROM (
      SELECT MIN(at) AS m, MAX(at) AS n FROM mme_referrals WHERE claim IS NULL AND at >= ${from} AND at < ${to}
      UNION ALL SELECT MIN(at), MAX(at) FROM mme_clicks WHERE at >= ${from} AND at < ${to}) AS ranges`);
    if (row?.lo == null) return { by, timeZone, groups: [], total: counts(0, 0, 0, 0) };
    first ??= Number(row.lo);
    last ??= Number(row.hi) + 1;
  }
  const spans = by === 'day' ? offsetSpans(timeZone, first!, last!) : [];
  const dayOf = (column: string) => {
    const of = (offset: number) => `(${column} ${offset < 0 ? '-' : '+'} ${Math.abs(offset)}) / ${DAY}`;
    if (spans.length === 1) return of(spans[0].offset);
    return `CASE ${spans.slice(0, -1).map((s) => `WHEN ${column} < ${s.until} THEN ${of(s.offset)}`).join(' ')} ELSE ${of(spans.at(-1)!.offset)} END`;
  };
  const columns = (time: string) => (by === 'ref' ? 'ref, channel' : by === 'day' ? dayOf(time) : by);
  const select = (time: string) => (by === 'ref' ? 'ref AS g, channel AS c' : `${columns(time)} AS g`);

  const [chats, newPeople, clicks, [totals], [totalNew], [totalClicks]] = await Promise.all([
    engine.query(`SELECT ${select('at')}, COUNT(*) AS chats, COUNT(DISTINCT person) AS people FROM mme_referrals WHERE claim IS NULL AND at >= ${from} AND at < ${to} GROUP BY ${columns('at')}`),
    engine.query(`SELECT ${select('first_at')}, COUNT(*) AS n FROM mme_people WHERE first_at >= ${from} AND first_at < ${to} GROUP BY ${columns('first_at')}`),
    // A click has no source: by source, clicks count in the total only.
    by === 'source' ? Promise.resolve([]) : engine.query(`SELECT ${select('at')}, COUNT(*) AS n FROM mme_clicks WHERE at >= ${from} AND at < ${to} GROUP BY ${columns('at')}`),
    engine.query(`SELECT COUNT(*) AS chats, COUNT(DISTINCT person) AS people FROM mme_referrals WHERE claim IS NULL AND at >= ${from} AND at < ${to}`),
    engine.query(`SELECT COUNT(*) AS n FROM mme_people WHERE first_at >= ${from} AND first_at < ${to}`),
    engine.query(`SELECT COUNT(*) AS n FROM mme_clicks WHERE at >= ${from} AND at < ${to}`),
  ]);

  type Sums = { group: string | null; channel?: string; clicks: number; chats: number; people: number; newPeople: number };
  const groups = new Map<string, Sums>();
  const groupOf = (row: Record<string, unknown>): Sums => {
    const group = row.g == null ? null : by === 'day' ? dateOfDay(Number(row.g)) : String(row.g);
    const channel = by === 'ref' ? String(row.c) : undefined;
    const id = JSON.stringify([group, channel]);
    let sums = groups.get(id);
    if (!sums) groups.set(id, (sums = { group, ...(channel === undefined ? {} : { channel }), clicks: 0, chats: 0, people: 0, newPeople: 0 }));
    return sums;
  };
  for (const row of chats) Object.assign(groupOf(row), { chats: Number(row.chats), people: Number(row.people) });
  for (const row of newPeople) groupOf(row).newPeople = Number(row.n);
  for (const row of clicks) groupOf(row).clicks = Number(row.n);
  if (by === 'day') {
    // Every day of the range, the empty ones too.
    const lastDay = dayOfDate(dateOfDay(Math.floor((last! - 1 + offsetAt(timeZone, last! - 1)) / DAY)));
    for (let day = Math.floor((first! + offsetAt(timeZone, first!)) / DAY); day <= lastDay; day++) groupOf({ g: day });
  }
  const rows = [...groups.values()].map((g) => ({ ...g, rate: g.clicks ? g.chats / g.clicks : null }));
  rows.sort(by === 'day' ? (a, b) => (a.group! < b.group! ? -1 : 1) : (a, b) => b.chats - a.chats || b.clicks - a.clicks || String(a.group ?? '\uffff').localeCompare(String(b.group ?? '\uffff')) || String(a.channel).localeCompare(String(b.channel)));
  return { by, timeZone, groups: rows, total: counts(Number(totalClicks.n), Number(totals.chats), Number(totals.people), Number(totalNew.n)) };
}

const counts = (clicks: number, chats: number, people: number, newPeople: number): ReportCounts => ({ clicks, chats, people, newPeople, rate: clicks ? chats / clicks : null });
