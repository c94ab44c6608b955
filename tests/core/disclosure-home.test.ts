import { homeQuarters, lastEndedQuarter, type QuarterFacts } from '../../cloudfunctions/core/disclosure/rules';
import { quarterDueDate, parseQuarterKey, type QuarterRef } from '../../cloudfunctions/core/shared/time';

/** A moment in Beijing time, written as the villagers read it. */
const beijing = (text: string) => new Date(`${text}+08:00`);

/** A village's quarters: regular items and 专项公开 published per quarter (24 required each). */
function village(published: Record<string, { regular?: number; adhoc?: number }>) {
  return (quarter: string): QuarterFacts => ({
    regular: published[quarter]?.regular ?? 0,
    adhoc: published[quarter]?.adhoc ?? 0,
    required: 24,
    dueDate: quarterDueDate(parseQuarterKey(quarter) as QuarterRef),
  });
}

describe('the quarter a village home opens on', () => {
  it('knows which quarter ended last at Beijing midnight, not UTC midnight', () => {
    expect(lastEndedQuarter(beijing('2026-12-31T23:59:59'))).toBe('2026Q3');
    expect(lastEndedQuarter(beijing('2027-01-01T00:00:00'))).toBe('2026Q4');
    expect(lastEndedQuarter(beijing('2027-03-31T23:59:00'))).toBe('2026Q4');
    expect(lastEndedQuarter(beijing('2027-04-01T00:00:00'))).toBe('2027Q1');
    expect(lastEndedQuarter(beijing('2028-02-29T12:00:00'))).toBe('2027Q4');
  });

  it('keeps a fully published quarter when a 专项公开 of the current quarter comes out', () => {
    const v = village({ '2026Q2': { regular: 24 }, '2026Q3': { regular: 24 }, '2026Q4': { adhoc: 1 } });
    expect(homeQuarters(beijing('2026-12-06T08:00:00'), v)).toEqual({ main: '2026Q3', more: ['2026Q4'] });
  });

  it('does not move for an item of the current quarter published early either', () => {
    const v = village({ '2026Q2': { regular: 24 }, '2026Q3': { regular: 24 }, '2026Q4': { regular: 1 } });
    expect(homeQuarters(beijing('2026-12-31T23:59:00'), v)).toEqual({ main: '2026Q3', more: ['2026Q4'] });
  });

  it('shows no second card while the current quarter has nothing out', () => {
    const v = village({ '2026Q2': { regular: 24 }, '2026Q3': { regular: 24 } });
    expect(homeQuarters(beijing('2026-11-23T10:00:00'), v)).toEqual({ main: '2026Q3', more: [] });
  });

  it('stays on the complete quarter at five past midnight on New Year, when the quarter just ended is still empty', () => {
    const v = village({ '2026Q3': { regular: 24 }, '2026Q4': {} });
    expect(homeQuarters(beijing('2027-01-01T00:05:00'), v)).toEqual({ main: '2026Q3', more: [] });
  });

  it('shows the ended quarter as a second card when only a 专项公开 of it is out', () => {
    const v = village({ '2026Q3': { regular: 24 }, '2026Q4': { adhoc: 2 } });
    expect(homeQuarters(beijing('2027-01-05T09:00:00'), v)).toEqual({ main: '2026Q3', more: ['2026Q4'] });
  });

  it('moves to the ended quarter once its regular items start coming out', () => {
    const v = village({ '2026Q3': { regular: 24 }, '2026Q4': { regular: 3 } });
    expect(homeQuarters(beijing('2027-01-15T09:00:00'), v)).toEqual({ main: '2026Q4', more: [] });
  });

  it('keeps the complete quarter but shows the overdue one beside it once its due date passes with nothing out', () => {
    const v = village({ '2026Q3': { regular: 24 }, '2026Q4': {} });
    expect(homeQuarters(beijing('2027-01-20T23:59:00'), v)).toEqual({ main: '2026Q3', more: [] });
    expect(homeQuarters(beijing('2027-01-21T00:00:00'), v)).toEqual({ main: '2026Q3', more: ['2026Q4'] });
  });

  it('opens the quarter owed when nothing older was ever published (a village new to the system)', () => {
    expect(homeQuarters(beijing('2027-01-01T00:05:00'), village({}))).toEqual({ main: '2026Q4', more: [] });
  });

  it('on the last minute of March shows the ended quarter and the current one beside it', () => {
    const v = village({ '2026Q3': { regular: 24 }, '2026Q4': { regular: 24 }, '2027Q1': { regular: 2 } });
    expect(homeQuarters(beijing('2027-03-31T23:59:00'), v)).toEqual({ main: '2026Q4', more: ['2027Q1'] });
  });

  it('on leap day 2028 reports the fourth quarter of 2027', () => {
    const v = village({ '2027Q3': { regular: 24 }, '2027Q4': { regular: 20 }, '2028Q1': { adhoc: 1 } });
    expect(homeQuarters(beijing('2028-02-29T12:00:00'), v)).toEqual({ main: '2027Q4', more: ['2028Q1'] });
  });
});
