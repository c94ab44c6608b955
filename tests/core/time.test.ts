import dayjs from 'dayjs';
import { local, ZONE, parseQuarterKey, quarterDueDate, quarterKey, quarterLabel, quarterOf } from '../../cloudfunctions/core/shared/time';

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

  it('reads local time as the tz database does from 1992 to 2060, at every hour of the day (China has had no daylight saving since 1991)', () => {
    let mismatches = 0;
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2060, 0, 1); t += 3600 * 1000 * (7 * 24 + 1)) {
      const d = new Date(t);
      const fixed = local(d);
      const tz = dayjs(d).tz(ZONE);
      if (fixed.format('YYYY-MM-DD HH:mm') !== tz.format('YYYY-MM-DD HH:mm') || fixed.startOf('month').valueOf() !== tz.startOf('month').valueOf()) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });
});

