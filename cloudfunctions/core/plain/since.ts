import type { PlainSegment, PlainTarget } from '../../../types/plain';
import { addMonths } from '../shared/time';
import { merged, Writer } from './rules';

// What changed since this viewer last opened the money page, in plain words: which months were
// published, what came in and went out, and how the money on the books moved. For the page only
// (it differs per viewer), so it is never part of a published 明白账.

/** A published month as finance's `publishedSince` reads it. */
export interface SinceMonth {
  month: string;
  publishedAt: string;
  incomeFen: number;
  expenseFen: number;
  openingFen: number | null;
  closingFen: number | null;
}

/** The month after 2026-12 is 2027-01. */
const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/**
 * Months published since the viewer last looked (newest first, as finance gives them), said as
 * a villager would: 上次看过后，新公示了10月的账。收入…，支出…。账上的钱从…变成…。比10月初多了….
 * The balance is said only when the months follow one another and each has its balances: a
 * corrected old month published again would otherwise make a change out of two unrelated months.
 */
export function sinceSegments(newestFirst: SinceMonth[], firstVisit: boolean): PlainSegment[] {
  if (newestFirst.length === 0) return [{ text: '上次看过后，没有新公示的账。' }];
  const months = [...newestFirst].sort((a, b) => a.month.localeCompare(b.month));
  const first = months[0];
  const last = months[months.length - 1];
  // Within one year the month alone is plain enough; across a new year the year is said too.
  const oneYear = first.month.slice(0, 4) === last.month.slice(0, 4);
  const label = (m: string) => `${oneYear ? '' : `${m.slice(0, 4)}年`}${Number(m.slice(5, 7))}月`;
  const at = (m: string): PlainTarget => ({ kind: 'period', period: m });
  const monthNum = (w: Writer, m: string) => w.num(label(m), Number(m.slice(5, 7)), '月', at(m));

  const w = new Writer('');
  w.say(firstVisit ? '最近公示了' : '上次看过后，新公示了');
  // A long absence, or months across a new year, say the span rather than every month in one sentence.
  if (months.length > 3 || (!oneYear && months.length > 1))
    monthNum(w, first.month)
      .say('到')
      .num(label(last.month), Number(last.month.slice(5, 7)), '月', at(last.month));
  else
    months.forEach((m, i) => {
      if (i > 0) w.say('、');
      monthNum(w, m.month);
    });
  w.say('的账。');

  if (months.length === 1) w.say('收入').money(first.incomeFen, at(first.month)).say('，支出').money(first.expenseFen, at(first.month)).say('。');
  else
    for (const m of months) {
      monthNum(w, m.month).say('收入').money(m.incomeFen, at(m.month)).say('，支出').money(m.expenseFen, at(m.month)).say('。');
    }

  const followOn = months.every((m, i) => i === 0 || nextMonth(months[i - 1].month) === m.month);
  if (followOn && first.openingFen !== null && last.closingFen !== null) {
    const change = last.closingFen - first.openingFen;
    w.say('账上的钱从').money(first.openingFen, at(first.month)).say('变成').money(last.closingFen, at(last.month)).say('。');
    // The month it is measured from is a number too: it links like every other.
    if (change === 0) monthNum(w.say('和'), first.month).say('初比，没有变。');
    else
      monthNum(w.say('比'), first.month)
        .say(`初${change > 0 ? '多' : '少'}了`)
        .money(Math.abs(change), at(last.month))
        .say('。');
  }
  return merged(w.segments);
}
