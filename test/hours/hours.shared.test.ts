import { expect } from 'chai';
import fc from 'fast-check';
import { HoursError, buttonHours, checkTimeZone, hoursStatus, parseClosedOn, parseHours } from '../../src/hours/index.js';
import { describe, it } from '../helpers/harness.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());
const WEEK = 'Mo-Fr 09:00-18:00; Sa 10:00-14:00';

describe('opening hours (schema.org openingHours)', () => {
  it('reads day ranges, lists, several spans a day, spans past midnight, days alone and times alone', () => {
    expect(parseHours('Mo-Fr 09:00-18:00; Sa 10:00-14:00')).to.have.length(6);
    expect(parseHours('Mo,We,Fr 09:00-12:00,13:00-17:30')).to.deep.equal([
      { day: 0, start: 540, end: 720 }, { day: 2, start: 540, end: 720 }, { day: 4, start: 540, end: 720 },
      { day: 0, start: 780, end: 1050 }, { day: 2, start: 780, end: 1050 }, { day: 4, start: 780, end: 1050 },
    ]);
    expect(parseHours('Fr 18:00-02:00')).to.deep.equal([{ day: 4, start: 1080, end: 1560 }]);
    expect(parseHours('Sa-Mo 10:00-24:00').map((s) => s.day)).to.deep.equal([5, 6, 0]);
    expect(parseHours('Su')).to.deep.equal([{ day: 6, start: 0, end: 1440 }]);
    expect(parseHours('08:00-20:00')).to.have.length(7);
  });

  const bad: [string, RegExp][] = [
    ['', /empty/],
    ['Mo-Fr 9-18', /"9", which is not a time/],
    ['Mon-Fri 09:00-18:00', /"Mon"/],
    ['Mo-Fr 09:00-25:00', /"25:00"/],
    ['Mo 24:00-02:00', /"24:00"/],
    ['Mo 09:60-10:00', /"09:60"/],
    ['Mo 10:00-10:00', /opens and closes at once/],
    ['Mo-Fr 09:00-18:00 Sa 10:00-14:00', /separate rules with ;/],
    ['Mo-We-Fr 09:00-12:00', /"Mo-We-Fr"/],
  ];
  for (const [text, message] of bad) {
    it(`refuses ${JSON.stringify(text)} with hours-invalid, naming the bad part`, () => {
      expect(() => parseHours(text)).to.throw(HoursError).that.satisfies((error: HoursError) => error.code === 'hours-invalid' && error.field === 'hours' && message.test(error.message));
    });
  }

  it('checks time zones and closing dates, with codes', () => {
    expect(checkTimeZone('Europe/Berlin')).to.equal('Europe/Berlin');
    expect(() => checkTimeZone('Europe/Atlantis')).to.throw(HoursError).with.property('code', 'timezone-invalid');
    expect(parseClosedOn('2026-12-24, 2026-12-25')).to.deep.equal(['2026-12-24', '2026-12-25']);
    expect(() => parseClosedOn('2026-02-30')).to.throw(HoursError).with.property('code', 'closed-on-invalid');
    expect(() => parseClosedOn('24.12.2026')).to.throw(HoursError).with.property('code', 'closed-on-invalid');
  });

  it("says open or away in the business's zone, and when that changes", () => {
    const spans = parseHours(WEEK);
    const status = (now: string, timeZone = 'Europe/Berlin', closedOn: string[] = []) => {
      const s = hoursStatus(spans, { timeZone, closedOn, now: at(now) });
      return [s.open, iso(s.changesAt), iso(s.opensAt)];
    };
    // Saturday 16:30 in Berlin: away until Monday 09:00 (08:00 UTC).
    expect(status('2026-12-05T15:30:00Z')).to.deep.equal([false, '2026-12-07T08:00:00.000Z', '2026-12-07T08:00:00.000Z']);
    // Monday 09:30 in Berlin: open until 18:00.
    expect(status('2026-12-07T08:30:00Z')).to.deep.equal([true, '2026-12-07T17:00:00.000Z', null]);
    // The same instant is 03:30 in New York: away until 09:00 there.
    expect(status('2026-12-07T08:30:00Z', 'America/New_York')).to.deep.equal([false, '2026-12-07T14:00:00.000Z', '2026-12-07T14:00:00.000Z']);
    // Christmas Eve and Day closed: the next opening is Saturday the 26th.
    expect(status('2026-12-24T10:00:00Z', 'Europe/Berlin', ['2026-12-24', '2026-12-25'])).to.deep.equal([false, '2026-12-26T09:00:00.000Z', '2026-12-26T09:00:00.000Z']);
    // Clocks go forward in Berlin on 2027-03-28: Monday 09:00 is 07:00 UTC.
    expect(status('2027-03-27T15:00:00Z')).to.deep.equal([false, '2027-03-29T07:00:00.000Z', '2027-03-29T07:00:00.000Z']);
  });

  it('keeps a span past midnight open into the next day, unless its own day is closed', () => {
    const spans = parseHours('Fr 18:00-02:00');
    // Saturday 00:30 in New York (05:30 UTC): Friday's span still runs, until 02:00.
    const late = hoursStatus(spans, { timeZone: 'America/New_York', now: at('2026-12-05T05:30:00Z') });
    expect([late.open, iso(late.changesAt)]).to.deep.equal([true, '2026-12-05T07:00:00.000Z']);
    expect(hoursStatus(spans, { timeZone: 'America/New_York', closedOn: ['2026-12-04'], now: at('2026-12-05T05:30:00Z') }).open).to.equal(false);
  });

  it('has no next change for hours always open, or a business closed for the next 60 days', () => {
    expect(hoursStatus(parseHours('Mo-Su'), { timeZone: 'UTC', now: at('2026-12-01T12:00:00Z') })).to.deep.equal({ open: true, changesAt: null, opensAt: null });
    const closed = Array.from({ length: 62 }, (_, i) => new Date(at('2026-12-01T00:00:00Z') + i * 864e5).toISOString().slice(0, 10));
    expect(hoursStatus(parseHours(WEEK), { timeZone: 'UTC', closedOn: closed, now: at('2026-12-01T12:00:00Z') })).to.deep.equal({ open: false, changesAt: null, opensAt: null });
  });

  it('agrees, minute for minute, with a plain reading of the hours (property-tested in UTC)', () => {
    const time = fc.integer({ min: 0, max: 1439 });
    const span = fc.record({ day: fc.integer({ min: 0, max: 6 }), from: time, to: time }).filter(({ from, to }) => from !== to);
    const pad = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const days = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 7 * 1440 - 1 }), (rules, offset) => {
        const spans = parseHours(rules.map((r) => `${days[r.day]} ${pad(r.from)}-${pad(r.to)}`).join('; '));
        // 2026-11-30 is a Monday.
        const monday = at('2026-11-30T00:00:00Z') / 60000;
        const plainOpen = (minute: number) => {
          const weekMinute = ((minute - monday) % (7 * 1440) + 7 * 1440) % (7 * 1440);
          return rules.some(({ day, from, to }) => {
            const start = day * 1440 + from;
            const end = start + (to > from ? to - from : to + 1440 - from);
            return [weekMinute, weekMinute + 7 * 1440].some((m) => m >= start && m < end);
          });
        };
        const now = monday + offset;
        const status = hoursStatus(spans, { timeZone: 'UTC', now: now * 60000 });
        expect(status.open).to.equal(plainOpen(now));
        let next = now + 1;
        while (plainOpen(next) === status.open && next < now + 8 * 1440) next++;
        expect(status.changesAt).to.equal(next * 60000);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws anything but HoursError, whatever the attributes, and its next change is always ahead (fuzzed)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const piece = fc.constantFrom('Mo', 'Tu', 'Sa', 'Su', '-', ',', ';', ' ', '09:00', '24:00', '00:00', '23:59', '7:5', 'x', ':', '');
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, fc.option(fc.constantFrom(...zones, 'Mars/Olympus', ''), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-01-01T00:00:00Z') }), (hours, timezone, closedOn, now) => {
        const read = buttonHours({ hours, timezone, closedOn }, now);
        for (const problem of read.problems) expect(problem.message).to.match(new RegExp(`^${problem.field}\\b`));
        if (read.changesAt != null) expect(read.changesAt).to.be.above(now);
        if (read.problems.some((p) => p.severity === 'error')) expect(read.away).to.equal(false);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the next change in every time zone the platform knows, at a change of clocks too', () => {
    const spans = parseHours(WEEK);
    for (const timeZone of Intl.supportedValuesOf('timeZone')) {
      for (const now of [at('2027-03-28T00:30:00Z'), at('2027-10-31T00:30:00Z'), at('2026-12-05T15:30:00Z')]) {
        const status = hoursStatus(spans, { timeZone, now });
        expect(status.changesAt, timeZone).to.be.a('number').and.above(now);
        // Just after the change, the business is the other way round.
        expect(hoursStatus(spans, { timeZone, now: status.changesAt! + 1 }).open, `${timeZone} at ${iso(status.changesAt)}`).to.equal(!status.open);
      }
    }
  });
});
