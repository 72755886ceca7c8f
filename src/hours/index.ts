// Opening hours in schema.org's openingHours syntax (`Mo-Fr 09:00-18:00; Sa 10:00-14:00`), read in
// the business's time zone with the platform's Intl (no time-zone data shipped). No DOM: the
// button loads this module only when it has `hours`, and tests run it in Node.

/** A code for each way hours can be wrong. */
export type HoursProblemCode = 'hours-invalid' | 'timezone-invalid' | 'closed-on-invalid';

/** Thrown for hours, a time zone or closing dates that cannot be read; the message names the bad part. */
export class HoursError extends Error {
  override name = 'HoursError';
  constructor(
    readonly code: HoursProblemCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** One opening: a weekday (0 Monday … 6 Sunday) and its minutes from that day's midnight; `end` past 1440 runs into the next day. */
export interface Span {
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const DAY = 1440;

function minutes(text: string, end: boolean, rule: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  const value = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  // 24:00 ends a day; it starts none.
  if (!match || Number(match[2]) > 59 || value > DAY || (value === DAY && !end)) {
    throw new HoursError('hours-invalid', 'hours', `hours: "${rule}" has "${text}", which is not a time such as 09:00`);
  }
  return value;
}

function day(text: string, rule: string): number {
  const index = DAYS.indexOf(text);
  if (index < 0) throw new HoursError('hours-invalid', 'hours', `hours: "${rule}" has "${text}", which is not a day (Mo Tu We Th Fr Sa Su)`);
  return index;
}

/**
 * Reads openingHours text: rules separated by `;`, each days (`Mo`, `Mo-Fr`, `Mo,We,Fr`, `Fr-Mo`)
 * and time spans (`09:00-12:00,13:00-18:00`; a span ending before it starts runs past
 * midnight); days alone are open all day, times alone every day.
 * @throws {HoursError} `hours-invalid`, naming the rule and the part that cannot be read.
 * @example parseHours('Mo-Fr 09:00-18:00; Sa 10:00-14:00').length // 6
 */
export function parseHours(text: string): Span[] {
  const spans: Span[] = [];
  const rules = String(text).split(';').map((rule) => rule.trim()).filter(Boolean);
  if (!rules.length) throw new HoursError('hours-invalid', 'hours', 'hours is empty: write them as Mo-Fr 09:00-18:00; Sa 10:00-14:00');
  for (const rule of rules) {
    const [first, second, ...rest] = rule.split(/\s+/);
    if (rest.length) throw new HoursError('hours-invalid', 'hours', `hours: "${rule}" has more than days and times; separate rules with ;`);
    const timesOnly = /^\d/.test(first);
    const days = new Set<number>();
    for (const item of timesOnly ? ['Mo-Su'] : first.split(',')) {
      const [from, to = from, extra] = item.split('-');
      if (extra !== undefined) throw new HoursError('hours-invalid', 'hours', `hours: "${rule}" has "${item}", which is not a day or a range of days`);
      const start = day(from, rule);
      const end = day(to, rule);
      for (let d = start; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === end) break;
      }
    }
    const times = timesOnly ? first : second ?? '00:00-24:00';
    if (timesOnly && second !== undefined) throw new HoursError('hours-invalid', 'hours', `hours: "${rule}" should start with its days, as in Mo-Fr 09:00-18:00`);
    for (const span of times.split(',')) {
      const parts = span.split('-');
      if (parts.length !== 2) throw new HoursError('hours-invalid', 'hours', `hours: "${rule}" has "${span}", which is not a time span such as 09:00-18:00`);
      const start = minutes(parts[0], false, rule);
      let end = minutes(parts[1], true, rule);
      if (end === start) throw new HoursError('hours-invalid', 'hours', `hours: "${rule}" has "${span}", which opens and closes at once`);
      if (end < start) end += DAY;
      for (const d of days) spans.push({ day: d, start, end });
    }
  }
  return spans;
}

/** Reads `2026-12-24, 2026-12-25` into ISO dates. @throws {HoursError} `closed-on-invalid`. */
export function parseClosedOn(text: string): string[] {
  return String(text)
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((date) => {
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
      if (!valid) throw new HoursError('closed-on-invalid', 'closed-on', `closed-on: "${date}" is not a date such as 2026-12-24`);
      return date;
    });
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Checks an IANA time zone. @throws {HoursError} `timezone-invalid`. */
export function checkTimeZone(timeZone: string): string {
  try {
    wallClock(0, timeZone);
    return timeZone;
  } catch {
    throw new HoursError('timezone-invalid', 'timezone', `timezone "${timeZone}" is not a time zone such as Europe/Berlin`);
  }
}

/** Minutes since 1970-01-01 00:00 on the wall clocks of `timeZone` at the instant `ms`. */
function wallClock(ms: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour % 24, part.minute) / 60000;
}

/** Whether the business is open at a wall-clock minute (minutes since 1970-01-01 on its clocks). */
function openAt(wall: number, spans: readonly Span[], closed: ReadonlySet<number>): boolean {
  const date = Math.floor(wall / DAY);
  const minute = wall - date * DAY;
  // 1970-01-01 was a Thursday (3, counting from Monday).
  const weekday = (date + 3) % 7;
  const isClosed = (d: number) => closed.has(d);
  return spans.some(
    (span) =>
      // A span opens on its own day (unless that date is closed), and may run into the next one.
      (span.day === weekday && span.start <= minute && minute < span.end && !isClosed(date)) ||
      (span.day === (weekday + 6) % 7 && minute < span.end - DAY && !isClosed(date - 1)),
  );
}

/** Whether the business is open now, and when that changes. */
export interface HoursStatus {
  readonly open: boolean;
  /** The next instant (ms) the business opens or closes; null when nothing changes within 60 days. */
  readonly changesAt: number | null;
  /** The next instant (ms) it opens, when closed now; null when open, or closed for 60 days. */
  readonly opensAt: number | null;
}

/**
 * Where the hours stand at the instant `now` (ms) in `timeZone`: open or not, and the next change,
 * looked for at each span's start and end (and each midnight) over the next 60 days on the
 * business's clocks, then turned into an instant by the zone's offset at that time (so a change
 * of clocks in between is allowed for).
 */
export function hoursStatus(spans: readonly Span[], options: { timeZone: string; closedOn?: readonly string[]; now: number }): HoursStatus {
  const { timeZone, now } = options;
  // Closed dates as days since 1970-01-01, the unit of the wall clock's days.
  const closed = new Set((options.closedOn ?? []).map((date) => Date.parse(`${date}T00:00:00Z`) / (DAY * 60000)));
  const wall = wallClock(now, timeZone);
  const open = openAt(wall, spans, closed);
  // Openness changes only where a span starts or ends, or at midnight (a closed date).
  const marks = [...new Set([0, ...spans.flatMap((span) => [span.start, span.end % DAY])])].sort((a, b) => a - b);
  const today = Math.floor(wall / DAY) * DAY;
  for (let day = 0; day <= 60; day++) {
    for (const mark of marks) {
      const ahead = today + day * DAY + mark - wall;
      if (ahead <= 0 || openAt(wall + ahead, spans, closed) === open) continue;
      // The instant whose wall clock shows that minute: start from the same distance ahead, then
      // correct by the difference the zone's offset makes there.
      let at = (Math.floor(now / 60000) + ahead) * 60000;
      for (let i = 0; i < 2; i++) at += (wall + ahead - wallClock(at, timeZone)) * 60000;
      return { open, changesAt: at, opensAt: open ? null : at };
    }
  }
  return { open, changesAt: null, opensAt: null };
}

/** What a button with hours shows now: away or not, the next opening, when to look again, and what is wrong. */
export interface ButtonHours {
  readonly away: boolean;
  readonly opensAt: number | null;
  readonly changesAt: number | null;
  readonly problems: { code: HoursProblemCode | 'timezone-missing'; field: string; severity: 'error' | 'warning'; message: string }[];
}

/**
 * Reads a button's `hours`, `timezone` and `closed-on` at the instant `now`. Hours, a zone or
 * dates that cannot be read are errors (never "always open"); hours without a zone are read in
 * the visitor's, with a warning.
 */
export function buttonHours(attributes: { hours: string; timezone?: string; closedOn?: string }, now: number): ButtonHours {
  try {
    const spans = parseHours(attributes.hours);
    const closedOn = parseClosedOn(attributes.closedOn ?? '');
    const timeZone = attributes.timezone ? checkTimeZone(attributes.timezone) : Intl.DateTimeFormat().resolvedOptions().timeZone;
    const status = hoursStatus(spans, { timeZone, closedOn, now });
    const problems: ButtonHours['problems'] = attributes.timezone
      ? []
      : [{ code: 'timezone-missing', field: 'timezone', severity: 'warning', message: `timezone is missing: the hours are read in the visitor's time zone (${timeZone}); give the business's, such as Europe/Berlin` }];
    return { away: !status.open, opensAt: status.opensAt, changesAt: status.changesAt, problems };
  } catch (error) {
    if (!(error instanceof HoursError)) throw error;
    return { away: false, opensAt: null, changesAt: null, problems: [{ code: error.code, field: error.field, severity: 'error', message: error.message }] };
  }
}

/** An instant as a visitor reads it in `lang`: its weekday and time, in the visitor's zone ("Monday 9:00 AM"). */
export const visitorTime = (ms: number, lang: string): string => new Intl.DateTimeFormat(lang, { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(ms);
