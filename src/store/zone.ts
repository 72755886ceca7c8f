import { StoreError } from './errors.js';

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

/** The local date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export const dateIn = (timeZone: string, at: number) => new Date(at + offsetAt(timeZone, at)).toISOString().slice(0, 10);

/** The date after `YYYY-MM-DD`. */
export const nextDate = (date: string) => new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
