import type { ImportProblem, ImportSkippedRow } from '../../../types/finance';
import type { Sheet } from '../sheets/api';
import { checkAgainstBooks } from './import-against-books';
import { readLayout } from './import-layout';
import type { LedgerContext, LedgerRead } from './import-model';
import { newReading } from './import-state';
import { readSummaryRow } from './import-summaries';
import { readVoucherRow } from './import-vouchers';
import { repeatsHeader, summaryKindOf } from './journal';

export type { ImportedRow, LedgerContext, LedgerRead, UnknownLabel } from './import-model';

/**
 * Reads and checks every row; a file with any problem imports nothing, and each problem names
 * its row as Excel numbers it. Title rows above the header, summary rows (期初余额, 本月合计,
 * 本年累计, 承前页, 过次页) and signature lines are recognised and listed as skipped, with the
 * file's own balances and totals checked against its rows and against the village's books.
 *
 * In phases: the layout (import-layout), then each row top to bottom as a summary
 * (import-summaries) or a voucher (import-vouchers) against the running state they share
 * (import-state), then the whole file against the books (import-against-books).
 */
export function readLedgerSheet(sheet: Sheet, books: LedgerContext): LedgerRead {
  const problems: ImportProblem[] = [];
  const skipped: ImportSkippedRow[] = [];
  const { base, layout } = readLayout(sheet, books.fileName, problems, skipped);
  if (!layout) return base;

  const s = newReading(problems, skipped);
  for (const r of layout.body) {
    if (repeatsHeader(r.cells, layout.columns)) {
      skipped.push({ row: r.row, reason: '重复的表头（分页时打印的）' });
      continue;
    }
    const kind = summaryKindOf(r.cells, layout.columns.summary);
    if (kind) readSummaryRow(s, layout, r, kind);
    else readVoucherRow(s, layout, books, r);
  }

  if (s.vouchers === 0) problems.push({ row: layout.headerRow, message: '表头下面没有账目行。' });
  checkAgainstBooks(s, layout, books);

  problems.sort((a, b) => a.row - b.row);
  return {
    ...base,
    rows: s.rows,
    problems,
    vouchers: s.vouchers,
    skipped: skipped.sort((a, b) => a.row - b.row),
    openingFen: s.opening?.fen ?? null,
    closingFen: s.balance,
    unknown: [...s.unknown.values()],
  };
}
