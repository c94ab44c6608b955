import type { ImportProblem, ImportSkippedRow } from '../../../types/finance';
import { amountOfCell, type CellAmount } from './cells';
import type { ImportedRow, UnknownLabel } from './import-model';
import type { SheetLayout } from './import-layout';
import { cellText, dateOfParts, journalDate, type Cell, type ColumnKey, type Columns, type MoneyMode } from './journal';
import { yuanText } from './rules';

/** The file's 期初余额, kept to check against the books once every row is read. */
export interface Opening {
  row: number;
  fen: number;
  date: string | null;
  /** Its entry's index in `skipped` (before sorting), to say there how the check went. */
  skipped: number;
}

/**
 * What reading the rows builds up, top to bottom: one object passed from phase to phase so
 * each row is checked against the running balance and totals the rows above it left.
 */
export interface LedgerReading {
  problems: ImportProblem[];
  skipped: ImportSkippedRow[];
  rows: ImportedRow[];
  /** Account names the books do not know yet, by direction and name. */
  unknown: Map<string, UnknownLabel>;
  vouchers: number;
  /** The running balance: from the file's 期初余额, else from the first 余额 it writes. */
  balance: number | null;
  opening: Opening | null;
  lastBalanceRow: number | null;
  /** Sums of the rows since the last 本月合计, to check it; off when a row's amount could not be read. */
  since: { income: number; expense: number; readable: boolean };
}

export function newReading(problems: ImportProblem[], skipped: ImportSkippedRow[]): LedgerReading {
  return {
    problems,
    skipped,
    rows: [],
    unknown: new Map(),
    vouchers: 0,
    balance: null,
    opening: null,
    lastBalanceRow: null,
    since: { income: 0, expense: 0, readable: true },
  };
}

/** For matching: full-width as ASCII. */
export const text = (v: Cell) => cellText(v);
/** As the 会计 wrote it: what is stored and shown. */
export const raw = (v: Cell) => (v === null ? '' : String(v).trim());
export const blank = (a: CellAmount) => a.kind === 'blank' || (a.kind === 'fen' && a.fen === 0);
export const money = (fen: number) => `${yuanText(fen)} 元`;

/** A row's cell in the column read as `k`, or null when the file has no such column. */
export const cellOf = (c: Columns, cells: Cell[], k: ColumnKey) => (c[k] === undefined ? null : (cells[c[k] as number] ?? null));

/** A balance cell, 贷 in the 借或贷 column making it negative (an overdrawn account). */
export function balanceOf(cells: Cell[], c: Columns): CellAmount {
  const a = c.balance === undefined ? ({ kind: 'blank' } as CellAmount) : amountOfCell(cells[c.balance] ?? null);
  if (a.kind !== 'fen' || c.balanceSide === undefined) return a;
  const side = text(cells[c.balanceSide] ?? null);
  if (side === '平') return { kind: 'fen', fen: 0 };
  return side === '贷' ? { kind: 'fen', fen: -Math.abs(a.fen) } : a;
}

/** The two money columns of a row, whichever way the file writes them, as 收入 and 支出. */
export function moneyOf(cells: Cell[], c: Columns, mode: MoneyMode): { income: CellAmount; expense: CellAmount } {
  const at = (k: ColumnKey) => cellOf(c, cells, k);
  if (mode === 'debitCredit') return { income: amountOfCell(at('debit')), expense: amountOfCell(at('credit')) };
  if (mode === 'incomeExpense') return { income: amountOfCell(at('income')), expense: amountOfCell(at('expense')) };
  const d = text(at('direction'));
  const amount = amountOfCell(at('amount'));
  const none: CellAmount = { kind: 'blank' };
  if (d === '收入' || d === '收') return { income: amount, expense: none };
  if (d === '支出' || d === '支') return { income: none, expense: amount };
  return { income: none, expense: none };
}

/** A row's date, from its date column or its 月 and 日, the year from the title when it lacks one. */
export function dateOf(layout: SheetLayout, cells: Cell[]): string | null {
  const c = layout.columns;
  if (c.date !== undefined) return journalDate(cells[c.date] ?? null, layout.journal.year);
  return dateOfParts(cells[c.month as number] ?? null, cells[c.day as number] ?? null, layout.journal.year);
}

/**
 * Checks a row's written 余额 against the running balance. After a mismatch the file is
 * followed: one wrong row makes one problem, not one per row below it.
 */
export function checkBalance(s: LedgerReading, layout: SheetLayout, row: number, cells: Cell[], what: string): void {
  const b = balanceOf(cells, layout.columns);
  if (b.kind === 'bad') {
    s.problems.push({ row, message: `余额“${b.text}”看不懂，应为金额，如 1,286.50。` });
    return;
  }
  if (b.kind !== 'fen') return;
  if (s.balance !== null && b.fen !== s.balance) {
    s.problems.push({
      row,
      message: `${what}余额写的是 ${money(b.fen)}，按上一行余额加减算出是 ${money(s.balance)}，相差 ${money(Math.abs(b.fen - s.balance))}。`,
    });
  }
  s.balance = b.fen;
  s.lastBalanceRow = row;
}
