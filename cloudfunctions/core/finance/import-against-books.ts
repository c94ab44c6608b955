import type { LedgerContext } from './import-model';
import type { SheetLayout } from './import-layout';
import { money, type LedgerReading } from './import-state';
import { closingBreak, openingAsBooksHaveIt, publishedAfter } from './chain';
import { monthOfDate, periodLabel } from './rules';

/**
 * The file against the books: its 期初余额 is where the month opens, its last balance where the
 * month it ends in must close if the month after is already published.
 */
export function checkAgainstBooks(s: LedgerReading, layout: SheetLayout, books: LedgerContext): void {
  const { rows, problems, skipped, opening: opened } = s;
  const journal = layout.journal;
  const months = [...new Set(rows.map((x) => monthOfDate(x.date)))].sort();
  if (opened) {
    // The period the title names, else the month of the first row: exports date 期初余额 variously.
    const month =
      journal.year && journal.month ? `${journal.year}-${String(journal.month).padStart(2, '0')}` : (months[0] ?? (opened.date && monthOfDate(opened.date)));
    const expected = month ? openingAsBooksHaveIt(books.months, month) : null;
    const entry = skipped[opened.skipped];
    if (expected && expected.fen !== opened.fen) {
      problems.push({
        row: opened.row,
        message: `文件的期初余额是 ${money(opened.fen)}，账上${periodLabel(month as string)}的月初余额（${expected.from}）是 ${money(expected.fen)}，相差 ${money(Math.abs(opened.fen - expected.fen))}。请核对后再导入。`,
      });
      entry.reason = `期初余额 ${money(opened.fen)}（与账上的月初余额不一致）`;
    } else if (expected) {
      entry.reason = `期初余额 ${money(opened.fen)}（与${expected.from}一致）`;
    } else {
      entry.reason = `期初余额 ${money(opened.fen)}（账上还没有上个月的余额，无法核对；结账时月初余额请填这个数）`;
    }
  }
  const last = months[months.length - 1];
  if (last) {
    const after = publishedAfter(books.months, last);
    let closing: number | null = s.balance;
    if (closing === null && months.length === 1) {
      // No balances in the file: the month as the books would have it after the import.
      const start = openingAsBooksHaveIt(books.months, last);
      const had = books.months.find((m) => m.month === last);
      const net = rows.reduce((sum, x) => sum + (x.direction === '收入' ? x.amountFen : -x.amountFen), 0);
      closing = start ? start.fen + (had ? had.incomeFen - had.expenseFen : 0) + net : null;
    }
    const broken = closing === null ? null : closingBreak(last, closing, after);
    if (broken)
      problems.push({
        row: s.lastBalanceRow ?? rows[rows.length - 1]?.line ?? layout.headerRow,
        message: `导入后${broken}请核对后再导入，或先核对已公示月份的月初余额。`,
      });
  }
}
