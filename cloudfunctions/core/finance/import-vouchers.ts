import type { Direction } from '../../../types/finance';
import { labelKey, matchAccount, splitCode } from './account-match';
import { amountOfCell, type CellAmount } from './cells';
import type { LedgerContext } from './import-model';
import type { SheetLayout, SheetRow } from './import-layout';
import { blank, cellOf, checkBalance, dateOf, money, moneyOf, raw, text, type LedgerReading } from './import-state';
import { distinctTexts, isFooter, rowText, type Cell } from './journal';
import { monthOfDate, personalFieldsOf, personalRowMessage, validBusinessDate } from './rules';

/**
 * A row that is not a summary: a signature line or stray text is listed as skipped; anything
 * else is a voucher, checked field by field. A voucher with no problem becomes a ledger row;
 * one with problems makes one problem naming them all, and the file imports nothing.
 */
export function readVoucherRow(s: LedgerReading, layout: SheetLayout, books: LedgerContext, r: SheetRow): void {
  const { columns: c, mode } = layout;
  const cells = r.cells;
  const cell = (k: Parameters<typeof cellOf>[2]) => cellOf(c, cells, k);
  const date = dateOf(layout, cells);
  const { income, expense } = moneyOf(cells, c, mode);
  const anyMoney = !blank(income) || !blank(expense) || (c.amount !== undefined && text(cell('amount')) !== '');
  const account = raw(cell('account'));
  const code = text(cell('accountCode'));
  // A line of text merged across the row fills every cell with itself: not amounts that fail to read.
  const amountRead = income.kind === 'fen' || expense.kind === 'fen';
  const oneText = distinctTexts(cells).length === 1;
  if (date === null && !amountRead && (oneText || !anyMoney)) {
    if (isFooter(cells)) {
      s.skipped.push({ row: r.row, reason: `签字栏：${rowText(cells)}` });
      return;
    }
    if (oneText || (!account && !code)) {
      s.skipped.push({ row: r.row, reason: `没有日期、金额和科目，不是一笔账：${rowText(cells)}` });
      return;
    }
  }

  s.vouchers += 1;
  const own: string[] = [];
  const dateCheck = date === null ? 'format' : validBusinessDate(date, books.now);
  const written = raw(cell('date')) || [raw(cell('month')), raw(cell('day'))].filter(Boolean).join('-');
  if (date === null && layout.journal.year === null && /^\d{1,2}[-./月]\d{1,2}日?$/.test(text(written)))
    own.push(`日期“${written}”没有年份，表格标题里也没有写会计期间（如“2026年10月”）`);
  else if (dateCheck === 'format') own.push(`日期“${written}”看不懂，请写成 2026-10-08`);
  if (dateCheck === 'future') own.push(`日期 ${date} 还没到`);

  const { direction, amountFen } = directionAndAmount(layout, cells, income, expense, own);
  if (income.kind === 'bad' || expense.kind === 'bad' || (mode === 'directionAmount' && amountFen === null)) s.since.readable = false;
  else {
    s.since.income += income.kind === 'fen' ? income.fen : 0;
    s.since.expense += expense.kind === 'fen' ? expense.fen : 0;
  }

  const accountId = direction ? accountOf(s, layout, books, r.row, direction, account, code, own) : null;

  const summary = raw(cell('summary'));
  if (!summary) own.push('摘要不能为空');
  if (summary.length > 200) own.push('摘要太长（最多 200 字）');
  const counterparty = raw(cell('counterparty'));
  const handler = raw(cell('handler'));
  const personal = personalFieldsOf({ counterparty, summary, handler });
  if (personal.length) own.push(personalRowMessage(personal));
  if (dateCheck === 'ok' && !monthOpen(books, monthOfDate(date as string))) own.push(`${(date as string).slice(0, 7)} 已经结账，不能再导入`);

  if (s.balance !== null && income.kind !== 'bad' && expense.kind !== 'bad') {
    s.balance += (income.kind === 'fen' ? income.fen : 0) - (expense.kind === 'fen' ? expense.fen : 0);
  }
  checkBalance(s, layout, r.row, cells, '这一行的');

  if (own.length) {
    s.problems.push({ row: r.row, message: `${own.join('；')}。` });
    return;
  }
  if (accountId === null) return;
  s.rows.push({
    line: r.row,
    date: date as string,
    direction: direction as Direction,
    accountId,
    amountFen: amountFen as number,
    counterparty: counterparty.slice(0, 80),
    summary,
    handler: handler.slice(0, 20),
  });
}

/** Whether the books still take rows for a month (a month they do not have yet is open). */
function monthOpen(books: LedgerContext, month: string): boolean {
  // The last entry for the month decides, as a Map built from the list would have it.
  let state: string = 'open';
  for (const m of books.months) if (m.month === month) state = m.state;
  return state === 'open';
}

/** Which way the money went and how much, or null with the reasons added to `own`. */
function directionAndAmount(
  layout: SheetLayout,
  cells: Cell[],
  income: CellAmount,
  expense: CellAmount,
  own: string[],
): { direction: Direction | null; amountFen: number | null } {
  const { columns: c, mode } = layout;
  let direction: Direction | null = null;
  let amountFen: number | null = null;
  const sideName = (which: 'income' | 'expense') => (mode === 'debitCredit' ? (which === 'income' ? '借方' : '贷方') : which === 'income' ? '收入' : '支出');
  if (mode === 'directionAmount') {
    const d = text(cellOf(c, cells, 'direction'));
    direction = d === '收入' || d === '收' ? '收入' : d === '支出' || d === '支' ? '支出' : null;
    if (!direction) own.push(`收支应填“收入”或“支出”，这里是“${raw(cellOf(c, cells, 'direction'))}”`);
    const a = amountOfCell(cellOf(c, cells, 'amount'));
    if (a.kind === 'fen' && a.fen > 0) amountFen = a.fen;
    else own.push(`金额“${raw(cellOf(c, cells, 'amount'))}”不对：应为大于 0 的数，最多两位小数`);
    return { direction, amountFen };
  }
  for (const [which, a] of [
    ['income', income],
    ['expense', expense],
  ] as const) {
    if (a.kind === 'bad') own.push(`${sideName(which)}“${a.text}”看不懂：应为金额，如 1,286.50，最多两位小数`);
    else if (a.kind === 'fen' && a.fen < 0) own.push(`${sideName(which)}是负数（${money(a.fen)}，红字冲销）：请改为反方向记一笔，写明冲销哪一笔`);
  }
  const hasIn = income.kind === 'fen' && income.fen > 0;
  const hasOut = expense.kind === 'fen' && expense.fen > 0;
  if (hasIn && hasOut) own.push(`同一行${sideName('income')}和${sideName('expense')}都有金额，请分成两行`);
  else if (!hasIn && !hasOut && income.kind !== 'bad' && expense.kind !== 'bad' && !own.some((m) => m.includes('负数')))
    own.push(`${sideName('income')}和${sideName('expense')}都没有金额`);
  else if (hasIn !== hasOut) {
    direction = hasIn ? '收入' : '支出';
    amountFen = hasIn ? (income as { fen: number }).fen : (expense as { fen: number }).fen;
  }
  return { direction, amountFen };
}

/**
 * The account a voucher's 科目 names. A name the books do not know is collected in `unknown`
 * for the 会计 to place (the row imports once they have); a problem is added to `own` otherwise.
 */
function accountOf(
  s: LedgerReading,
  layout: SheetLayout,
  books: LedgerContext,
  row: number,
  direction: Direction,
  account: string,
  code: string,
  own: string[],
): string | null {
  if (!account && !code) {
    own.push('科目不能为空');
    return null;
  }
  const m = matchAccount(books.accounts, books.maps, direction, account, code);
  if ('found' in m) return m.found._id;
  if ('otherSide' in m) {
    const side = layout.mode === 'debitCredit' ? `${direction === '收入' ? '借方' : '贷方'}（${direction}）` : direction;
    own.push(`科目“${account || code}”是${m.otherSide.direction}科目，这一笔却记在${side}`);
    return null;
  }
  const label = splitCode(account).name || code || account;
  // Spellings that differ only in spaces or width are one name to place, as the mapping treats them.
  const key = `${direction}:${labelKey(label)}`;
  const u = s.unknown.get(key) ?? { direction, label, code: code || splitCode(account).code, rows: [] };
  u.rows.push(row);
  s.unknown.set(key, u);
  return null;
}
