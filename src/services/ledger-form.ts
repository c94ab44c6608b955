import type { Account, ImportProblem, LedgerRowInput, MonthState } from '../../types/finance';
import { formatFen, parseYuan } from './money';
import { isCalendarDay } from './china-time';
import { LEDGER_COUNTERPARTY, LEDGER_HANDLER, LEDGER_SUMMARY } from '../../common/limits';

/** What the 会计's ledger page shows for each month state. */
export const MONTH_STATE_TEXT: Record<MonthState, string> = {
  open: '未结账',
  closed: '已结账待签字',
  published: '已公示',
};

export interface MonthEntry {
  month: string;
  state: MonthState;
  rows: number;
  openQueries: number;
  closeBy?: string;
  publishBy?: string;
  late?: boolean;
}

/** The month's deadlines in words, saying plainly when it is late (not by colour alone). */
export function dueText(m: MonthEntry): string | null {
  if (!m.closeBy || !m.publishBy) return null;
  const date = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  const due = `应在 ${date(m.closeBy)} 前结账、${date(m.publishBy)} 前签字公示`;
  if (!m.late) return due;
  return m.state === 'published' ? `${due}；本月是逾期公示的。` : `${due}；已逾期，请尽快结账并请理财小组签字。`;
}

/**
 * The month the 会计 most likely came to work on: the oldest one not yet published. Each month
 * closes on the previous month's published balance, so that is the one holding things up —
 * last month until the panel signs it, then the current one.
 */
export function defaultMonth(months: MonthEntry[]): string | null {
  const waiting = months
    .filter((m) => m.state !== 'published')
    .map((m) => m.month)
    .sort();
  return waiting[0] ?? months[0]?.month ?? null;
}

/**
 * The current calendar month as the server sees it. For the 两委 the server always lists the
 * current month, and no row can be dated in the future, so it is the newest one listed; this
 * keeps a phone with a wrong clock from offering 结账 too early.
 */
export function serverCurrentMonth(months: MonthEntry[]): string | null {
  return (
    months
      .map((m) => m.month)
      .sort()
      .pop() ?? null
  );
}

/** 2026-10 → 2026-09 */
export function previousMonthOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export { quarterOfMonth } from '../../common/quarters';

/** Only the first month kept in the system takes a typed-in 月初余额; later ones chain. */
export function isFirstMonth(months: MonthEntry[], month: string): boolean {
  return !months.some((m) => m.month < month);
}

/** 管理费用-招待费, as the import file and the server name a sub-account. */
export function accountLabel(a: Pick<Account, 'name' | 'parent'>): string {
  return a.parent ? `${a.parent}-${a.name}` : a.name;
}

export function problemText(p: ImportProblem): string {
  return `第 ${p.row} 行：${p.message}`;
}

/**
 * How far the declared closing balance is from opening + income − expense, in words the 会计
 * can act on; null when they agree or either is unknown.
 */
export function gapText(computedFen: number | null, declaredFen: number | null): string | null {
  if (computedFen === null || declaredFen === null || computedFen === declaredFen) return null;
  const diff = declaredFen - computedFen;
  return `相差 ${formatFen(Math.abs(diff))} 元：登记的月末余额比按收支算出的${diff > 0 ? '多' : '少'} ${formatFen(Math.abs(diff))} 元。`;
}

export interface RowForm {
  date: string;
  accountId: string | null;
  amount: string;
  counterparty: string;
  summary: string;
  handler: string;
  vouchers: string[];
}

export const EMPTY_ROW_FORM: RowForm = { date: '', accountId: null, amount: '', counterparty: '', summary: '', handler: '', vouchers: [] };

/** Full-width digits and the separators a Chinese keyboard offers, to 2026-10-08. */
function normalDate(text: string): string {
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .replace(/[./年月－]/g, '-')
    .replace(/日$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}

/**
 * The one-row form to the service's input, or what to change, checked in the order the boxes
 * appear. The date must fall in the month on screen: a row typed while looking at October but
 * dated November would land in a month the 会计 is not looking at.
 */
export function rowInputOf(form: RowForm, villageId: string, month: string): LedgerRowInput | string {
  const date = normalDate(form.date);
  if (!date) return '请选择日期。';
  if (!isCalendarDay(date)) return '日期不对，请写成 2026-10-08 这样。';
  if (date.slice(0, 7) !== month) return `日期不在${month.slice(0, 4)}年${Number(month.slice(5, 7))}月，请先在上方选到那个月再记账。`;
  if (!form.accountId) return '请选择科目。';
  const amount = parseYuan(form.amount);
  if (!amount.ok) return amount.message;
  if (amount.fen === 0) return '金额不能是 0。';
  const summary = form.summary.trim();
  if (!summary) return '请填写摘要，写明这笔钱是做什么的。';
  if (summary.length > LEDGER_SUMMARY.max) return `摘要最多 ${LEDGER_SUMMARY.max} 个字，现在有 ${summary.length} 个字。`;
  const counterparty = form.counterparty.trim();
  if (counterparty.length > LEDGER_COUNTERPARTY.max) return `对方单位或个人最多 ${LEDGER_COUNTERPARTY.max} 个字。`;
  const handler = form.handler.trim();
  if (handler.length > LEDGER_HANDLER.max) return `经手人最多 ${LEDGER_HANDLER.max} 个字。`;
  const input: LedgerRowInput = { villageId, date, accountId: form.accountId, amountFen: amount.fen, counterparty, summary, handler };
  if (form.vouchers.length) input.vouchers = form.vouchers;
  return input;
}
