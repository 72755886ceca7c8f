import { StoreError } from './errors.js';

const DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter for `timeZone`, checked once. @throws {StoreError} `timezone-invalid`. */
function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      throw new StoreError('timezone-invalid', 'timeZone', `"${timeZone}" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York`);
    }
    formats.set(timeZone, format);
  }
  return format;
}

/** How far `timeZone`'s clocks are ahead of UTC at the instant `at`, in milliseconds. */
export function offsetAt(timeZone: string, at: number): number {
  const parts = Object.fromEntries(formatOf(timeZone).formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a wall-clock day starts in `timeZone`: `2026-11-01` → its local midnight. */
export function startOfDay(timeZone: string, date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // The offset at the guess, then at the corrected instant: right across a change of clocks.
  let at = wall - offsetAt(timeZone, wall);
  at = wall - offsetAt(timeZone, at);
  return at;
}

/** The local date (`YYYY-MM-DD`) of a day number: days since 1970-01-01 on the zone's clocks. */
export const dateOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** The day number of the local date `YYYY-MM-DD`. */
export const dayOfDate = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** Spans of one offset: each holds from the previous span's `until` to its own. */
export interface OffsetSpan {
  readonly until: number;
  readonly offset: number;
}

/**
 * The offsets `timeZone` has between `from` and `to`: one span per change of clocks, each change
 * found to the second. The last span runs on past `to`.
 */
export function offsetSpans(timeZone: string, from: number, to: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let offset = offsetAt(timeZone, from);
  // Zones change their clocks at most a few times a year, never twice within 6 hours.
  const step = 6 * 3600_000;
  for (let at = from; at < to; at += step) {
    const next = Math.min(at + step, to);
    const later = offsetAt(timeZone, next);
    if (later === offset) continue;
    let low = at;
    let high = next;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetAt(timeZone, middle) === offset) low = middle;
      else high = middle;
    }
    spans.push({ until: high, offset });
    offset = later;
  }
  spans.push({ until: Infinity, offset });
  return spans;
}
