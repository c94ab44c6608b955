import { amountOfCell, type CellAmount } from './cells';
import type { SheetLayout, SheetRow } from './import-layout';
import { balanceOf, checkBalance, dateOf, money, moneyOf, type LedgerReading } from './import-state';
import { SUMMARY_TEXT, type SummaryKind } from './journal';

/**
 * A summary row (期初余额, 本月合计, 本年累计, 承前页, 过次页, 期末余额): not a voucher, but
 * what the rows around it are checked against. It is listed as skipped, saying why.
 */
export function readSummaryRow(s: LedgerReading, layout: SheetLayout, r: SheetRow, kind: SummaryKind): void {
  const { columns: c, mode } = layout;
  const cells = r.cells;
  const name = SUMMARY_TEXT[kind];
  if (kind === 'opening') {
    readOpening(s, layout, r, name);
    return;
  }
  if (kind === 'monthTotal' && mode !== 'directionAmount') {
    const { income, expense } = moneyOf(cells, c, mode);
    const sides: [string, CellAmount, number][] = [
      [mode === 'debitCredit' ? '借方' : '收入', income, s.since.income],
      [mode === 'debitCredit' ? '贷方' : '支出', expense, s.since.expense],
    ];
    for (const [side, written, summed] of sides) {
      if (written.kind === 'bad') s.problems.push({ row: r.row, message: `本月合计${side}“${written.text}”看不懂。` });
      else if (s.since.readable && written.kind === 'fen' && written.fen !== summed) {
        s.problems.push({
          row: r.row,
          message: `本月合计${side}写的是 ${money(written.fen)}，逐笔加起来是 ${money(summed)}，相差 ${money(Math.abs(written.fen - summed))}。`,
        });
      }
    }
    s.since = { income: 0, expense: 0, readable: true };
  }
  if (kind !== 'yearTotal') checkBalance(s, layout, r.row, cells, `${name}的`);
  const why: Record<typeof kind, string> = {
    monthTotal: mode === 'directionAmount' ? '本月合计（合计行，不是一笔账）' : '本月合计（已与逐笔金额核对）',
    yearTotal: '本年累计（全年合计，不是一笔账）',
    carriedForward: '承前页（上一页的合计，不是一笔账）',
    carryOver: '过次页（这一页的合计，不是一笔账）',
    closing: '期末余额（用来核对）',
  };
  s.skipped.push({ row: r.row, reason: why[kind] });
}

/** The first 期初余额 starts the running balance; a later one (a file of several months) is checked. */
function readOpening(s: LedgerReading, layout: SheetLayout, r: SheetRow, name: string): void {
  const c = layout.columns;
  const cells = r.cells;
  // Most exports put it under 余额; some, with no 余额 column, under 借方.
  let b = balanceOf(cells, c);
  if (b.kind === 'blank' && c.balance === undefined && c.debit !== undefined) b = amountOfCell(cells[c.debit] ?? null);
  if (b.kind === 'bad') {
    s.problems.push({ row: r.row, message: `期初余额“${b.text}”看不懂，应为金额，如 1,286.50。` });
    return;
  }
  if (b.kind === 'blank') {
    s.skipped.push({ row: r.row, reason: `${name}（没有写金额，无法核对）` });
    return;
  }
  const fen = b.fen;
  if (s.opening === null) {
    s.opening = { row: r.row, fen, date: dateOf(layout, cells), skipped: s.skipped.length };
    s.balance = fen;
    s.lastBalanceRow = r.row;
  } else {
    // A file of several months: each month's 上月结转 must be where the last month ended.
    checkBalance(s, layout, r.row, cells, `${name}的`);
  }
  s.skipped.push({ row: r.row, reason: `${name} ${money(fen)}（不是一笔账，用来核对）` });
}
