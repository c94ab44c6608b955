/** @jest-environment jsdom */
import {
  chinaDay,
  chinaDayFromNow,
  chinaMoment,
  currentQuarterKey,
  dateText,
  dateTimeText,
  formatChinaTime,
  hasPassed,
  isCalendarDay,
  now,
  previousQuarterKey,
  syncServerTime,
} from '../../src/services/china-time';

// The suite runs in whatever zone the machine is in (npm run test:dates tries UTC, Los Angeles
// and Shanghai): every answer below must be the same Beijing reading in all of them.
describe("the app's time module", () => {
  it("reads a moment's Beijing date, not the phone's or UTC's", () => {
    // 07:30 on 6 December in Beijing is 23:30 on the 5th in UTC and 15:30 on the 5th in Los Angeles.
    expect(chinaDay('2026-12-05T23:30:00.000Z')).toBe('2026-12-06');
    expect(formatChinaTime('2026-12-05T23:30:00.000Z')).toBe('2026-12-06 07:30');
    expect(dateText('2026-12-05T23:30:00.000Z')).toBe('2026年12月6日');
    expect(dateTimeText('2026-12-05T23:30:00+00:00')).toBe('2026年12月6日 07:30');
    expect(chinaDay('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(chinaDay('2026-12-31T15:59:59Z')).toBe('2026-12-31');
  });

  it('takes text already in Beijing time as written', () => {
    expect(dateText('2026-10-20')).toBe('2026年10月20日');
    expect(chinaDay('2026-11-26 10:00')).toBe('2026-11-26');
    expect(dateText('2026-11-26 10:00')).toBe('2026年11月26日');
    // An anonymous item's time comes by day only: it is shown as a day, not as 08:00.
    expect(formatChinaTime('2026-11-23')).toBe('2026-11-23');
    expect(dateTimeText('2026-11-23')).toBe('2026年11月23日');
  });

  it('reckons quarters at Beijing midnight', () => {
    expect(currentQuarterKey(new Date('2027-03-31T15:59:00Z'))).toBe('2027Q1');
    expect(currentQuarterKey(new Date('2027-03-31T16:00:00Z'))).toBe('2027Q2');
    expect(previousQuarterKey(new Date('2026-12-31T16:05:00Z'))).toBe('2026Q4');
    expect(previousQuarterKey(new Date('2028-02-29T04:00:00Z'))).toBe('2027Q4');
  });

  it('turns a day and a time typed by a cadre into a Beijing moment, refusing days that do not exist', () => {
    expect(chinaMoment('2026-11-26', '18:00')).toBe('2026-11-26T18:00:00+08:00');
    expect(chinaMoment('2028-02-29', '9:05')).toBe('2028-02-29T09:05:00+08:00');
    expect(chinaMoment('2027-02-29', '09:00')).toBeNull();
    expect(chinaMoment('2026-11-26', '24:00')).toBeNull();
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  it("goes by the server's clock once an answer has said what time it is there", () => {
    syncServerTime('2026-12-05T23:30:00.000Z');
    expect(Math.abs(now().getTime() - Date.parse('2026-12-05T23:30:00.000Z'))).toBeLessThan(5000);
    expect(chinaDay()).toBe('2026-12-06');
    expect(chinaDayFromNow(3)).toBe('2026-12-09');
    expect(currentQuarterKey()).toBe('2026Q4');
    expect(hasPassed('2026-12-05T23:00:00Z')).toBe(true);
    expect(hasPassed('2026-12-06T00:00:00Z')).toBe(false);
    // Kept on the phone for the next launch.
    expect(localStorage.getItem('serverClockSkewMs')).not.toBeNull();
  });
});
