import type { Engine } from './engine.js';
import { StoreError } from './errors.js';
import { CLICK_CHANNELS } from '../webhook/index.js';
import { dateIn, nextDate, offsetAt, startOfDay } from './zone.js';

/** What a report groups by. */
export type ReportBy = 'ref' | 'channel' | 'source' | 'day' | 'handoff';
export const REPORT_BY: readonly ReportBy[] = ['ref', 'channel', 'source', 'day', 'handoff'];

export interface ReportQuery {
  /**
   * What a row is: a ref on a channel, a channel, a source (`SHORTLINK`, `ADS`…), a day, or how
   * a click handed the person over (`link`, `qr`, `open-here`). @default 'ref'
   */
  readonly by?: ReportBy;
  /**
   * Where the report starts: a day (`2026-11-01`, from its midnight in `timeZone`), an ISO time
   * with its offset, or milliseconds since the epoch. @default the first referral
   */
  readonly since?: number | string;
  /**
   * Where it ends: a day (`2026-11-30`, counted whole), or an ISO time or milliseconds (the first
   * instant no longer counted). @default after the last referral
   */
  readonly until?: number | string;
  /** The IANA time zone days are read in. @default the machine's */
  readonly timeZone?: string;
  /** Only this channel's clicks and chats: `messenger`, `instagram` or `whatsapp`. @default every channel */
  readonly channel?: string;
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

/**
 * The funnel of one group. A figure the group cannot tell is null, not 0: a click has no source
 * (by source, clicks count in the total only), and a conversation does not say how its click
 * handed the person over (by handoff, chats and people count in the total only).
 */
export interface ReportGroup {
  /** The ref, channel, source, day (`YYYY-MM-DD`) or handoff; null for those without one. */
  readonly group: string | null;
  readonly clicks: number | null;
  readonly chats: number | null;
  readonly people: number | null;
  readonly newPeople: number | null;
  /** Chats per click; null without clicks, or where either is not known. */
  readonly rate: number | null;
  /** The channel of a ref's row: a ref used on two channels has a row on each. */
  readonly channel?: string;
}

export interface Report {
  readonly by: ReportBy;
  readonly timeZone: string;
  readonly groups: ReportGroup[];
  readonly total: ReportCounts;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHANNELS: readonly string[] = CLICK_CHANNELS;

/** A `since` or `until` as an instant: a day read in `timeZone`, an ISO time, or milliseconds. */
function instant(value: number | string | undefined, field: 'since' | 'until', timeZone: string): number | undefined {
  if (value === undefined) return undefined;
  // A real day of the calendar: 2026-02-30 is not one.
  if (typeof value === 'string' && DATE.test(value) && new Date(Date.parse(value) || 0).toISOString().slice(0, 10) === value) {
    return startOfDay(timeZone, field === 'since' ? value : nextDate(value));
  }
  const at = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : value;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) {
    throw new StoreError('range-invalid', field, `"${value}" is not a day such as 2026-11-01, a time such as 2026-11-01T09:00:00+01:00, or milliseconds since 1970`);
  }
  return at;
}

/**
 * The funnel per group, each figure counted by the database. Distinct people are counted by
 * reading an index in the order of the groups (a scan, not a sort), and days one day at a time
 * (an index range each, from local midnight to local midnight), so that memory stays flat and
 * millions of referrals take seconds.
 */
export async function report(engine: Engine, query: ReportQuery): Promise<Report> {
  const by = query.by ?? 'ref';
  if (!REPORT_BY.includes(by)) throw new StoreError('by-invalid', 'by', `"${by}" must be ${REPORT_BY.join(', ')}`);
  const timeZone = query.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  offsetAt(timeZone, 0);
  const since = instant(query.since, 'since', timeZone);
  const until = instant(query.until, 'until', timeZone);
  if (since !== undefined && until !== undefined && since >= until) throw new StoreError('range-invalid', 'until', `"${query.until}" is before since "${query.since}"`);
  const { channel } = query;
  if (channel !== undefined && !CHANNELS.includes(channel)) throw new StoreError('channel-invalid', 'channel', `"${channel}" must be ${CHANNELS.join(', ')}`);
  // No condition at all where the range is open: the group's index then serves the whole count.
  // A channel is one of three known words, so it is written into the statement as it is.
  const within = (column: string) => [since === undefined ? '' : `${column} >= ${since}`, until === undefined ? '' : `${column} < ${until}`, channel === undefined ? '' : `channel = '${channel}'`].filter(Boolean);
  const where = (column: string, ...more: string[]) => {
    const all = [...more, ...within(column)];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const recorded = 'claim IS NULL';

  const groups = by === 'day' ? await byDay(engine, timeZone, since, until, channel === undefined ? '' : ` AND channel = '${channel}'`) : by === 'handoff' ? await byHandoff(engine, where) : await byColumn(engine, by, where, recorded);
  // The groups cover the whole range, and each chat, each person's first chat and each click is
  // in exactly one of them: the total is their sum, but for distinct people (a person chats in
  // several groups) and clicks by source (a click has none).
  const sum = (field: 'chats' | 'newPeople' | 'clicks') => groups.reduce((n, g) => n + (g[field] ?? 0), 0);
  const [[people], [clicks], [chats]] = await Promise.all([
    // Everyone recorded has a row in mme_people: over all time, that is the count.
    since === undefined && until === undefined && channel === undefined
      ? engine.query('SELECT COUNT(*) AS n FROM mme_people')
      : engine.query(`SELECT COUNT(DISTINCT person) AS n FROM mme_referrals ${where('at', recorded)}`),
    by === 'source' ? engine.query(`SELECT COUNT(*) AS n FROM mme_clicks ${where('at')}`) : Promise.resolve([{ n: sum('clicks') }]),
    by === 'handoff'
      ? engine.query(`SELECT r.n AS chats, p.n AS new_people FROM (SELECT COUNT(*) AS n FROM mme_referrals ${where('at', recorded)}) AS r, (SELECT COUNT(*) AS n FROM mme_people ${where('first_at')}) AS p`)
      : Promise.resolve([{ chats: sum('chats'), new_people: sum('newPeople') }]),
  ]);
  const total = withRate({ clicks: Number(clicks.n), chats: Number(chats.chats), people: Number(people.n), newPeople: Number(chats.new_people) });
  return { by, timeZone, groups, total };
}

type Counts = { -readonly [K in Exclude<keyof ReportCounts, 'rate'>]: number };
type Sums = { group: string | null; channel?: string; clicks: number | null; chats: number; people: number; newPeople: number };
/** Counts with their chats per click: null without clicks, or where chats are not known. */
const withRate = <T extends { clicks: number | null; chats: number | null }>(counts: T): T & { rate: number | null } => ({
  ...counts,
  rate: counts.clicks && counts.chats !== null ? counts.chats / counts.clicks : null,
});

/** Clicks per handoff: a conversation does not say how it was handed over, so chats stay in the total. */
async function byHandoff(engine: Engine, where: (column: string, ...more: string[]) => string): Promise<ReportGroup[]> {
  const rows = await engine.query(`SELECT handoff AS g, COUNT(*) AS n FROM mme_clicks ${where('at')} GROUP BY handoff`);
  return rows
    .map((row) => withRate({ group: row.g == null ? null : String(row.g), clicks: Number(row.n), chats: null, people: null, newPeople: null }))
    .sort((a, b) => b.clicks - a.clicks || String(a.group ?? '\uffff').localeCompare(String(b.group ?? '\uffff')));
}

async function byColumn(engine: Engine, by: Exclude<ReportBy, 'day'>, where: (column: string, ...more: string[]) => string, recorded: string): Promise<ReportGroup[]> {
  const columns = by === 'ref' ? 'ref, channel' : by;
  const select = by === 'ref' ? 'ref AS g, channel AS c' : `${by} AS g`;
  const [chats, newPeople, clicks] = await Promise.all([
    engine.query(`SELECT ${select}, COUNT(*) AS chats, COUNT(DISTINCT person) AS people FROM mme_referrals ${where('at', recorded)} GROUP BY ${columns}`),
    engine.query(`SELECT ${select}, COUNT(*) AS n FROM mme_people ${where('first_at')} GROUP BY ${columns}`),
    // A click has no source: by source, clicks count in the total only.
    by === 'source' ? Promise.resolve([]) : engine.query(`SELECT ${select}, COUNT(*) AS n FROM mme_clicks ${where('at')} GROUP BY ${columns}`),
  ]);
  const groups = new Map<string, Sums>();
  const groupOf = (row: Record<string, unknown>): Sums => {
    const group = row.g == null ? null : String(row.g);
    const channel = by === 'ref' ? String(row.c) : undefined;
    const id = JSON.stringify([group, channel]);
    let sums = groups.get(id);
    if (!sums) groups.set(id, (sums = { group, ...(channel === undefined ? {} : { channel }), clicks: by === 'source' ? null : 0, chats: 0, people: 0, newPeople: 0 }));
    return sums;
  };
  for (const row of chats) Object.assign(groupOf(row), { chats: Number(row.chats), people: Number(row.people) });
  for (const row of newPeople) groupOf(row).newPeople = Number(row.n);
  for (const row of clicks) groupOf(row).clicks = Number(row.n);
  const last = '\uffff';
  return [...groups.values()]
    .map(withRate)
    .sort((a, b) => b.chats - a.chats || (b.clicks ?? 0) - (a.clicks ?? 0) || String(a.group ?? last).localeCompare(String(b.group ?? last)) || String(a.channel).localeCompare(String(b.channel)));
}

/** Every day from the first to the last of the range (or of what is recorded), the empty ones too. */
async function byDay(engine: Engine, timeZone: string, since: number | undefined, until: number | undefined, onChannel: string): Promise<ReportGroup[]> {
  let first = since;
  let last = until;
  if (first === undefined || last === undefined) {
    const bounds = await Promise.all([
      engine.query('SELECT MIN(at) AS lo, MAX(at) AS hi FROM mme_referrals WHERE claim IS NULL'),
      engine.query('SELECT MIN(at) AS lo, MAX(at) AS hi FROM mme_clicks'),
    ]);
    const los = bounds.map(([row]) => row?.lo).filter((v) => v != null).map(Number);
    const his = bounds.map(([row]) => row?.hi).filter((v) => v != null).map(Number);
    if (!los.length) return [];
    first ??= Math.min(...los);
    last ??= Math.max(...his) + 1;
    if (first >= last) return [];
  }
  const rows: ReportGroup[] = [];
  const lastDate = dateIn(timeZone, last - 1);
  for (let date = dateIn(timeZone, first); date <= lastDate; date = nextDate(date)) {
    // From local midnight to local midnight, whatever the clocks did that day, within the range.
    const from = Math.max(startOfDay(timeZone, date), first);
    const to = Math.min(startOfDay(timeZone, nextDate(date)), last);
    // One read of the day's referrals for both its counts, beside its new people and its clicks.
    const [row] = await engine.query(`SELECT r.chats, r.people, p.n AS new_people, c.n AS clicks FROM
      (SELECT COUNT(*) AS chats, COUNT(DISTINCT person) AS people FROM mme_referrals WHERE claim IS NULL AND at >= ${from} AND at < ${to}${onChannel}) AS r,
      (SELECT COUNT(*) AS n FROM mme_people WHERE first_at >= ${from} AND first_at < ${to}${onChannel}) AS p,
      (SELECT COUNT(*) AS n FROM mme_clicks WHERE at >= ${from} AND at < ${to}${onChannel}) AS c`);
    rows.push(withRate({ group: date, clicks: Number(row.clicks), chats: Number(row.chats), people: Number(row.people), newPeople: Number(row.new_people) }));
  }
  return rows;
}

/** One day of one channel: its clicks and its chats. */
export interface DailyCount {
  /** The day, `YYYY-MM-DD`, in the query's time zone. */
  readonly date: string;
  readonly channel: string;
  readonly clicks: number;
  readonly chats: number;
}

/** Every time zone's offset is a whole number of quarter hours: a quarter hour falls on one local day. */
const QUARTER = 900_000;

/**
 * Clicks and chats per day and channel over a range, for a chart: one grouped read of each table,
 * in quarter hours (each on one local day, whatever the clocks did), put on their days here.
 * Memory grows with the days of the range, not with the referrals. Days without any are left out.
 */
export async function daily(engine: Engine, query: Omit<ReportQuery, 'by' | 'channel'>): Promise<DailyCount[]> {
  const timeZone = query.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  offsetAt(timeZone, 0);
  let since = instant(query.since, 'since', timeZone);
  const until = instant(query.until, 'until', timeZone);
  if (since === undefined) {
    const [row] = await engine.query('SELECT MIN(m) AS lo FROM (SELECT MIN(at) AS m FROM mme_referrals WHERE claim IS NULL UNION ALL SELECT MIN(at) AS m FROM mme_clicks) AS b');
    if (row?.lo == null) return [];
    since = Number(row.lo);
  }
  const base = since - (since % QUARTER);
  const range = `at >= ${since}${until === undefined ? '' : ` AND at < ${until}`}`;
  const [chats, clicks] = await Promise.all([
    engine.query(`SELECT channel, (at - ${base}) / ${QUARTER} AS q, COUNT(*) AS n FROM mme_referrals WHERE claim IS NULL AND ${range} GROUP BY channel, q`),
    engine.query(`SELECT channel, (at - ${base}) / ${QUARTER} AS q, COUNT(*) AS n FROM mme_clicks WHERE ${range} GROUP BY channel, q`),
  ]);
  const days = new Map<string, { date: string; channel: string; clicks: number; chats: number }>();
  const dates = new Map<number, string>();
  const add = (rows: Record<string, unknown>[], field: 'clicks' | 'chats') => {
    for (const row of rows) {
      const q = Number(row.q);
      let date = dates.get(q);
      if (!date) dates.set(q, (date = dateIn(timeZone, base + q * QUARTER)));
      const id = `${date} ${row.channel}`;
      let day = days.get(id);
      if (!day) days.set(id, (day = { date, channel: String(row.channel), clicks: 0, chats: 0 }));
      day[field] += Number(row.n);
    }
  };
  add(chats, 'chats');
  add(clicks, 'clicks');
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date) || a.channel.localeCompare(b.channel));
}
