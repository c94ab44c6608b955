import type { Direction, ImportProblem } from '../../../types/finance';
import type { Sheet } from '../sheets/api';
import { accountByLabel, type AccountDoc } from './accounts';
import { calendarDayOf } from '../shared/time';
import { fenFromCell, monthOfDate, personalFieldsOf, personalRowMessage, validBusinessDate } from './rules';

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

const COLUMNS = {
  date: ['日期', '记账日期'],
  direction: ['收支', '收入/支出', '方向'],
  account: ['科目', '类别', '会计科目'],
  amount: ['金额（元）', '金额(元)', '金额'],
  counterparty: ['对方', '对方单位', '对方单位或个人', '收付款人'],
  summary: ['摘要', '事由'],
  handler: ['经手人', '经办人'],
} as const;

const REQUIRED: (keyof typeof COLUMNS)[] = ['date', 'direction', 'account', 'amount', 'summary'];

function text(v: string | number | null): string {
  return v === null ? '' : String(v).trim();
}

/** Excel keeps dates as serial day numbers when a cell is formatted as a number. */
function dateText(v: string | number | null): string {
  if (typeof v === 'number' && v > 30000 && v < 80000) {
    return calendarDayOf(new Date(Date.UTC(1899, 11, 30) + v * 86400000));
  }
  return text(v).replace(/[./年月]/g, '-').replace(/日$/, '').replace(/-(\d)(?=-|$)/g, '-0$1');
}

/**
 * Reads and checks every row; a file with any problem imports nothing, and each problem names
 * its row as Excel numbers it.
 */
export function readLedgerSheet(
  sheet: Sheet,
  accounts: AccountDoc[],
  now: Date,
  monthOpen: (month: string) => boolean,
): { rows: ImportedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const index: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const [key, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const i = sheet.header.findIndex((h) => names.includes(h.replace(/\s/g, '')));
    if (i >= 0) index[key] = i;
  }
  const missing = REQUIRED.filter((k) => index[k] === undefined).map((k) => COLUMNS[k][0]);
  if (missing.length) return { rows: [], problems: [{ row: 1, message: `第一行缺少列：${missing.join('、')}。` }] };
  if (sheet.rows.length === 0) return { rows: [], problems: [{ row: 2, message: '表格里没有数据行。' }] };

  const rows: ImportedRow[] = [];
  for (const r of sheet.rows) {
    const cell = (k: keyof typeof COLUMNS) => (index[k] === undefined ? null : (r.cells[index[k] as number] ?? null));
    const own: string[] = [];
    const date = dateText(cell('date'));
    const dateCheck = validBusinessDate(date, now);
    if (dateCheck === 'format') own.push(`日期“${text(cell('date'))}”看不懂，请写成 2026-10-08`);
    if (dateCheck === 'future') own.push(`日期 ${date} 还没到`);
    const dirText = text(cell('direction'));
    const direction = dirText === '收入' || dirText === '收' ? '收入' : dirText === '支出' || dirText === '支' ? '支出' : null;
    if (!direction) own.push(`收支应填“收入”或“支出”，这里是“${dirText}”`);
    const account = direction ? accountByLabel(accounts, direction, text(cell('account'))) : undefined;
    if (direction && !account) own.push(`没有名为“${text(cell('account'))}”的${direction}科目`);
    const amountFen = fenFromCell(cell('amount'));
    if (amountFen === null) own.push(`金额“${text(cell('amount'))}”不对：应为大于 0 的数，最多两位小数`);
    const summary = text(cell('summary'));
    if (!summary) own.push('摘要不能为空');
    if (summary.length > 200) own.push('摘要太长（最多 200 字）');
    const personal = personalFieldsOf({ counterparty: text(cell('counterparty')), summary, handler: text(cell('handler')) });
    if (personal.length) own.push(personalRowMessage(personal));
    if (dateCheck === 'ok' && !monthOpen(monthOfDate(date))) own.push(`${date.slice(0, 7)} 已经结账，不能再导入`);
    if (own.length) {
      problems.push({ row: r.row, message: own.join('；') + '。' });
      continue;
    }
    rows.push({
      line: r.row,
      date,
      direction: direction as Direction,
      accountId: (account as AccountDoc)._id,
      amountFen: amountFen as number,
      counterparty: text(cell('counterparty')).slice(0, 80),
      summary,
      handler: text(cell('handler')).slice(0, 20),
    });
  }
  return { rows, problems };
}
