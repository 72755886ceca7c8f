// What the dashboard and the HTML report show, computed by the store: the funnel over a range and
// the one before it, a day-by-day series per channel, and the tables per ref, channel and source.
import { type ReportCounts, type ReportGroup, type Store, StoreError } from '../store/index.js';
import { dateIn, nextDate } from '../store/zone.js';
import { CLICK_CHANNELS } from '../webhook/index.js';
import { addDays, daysBetween } from './dashboard/format.js';

/** The channels a view splits its daily series by. */
export const CHANNELS = CLICK_CHANNELS;
export type Channel = (typeof CHANNELS)[number];

/** One row of the links.csv that mme batch wrote. */
export interface LinkLabel {
  readonly ref: string;
  readonly channel: string;
  readonly label: string;
}

/** One day of the chart: clicks and chats per channel. */
export interface DayPoint {
  readonly date: string;
  readonly clicks: Record<Channel, number>;
  readonly chats: Record<Channel, number>;
}

/** Everything one view of the dashboard shows, as JSON. */
export interface Views {
  readonly timeZone: string;
  /** The range shown (days, both counted), or null for all time. */
  readonly since: string | null;
  readonly until: string | null;
  /** The same number of days just before, when the range has a start. */
  readonly previous: { readonly since: string; readonly until: string; readonly total: ReportCounts } | null;
  readonly total: ReportCounts;
  readonly days: DayPoint[];
  /** A row per ref and channel, labelled from links.csv, every ref of it shown (also at zero). */
  readonly refs: (ReportGroup & { label?: string })[];
  readonly channels: ReportGroup[];
  readonly sources: ReportGroup[];
  /** Whether the store has counted nothing at all yet (not only in this range). */
  readonly empty: boolean;
  /** When these figures were read, in milliseconds. */
  readonly at: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A report's rows per ref and channel with their labels from links.csv, and every ref of it shown, also at zero. */
export function withLabels(groups: readonly ReportGroup[], links: ReadonlyMap<string, LinkLabel>): (ReportGroup & { label: string })[] {
  const id = (ref: string | null, channel?: string) => JSON.stringify([ref, channel]);
  const shown = new Set(groups.map((g) => id(g.group, g.channel)));
  const zero = { clicks: 0, chats: 0, people: 0, newPeople: 0, rate: null };
  const unseen = [...links].filter(([key]) => !shown.has(key)).map(([, link]) => ({ group: link.ref, channel: link.channel, ...zero }));
  return [...groups, ...unseen].map((g) => ({ ...g, label: links.get(id(g.group, g.channel))?.label ?? '' }));
}

/**
 * The views of a range of days in `timeZone`: `since` and `until` are days (both counted), either
 * left out for an open end. The store counts every figure; nothing here adds up referrals.
 */
export async function views(store: Store, query: { since?: string; until?: string; timeZone: string; links?: ReadonlyMap<string, LinkLabel> }): Promise<Views> {
  const { timeZone, links } = query;
  for (const [name, value] of [['since', query.since], ['until', query.until]] as const) {
    if (value !== undefined && !DAY.test(value)) throw new StoreError('range-invalid', name, `"${value}" is not a day such as 2026-11-01`);
  }
  const range = { since: query.since, until: query.until, timeZone };
  const [refs, channels, sources] = await Promise.all([store.report({ ...range, by: 'ref' }), store.report({ ...range, by: 'channel' }), store.report({ ...range, by: 'source' })]);
  // Nothing in the range: whether anything was ever counted says which page to show.
  const none = (total: ReportCounts) => total.chats === 0 && total.clicks === 0;
  const empty = none(refs.total) && (query.since === undefined && query.until === undefined ? true : none((await store.report({ by: 'channel', timeZone })).total));

  // The chart: every day of the range (of what is recorded, for all time), each channel's counts from the store.
  const days: DayPoint[] = [];
  if (!empty) {
    const counts = await store.daily(range);
    const today = dateIn(timeZone, Date.now());
    const first = query.since ?? counts[0]?.date ?? today;
    const last = query.until ?? today;
    const byDate = new Map<string, DayPoint>();
    for (let date = first; date <= last; date = nextDate(date)) {
      const point = { date, clicks: { messenger: 0, instagram: 0, whatsapp: 0 }, chats: { messenger: 0, instagram: 0, whatsapp: 0 } };
      byDate.set(date, point);
      days.push(point);
    }
    for (const c of counts) {
      const point = byDate.get(c.date);
      if (!point || !(CHANNELS as readonly string[]).includes(c.channel)) continue;
      point.clicks[c.channel as Channel] += c.clicks;
      point.chats[c.channel as Channel] += c.chats;
    }
  }

  let previous: Views['previous'] = null;
  if (query.since !== undefined) {
    const length = daysBetween(query.since, query.until ?? dateIn(timeZone, Date.now()));
    const until = addDays(query.since, -1);
    const since = addDays(query.since, -length);
    previous = { since, until, total: (await store.report({ by: 'channel', since, until, timeZone })).total };
  }

  const rows = links?.size ? withLabels(refs.groups, links) : refs.groups;
  return { timeZone, since: query.since ?? null, until: query.until ?? null, previous, total: refs.total, days, refs: rows, channels: channels.groups, sources: sources.groups, empty, at: Date.now() };
}
