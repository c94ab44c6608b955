import type { Direction, ImportColumn, ImportProblem, ImportSkippedRow } from '../../../types/finance';
import type { Sheet } from '../sheets/api';
import type { AccountDoc } from './accounts';
import { labelKey, matchAccount, splitCode, type AccountMapDoc } from './account-match';
import { closingBreak, openingAsBooksHaveIt, publishedAfter, type MonthFacts } from './chain';
import {
  cellText,
  COLUMN_MEANING,
  dateOfParts,
  distinctTexts,
  findHeader,
  isFooter,
  journalDate,
  journalOf,
  missingColumns,
  moneyModeOf,
  repeatsHeader,
  rowText,
  SUMMARY_TEXT,
  summaryKindOf,
  type Cell,
  type ColumnKey,
  type Columns,
  type MoneyMode,
} from './journal';
import { amountOfCell, type CellAmount } from './cells';
import { monthOfDate, periodLabel, personalFieldsOf, personalRowMessage, validBusinessDate, yuanText } from './rules';

/** A ledger row read from a spreadsheet, checked, not yet written. */
export interface ImportedRow {
  line: number;
  date: string;
  direction: Direction;
  accountId: string;
  amountFen: number;
  counterparty: string;
  summary: string;
  handler: string;
}

/** What the reader knows of the village's books. */
export interface LedgerContext {
  accounts: AccountDoc[];
  /** The village's own names for accounts, picked once by the 会计. */
  maps: AccountMapDoc[];
  /** The village's months as the books have them (for balances and which months take rows). */
  months: MonthFacts[];
  now: Date;
  fileName: string;
}

export interface UnknownLabel {
  direction: Direction;
  label: string;
  code: string | null;
  rows: number[];
}

export interface LedgerRead {
  rows: ImportedRow[];
  problems: ImportProblem[];
  /** Ledger rows in the file, read or refused. */
  vouchers: number;
  headerRow: number | null;
  columns: ImportColumn[];
  skipped: ImportSkippedRow[];
  journal: string | null;
  debitIsIncome: boolean;
  openingFen: number | null;
  closingFen: number | null;
  unknown: UnknownLabel[];
}

/** For matching: full-width as ASCII. */
const text = (v: Cell) => cellText(v);
/** As the 会计 wrote it: what is stored and shown. */
const raw = (v: Cell) => (v === null ? '' : String(v).trim());
const blank = (a: CellAmount) => a.kind === 'blank' || (a.kind === 'fen' && a.fen === 0);
const money = (fen: number) => `${yuanText(fen)} 元`;

/** A balance cell, 贷 in the 借或贷 column making it negative (an overdrawn account). */
function balanceOf(cells: Cell[], c: Columns): CellAmount {
  const a = c.balance === undefined ? ({ kind: 'blank' } as CellAmount) : amountOfCell(cells[c.balance] ?? null);
  if (a.kind !== 'fen' || c.balanceSide === undefined) return a;
  const side = text(cells[c.balanceSide] ?? null);
  if (side === '平') return { kind: 'fen', fen: 0 };
  return side === '贷' ? { kind: 'fen', fen: -Math.abs(a.fen) } : a;
}

/** The two money columns of a row, whichever way the file writes them, as 收入 and 支出. */
function moneyOf(cells: Cell[], c: Columns, mode: MoneyMode): { income: CellAmount; expense: CellAmount } {
  const at = (k: ColumnKey) => (c[k] === undefined ? null : (cells[c[k] as number] ?? null));
  if (mode === 'debitCredit') return { income: amountOfCell(at('debit')), expense: amountOfCell(at('credit')) };
  if (mode === 'incomeExpense') return { income: amountOfCell(at('income')), expense: amountOfCell(at('expense')) };
  const d = text(at('direction'));
  const amount = amountOfCell(at('amount'));
  const none: CellAmount = { kind: 'blank' };
  if (d === '收入' || d === '收') return { income: amount, expense: none };
  if (d === '支出' || d === '支') return { income: none, expense: amount };
  return { income: none, expense: none };
}

/**
 * Reads and checks every row; a file with any problem imports nothing, and each problem names
 * its row as Excel numbers it. Title rows above the header, summary rows (期初余额, 本月合计,
 * 本年累计, 承前页, 过次页) and signature lines are recognised and listed as skipped, with the
 * file's own balances and totals checked against its rows and against the village's books.
 */
export function readLedgerSheet(sheet: Sheet, books: LedgerContext): LedgerRead {
  const all = [{ row: sheet.headerRow ?? 1, cells: sheet.header as Cell[] }, ...sheet.rows];
  const problems: ImportProblem[] = [];
  const skipped: ImportSkippedRow[] = [];
  const empty: LedgerRead = { rows: [], problems, vouchers: 0, headerRow: null, columns: [], skipped, journal: null, debitIsIncome: false, openingFen: null, closingFen: null, unknown: [] };

  const found = findHeader(all.map((r) => r.cells));
  if (!found) {
    problems.push({
      row: all[0].row,
      message: '没有找到表头：前 30 行里没有一行同时写着“日期”和金额的列名。表头应有 日期、摘要、科目（或科目名称、科目编码），以及 借方、贷方 两列（日记账），或 收入、支出 两列，或 收支、金额（元） 两列。',
    });
    return empty;
  }
  const headerRow = all[found.index].row;
  const c = found.columns;
  const titles = all.slice(0, found.index);
  for (const t of titles) skipped.push({ row: t.row, reason: `标题：${rowText(t.cells)}` });
  if (found.second) skipped.push({ row: all[found.index + 1].row, reason: '表头的第二行' });
  const header = all[found.index].cells;
  const columns: ImportColumn[] = (Object.entries(c) as [ColumnKey, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([k, i]) => ({ header: text(header[i] ?? null) || text(all[found.index + 1]?.cells[i] ?? null), readAs: COLUMN_MEANING[k] }));
  const journal = journalOf(titles.map((t) => rowText(t.cells)), books.fileName);
  const mode = moneyModeOf(c) as MoneyMode;
  const base = { ...empty, headerRow, columns, journal: journal.kind, debitIsIncome: mode === 'debitCredit' };

  if (mode === 'debitCredit' && journal.other) {
    problems.push({
      row: titles[0]?.row ?? headerRow,
      message: `这是“${journal.other}”：它的借方、贷方不是收入、支出。请导入现金日记账或银行存款日记账（借方是收入、贷方是支出）。`,
    });
    return base;
  }
  const missing = missingColumns(c);
  if (missing.length) {
    problems.push({ row: headerRow, message: `第 ${headerRow} 行是表头，但缺少列：${missing.join('、')}。` });
    return base;
  }

  const stateOf = new Map(books.months.map((m) => [m.month, m.state]));
  const monthOpen = (month: string) => (stateOf.get(month) ?? 'open') === 'open';
  const rows: ImportedRow[] = [];
  const unknown = new Map<string, UnknownLabel>();
  let vouchers = 0;
  // The running balance: from the file's 期初余额, else from the first 余额 it writes.
  let balance: number | null = null;
  let opening: { row: number; fen: number; date: string | null; skipped: number } | null = null;
  let lastBalanceRow: number | null = null;
  // Sums of the rows since the last 本月合计, to check it; off when a row's amount could not be read.
  let since = { income: 0, expense: 0, readable: true };
  const cell = (cells: Cell[], k: ColumnKey) => (c[k] === undefined ? null : (cells[c[k] as number] ?? null));

  const checkBalance = (row: number, cells: Cell[], what: string) => {
    const b = balanceOf(cells, c);
    if (b.kind === 'bad') {
      problems.push({ row, message: `余额“${b.text}”看不懂，应为金额，如 1,286.50。` });
      return;
    }
    if (b.kind !== 'fen') return;
    if (balance !== null && b.fen !== balance) {
      problems.push({ row, message: `${what}余额写的是 ${money(b.fen)}，按上一行余额加减算出是 ${money(balance)}，相差 ${money(Math.abs(b.fen - balance))}。` });
    }
    // After a mismatch, follow the file: one wrong row makes one problem, not one per row below it.
    balance = b.fen;
    lastBalanceRow = row;
  };

  for (const r of all.slice(found.index + (found.second ? 2 : 1))) {
    const cells = r.cells;
    if (repeatsHeader(cells, c)) {
      skipped.push({ row: r.row, reason: '重复的表头（分页时打印的）' });
      continue;
    }
    const kind = summaryKindOf(cells, c.summary);
    if (kind) {
      const name = SUMMARY_TEXT[kind];
      if (kind === 'opening') {
        // Most exports put it under 余额; some, with no 余额 column, under 借方.
        let b = balanceOf(cells, c);
        if (b.kind === 'blank' && c.balance === undefined && c.debit !== undefined) b = amountOfCell(cells[c.debit] ?? null);
        if (b.kind === 'bad') {
          problems.push({ row: r.row, message: `期初余额“${b.text}”看不懂，应为金额，如 1,286.50。` });
          continue;
        }
        if (b.kind === 'blank') {
          skipped.push({ row: r.row, reason: `${name}（没有写金额，无法核对）` });
          continue;
        }
        const fen = b.fen;
        if (opening === null) {
          opening = { row: r.row, fen, date: dateOf(cells), skipped: skipped.length };
          balance = fen;
          lastBalanceRow = r.row;
        } else {
          // A file of several months: each month's 上月结转 must be where the last month ended.
          checkBalance(r.row, cells, `${name}的`);
        }
        skipped.push({ row: r.row, reason: `${name} ${money(fen)}（不是一笔账，用来核对）` });
        continue;
      }
      if (kind === 'monthTotal' && mode !== 'directionAmount') {
        const { income, expense } = moneyOf(cells, c, mode);
        const sides: [string, CellAmount, number][] = [
          [mode === 'debitCredit' ? '借方' : '收入', income, since.income],
          [mode === 'debitCredit' ? '贷方' : '支出', expense, since.expense],
        ];
        for (const [side, written, summed] of sides) {
          if (written.kind === 'bad') problems.push({ row: r.row, message: `本月合计${side}“${written.text}”看不懂。` });
          else if (since.readable && written.kind === 'fen' && written.fen !== summed) {
            problems.push({ row: r.row, message: `本月合计${side}写的是 ${money(written.fen)}，逐笔加起来是 ${money(summed)}，相差 ${money(Math.abs(written.fen - summed))}。` });
          }
        }
        since = { income: 0, expense: 0, readable: true };
      }
      if (kind !== 'yearTotal') checkBalance(r.row, cells, `${name}的`);
      const why: Record<typeof kind, string> = {
        monthTotal: mode === 'directionAmount' ? '本月合计（合计行，不是一笔账）' : '本月合计（已与逐笔金额核对）',
        yearTotal: '本年累计（全年合计，不是一笔账）',
        carriedForward: '承前页（上一页的合计，不是一笔账）',
        carryOver: '过次页（这一页的合计，不是一笔账）',
        closing: '期末余额（用来核对）',
      };
      skipped.push({ row: r.row, reason: why[kind] });
      continue;
    }

    const date = dateOf(cells);
    const { income, expense } = moneyOf(cells, c, mode);
    const anyMoney = !blank(income) || !blank(expense) || (c.amount !== undefined && text(cell(cells, 'amount')) !== '');
    const account = raw(cell(cells, 'account'));
    const code = text(cell(cells, 'accountCode'));
    // A line of text merged across the row fills every cell with itself: not amounts that fail to read.
    const amountRead = income.kind === 'fen' || expense.kind === 'fen';
    const oneText = distinctTexts(cells).length === 1;
    if (date === null && !amountRead && (oneText || !anyMoney)) {
      if (isFooter(cells)) {
        skipped.push({ row: r.row, reason: `签字栏：${rowText(cells)}` });
        continue;
      }
      if (oneText || (!account && !code)) {
        skipped.push({ row: r.row, reason: `没有日期、金额和科目，不是一笔账：${rowText(cells)}` });
        continue;
      }
    }

    vouchers += 1;
    const own: string[] = [];
    const dateCheck = date === null ? 'format' : validBusinessDate(date, books.now);
    const written = raw(cell(cells, 'date')) || [raw(cell(cells, 'month')), raw(cell(cells, 'day'))].filter(Boolean).join('-');
    if (date === null && journal.year === null && /^\d{1,2}[-./月]\d{1,2}日?$/.test(text(written))) own.push(`日期“${written}”没有年份，表格标题里也没有写会计期间（如“2026年10月”）`);
    else if (dateCheck === 'format') own.push(`日期“${written}”看不懂，请写成 2026-10-08`);
    if (dateCheck === 'future') own.push(`日期 ${date} 还没到`);

    let direction: Direction | null = null;
    let amountFen: number | null = null;
    const sideName = (which: 'income' | 'expense') => (mode === 'debitCredit' ? (which === 'income' ? '借方' : '贷方') : which === 'income' ? '收入' : '支出');
    if (mode === 'directionAmount') {
      const d = text(cell(cells, 'direction'));
      direction = d === '收入' || d === '收' ? '收入' : d === '支出' || d === '支' ? '支出' : null;
      if (!direction) own.push(`收支应填“收入”或“支出”，这里是“${raw(cell(cells, 'direction'))}”`);
      const a = amountOfCell(cell(cells, 'amount'));
      if (a.kind === 'fen' && a.fen > 0) amountFen = a.fen;
      else own.push(`金额“${raw(cell(cells, 'amount'))}”不对：应为大于 0 的数，最多两位小数`);
    } else {
      for (const [which, a] of [['income', income], ['expense', expense]] as const) {
        if (a.kind === 'bad') own.push(`${sideName(which)}“${a.text}”看不懂：应为金额，如 1,286.50，最多两位小数`);
        else if (a.kind === 'fen' && a.fen < 0) own.push(`${sideName(which)}是负数（${money(a.fen)}，红字冲销）：请改为反方向记一笔，写明冲销哪一笔`);
      }
      const hasIn = income.kind === 'fen' && income.fen > 0;
      const hasOut = expense.kind === 'fen' && expense.fen > 0;
      if (hasIn && hasOut) own.push(`同一行${sideName('income')}和${sideName('expense')}都有金额，请分成两行`);
      else if (!hasIn && !hasOut && income.kind !== 'bad' && expense.kind !== 'bad' && !own.some((m) => m.includes('负数'))) own.push(`${sideName('income')}和${sideName('expense')}都没有金额`);
      else if (hasIn !== hasOut) {
        direction = hasIn ? '收入' : '支出';
        amountFen = hasIn ? (income as { fen: number }).fen : (expense as { fen: number }).fen;
      }
    }
    if (income.kind === 'bad' || expense.kind === 'bad' || (mode === 'directionAmount' && amountFen === null)) since.readable = false;
    else {
      since.income += income.kind === 'fen' ? income.fen : 0;
      since.expense += expense.kind === 'fen' ? expense.fen : 0;
    }

    let accountId: string | null = null;
    if (direction) {
      if (!account && !code) own.push('科目不能为空');
      else {
        const m = matchAccount(books.accounts, books.maps, direction, account, code);
        if ('found' in m) accountId = m.found._id;
        else if ('otherSide' in m) {
          const side = mode === 'debitCredit' ? `${direction === '收入' ? '借方' : '贷方'}（${direction}）` : direction;
          own.push(`科目“${account || code}”是${m.otherSide.direction}科目，这一笔却记在${side}`);
        } else {
          const label = splitCode(account).name || code || account;
          // Spellings that differ only in spaces or width are one name to place, as the mapping treats them.
          const key = `${direction}:${labelKey(label)}`;
          const u = unknown.get(key) ?? { direction, label, code: code || splitCode(account).code, rows: [] };
          u.rows.push(r.row);
          unknown.set(key, u);
        }
      }
    }

    const summary = raw(cell(cells, 'summary'));
    if (!summary) own.push('摘要不能为空');
    if (summary.length > 200) own.push('摘要太长（最多 200 字）');
    const counterparty = raw(cell(cells, 'counterparty'));
    const handler = raw(cell(cells, 'handler'));
    const personal = personalFieldsOf({ counterparty, summary, handler });
    if (personal.length) own.push(personalRowMessage(personal));
    if (dateCheck === 'ok' && !monthOpen(monthOfDate(date as string))) own.push(`${(date as string).slice(0, 7)} 已经结账，不能再导入`);

    if (balance !== null && income.kind !== 'bad' && expense.kind !== 'bad') {
      balance += (income.kind === 'fen' ? income.fen : 0) - (expense.kind === 'fen' ? expense.fen : 0);
    }
    checkBalance(r.row, cells, '这一行的');

    if (own.length) {
      problems.push({ row: r.row, message: own.join('；') + '。' });
      continue;
    }
    if (accountId === null) continue;
    rows.push({
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

  if (vouchers === 0) problems.push({ row: headerRow, message: '表头下面没有账目行。' });

  // The file against the books: its 期初余额 is where the month opens, its last balance where the
  // month it ends in must close if the month after is already published.
  const months = [...new Set(rows.map((x) => monthOfDate(x.date)))].sort();
  const opened = opening as { row: number; fen: number; date: string | null; skipped: number } | null;
  if (opened) {
    // The period the title names, else the month of the first row: exports date 期初余额 variously.
    const month = journal.year && journal.month ? `${journal.year}-${String(journal.month).padStart(2, '0')}` : (months[0] ?? (opened.date && monthOfDate(opened.date)));
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
  const closingFen = balance;
  const last = months[months.length - 1];
  if (last) {
    const after = publishedAfter(books.months, last);
    let closing: number | null = closingFen;
    if (closing === null && months.length === 1) {
      // No balances in the file: the month as the books would have it after the import.
      const start = openingAsBooksHaveIt(books.months, last);
      const had = books.months.find((m) => m.month === last);
      const net = rows.reduce((s, x) => s + (x.direction === '收入' ? x.amountFen : -x.amountFen), 0);
      closing = start ? start.fen + (had ? had.incomeFen - had.expenseFen : 0) + net : null;
    }
    const broken = closing === null ? null : closingBreak(last, closing, after);
    if (broken) problems.push({ row: lastBalanceRow ?? rows[rows.length - 1]?.line ?? headerRow, message: `导入后${broken}请核对后再导入，或先核对已公示月份的月初余额。` });
  }

  problems.sort((a, b) => a.row - b.row);
  return {
    ...base,
    rows,
    problems,
    vouchers,
    skipped: skipped.sort((a, b) => a.row - b.row),
    openingFen: opened?.fen ?? null,
    closingFen,
    unknown: [...unknown.values()],
  };

  function dateOf(cells: Cell[]): string | null {
    if (c.date !== undefined) return journalDate(cells[c.date] ?? null, journal.year);
    return dateOfParts(cells[c.month as number] ?? null, cells[c.day as number] ?? null, journal.year);
  }
}
