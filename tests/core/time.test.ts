import dayjs from 'dayjs';
import { parsePinnedNow, StartedClock } from '../../cloudfunctions/ports/clock';
import {
  addDays,
  addMonths,
  daysBetween,
  local,
  monthsBetween,
  ZONE,
  parseQuarterKey,
  quarterDueDate,
  quarterKey,
  quarterLabel,
  quarterOf,
} from '../../cloudfunctions/core/shared/time';

describe('quarters in Asia/Shanghai', () => {
  it('puts 23:59 on 31 March in Shanghai in Q1 and one minute later in Q2', () => {
    expect(quarterKey(quarterOf(new Date('2026-03-31T15:59:00Z')))).toBe('2026Q1');
    expect(quarterKey(quarterOf(new Date('2026-03-31T16:00:00Z')))).toBe('2026Q2');
  });

  it('starts the new year at midnight Shanghai time, not UTC', () => {
    expect(quarterKey(quarterOf(new Date('2026-12-31T16:00:00Z')))).toBe('2027Q1');
    expect(quarterKey(quarterOf(new Date('2026-12-31T15:59:59Z')))).toBe('2026Q4');
  });

  it('names quarters the way a notice board does', () => {
    expect(quarterLabel({ year: 2026, quarter: 3 })).toBe('2026年第三季度');
  });

  it('makes a quarter due on the 20th of the month after it ends, by default', () => {
    expect(quarterDueDate({ year: 2026, quarter: 1 })).toBe('2026-04-20');
    expect(quarterDueDate({ year: 2026, quarter: 4 })).toBe('2027-01-20');
  });

  it('follows the township setting for the due day', () => {
    expect(quarterDueDate({ year: 2026, quarter: 2 }, 10)).toBe('2026-07-10');
  });

  it('parses only well-formed quarter keys', () => {
    expect(parseQuarterKey('2026Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarterKey('2026Q5')).toBeNull();
    expect(parseQuarterKey('26Q1')).toBeNull();
  });

  it('reads local time as the tz database does from 1992 to 2060, at every hour of the day (China has had no daylight saving since 1991), whatever zone the server is in', () => {
    let mismatches = 0;
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2060, 0, 1); t += 3600 * 1000 * (7 * 24 + 1)) {
      const d = new Date(t);
      const fixed = local(d);
      const tz = dayjs(d).tz(ZONE);
      if (fixed.format('YYYY-MM-DD HH:mm') !== tz.format('YYYY-MM-DD HH:mm') || fixed.quarter() !== tz.quarter() || fixed.year() !== tz.year()) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });

  it('reads the hours around a daylight-saving change elsewhere as plain Beijing time', () => {
    // 2026-03-08 10:00 UTC is when Los Angeles moves its clocks; Beijing does not.
    for (const [utc, beijing] of [
      ['2026-03-08T09:30:00Z', '2026-03-08 17:30'],
      ['2026-03-08T10:30:00Z', '2026-03-08 18:30'],
      ['2026-11-01T08:30:00Z', '2026-11-01 16:30'],
      ['2026-11-01T09:30:00Z', '2026-11-01 17:30'],
    ]) {
      expect(local(new Date(utc)).format('YYYY-MM-DD HH:mm')).toBe(beijing);
    }
  });
});

describe('SUNLIT_NOW', () => {
  it('pins the local host to the instant written, offset included', () => {
    expect(parsePinnedNow('2027-03-31T23:59:00+08:00').toISOString()).toBe('2027-03-31T15:59:00.000Z');
    expect(parsePinnedNow('2028-02-29T12:00Z').toISOString()).toBe('2028-02-29T12:00:00.000Z');
  });

  it.each([['2027-03-31T23:59:00'], ['2027-03-31'], ['2027-02-30T10:00:00+08:00'], ['2027-03-31T24:30:00+08:00'], ['明天']])(
    'refuses %s with a message saying what it wants',
    (value) => {
      expect(() => parsePinnedNow(value)).toThrow(/带时区的 ISO-8601 时间，例如 2027-03-31T23:59:00\+08:00/);
    },
  );

  it("starts the clock there and lets it run at the machine's rate", () => {
    let machine = Date.UTC(2020, 0, 1);
    const clock = new StartedClock(new Date('2027-01-01T00:05:00+08:00'), () => machine);
    expect(clock.now().toISOString()).toBe('2026-12-31T16:05:00.000Z');
    machine += 90_000;
    expect(clock.now().toISOString()).toBe('2026-12-31T16:06:30.000Z');
  });
});

describe('calendar-day arithmetic', () => {
  // The 三资 rules count months and days on YYYY-MM-DD text; dayjs is the reference they must match.
  const days: string[] = [];
  for (let t = Date.UTC(2023, 11, 25); t <= Date.UTC(2029, 2, 5); t += 86_400_000 * 3) days.push(new Date(t).toISOString().slice(0, 10));
  const ends = ['2024-01-31', '2024-02-29', '2025-02-28', '2026-04-30', '2026-12-31', '2027-03-01'];

  it('moves by months and days as dayjs does, month ends and leap days included', () => {
    for (const d of [...days, ...ends]) {
      for (const n of [-13, -1, 0, 1, 2, 11, 12, 25, 360]) expect([d, n, addMonths(d, n)]).toEqual([d, n, dayjs.utc(d).add(n, 'month').format('YYYY-MM-DD')]);
      for (const n of [-366, -1, 1, 59, 365]) expect(addDays(d, n)).toBe(dayjs.utc(d).add(n, 'day').format('YYYY-MM-DD'));
    }
  });

  it('counts whole months and days between two days as dayjs does', () => {
    for (const from of [...ends, ...days.filter((_, i) => i % 37 === 0)]) {
      for (const to of [...ends, ...days.filter((_, i) => i % 11 === 0)]) {
        expect([from, to, monthsBetween(from, to)]).toEqual([from, to, dayjs.utc(to).diff(dayjs.utc(from), 'month')]);
        expect(daysBetween(from, to)).toBe(dayjs.utc(to).diff(dayjs.utc(from), 'day'));
      }
    }
  });
});
