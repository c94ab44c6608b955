import type { ImportColumn, ImportProblem, ImportSkippedRow } from '../../../types/finance';
import type { Sheet } from '../sheets/api';
import type { LedgerRead } from './import-model';
import {
  cellText,
  COLUMN_MEANING,
  findHeader,
  journalOf,
  missingColumns,
  moneyModeOf,
  rowText,
  type Cell,
  type ColumnKey,
  type Columns,
  type MoneyMode,
} from './journal';

/** A row of the sheet as Excel numbers it, with its cells. */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

/** The file's shape once its header is found: what every later phase reads the rows by. */
export interface SheetLayout {
  headerRow: number;
  columns: Columns;
  mode: MoneyMode;
  /** What the titles say the file is, and the period they name (the year of 10-08). */
  journal: ReturnType<typeof journalOf>;
  /** The rows under the header (which may take two rows). */
  body: SheetRow[];
}

/**
 * Finds the header and what the file is. Titles above it are listed as skipped. Without a
 * usable header (none found, a 明细账 whose 借方 is not income, columns missing) the layout is
 * null and `base`, with its problem, is the whole answer.
 */
export function readLayout(
  sheet: Sheet,
  fileName: string,
  problems: ImportProblem[],
  skipped: ImportSkippedRow[],
): { base: LedgerRead; layout: SheetLayout | null } {
  const all: SheetRow[] = [{ row: sheet.headerRow ?? 1, cells: sheet.header as Cell[] }, ...sheet.rows];
  const empty: LedgerRead = {
    rows: [],
    problems,
    vouchers: 0,
    headerRow: null,
    columns: [],
    skipped,
    journal: null,
    debitIsIncome: false,
    openingFen: null,
    closingFen: null,
    unknown: [],
  };

  const found = findHeader(all.map((r) => r.cells));
  if (!found) {
    problems.push({
      row: all[0].row,
      message:
        '没有找到表头：前 30 行里没有一行同时写着“日期”和金额的列名。表头应有 日期、摘要、科目（或科目名称、科目编码），以及 借方、贷方 两列（日记账），或 收入、支出 两列，或 收支、金额（元） 两列。',
    });
    return { base: empty, layout: null };
  }
  const headerRow = all[found.index].row;
  const c = found.columns;
  const titles = all.slice(0, found.index);
  for (const t of titles) skipped.push({ row: t.row, reason: `标题：${rowText(t.cells)}` });
  if (found.second) skipped.push({ row: all[found.index + 1].row, reason: '表头的第二行' });
  const header = all[found.index].cells;
  const columns: ImportColumn[] = (Object.entries(c) as [ColumnKey, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([k, i]) => ({ header: cellText(header[i] ?? null) || cellText(all[found.index + 1]?.cells[i] ?? null), readAs: COLUMN_MEANING[k] }));
  const journal = journalOf(
    titles.map((t) => rowText(t.cells)),
    fileName,
  );
  const mode = moneyModeOf(c) as MoneyMode;
  const base = { ...empty, headerRow, columns, journal: journal.kind, debitIsIncome: mode === 'debitCredit' };

  if (mode === 'debitCredit' && journal.other) {
    problems.push({
      row: titles[0]?.row ?? headerRow,
      message: `这是“${journal.other}”：它的借方、贷方不是收入、支出。请导入现金日记账或银行存款日记账（借方是收入、贷方是支出）。`,
    });
    return { base, layout: null };
  }
  const missing = missingColumns(c);
  if (missing.length) {
    problems.push({ row: headerRow, message: `第 ${headerRow} 行是表头，但缺少列：${missing.join('、')}。` });
    return { base, layout: null };
  }
  return { base, layout: { headerRow, columns: c, mode, journal, body: all.slice(found.index + (found.second ? 2 : 1)) } };
}
