import { cellText, type Cell } from './journal-columns';

/** The rows of a journal that are not vouchers: summary rows, signature lines, merged titles. */

export type SummaryKind = 'opening' | 'monthTotal' | 'yearTotal' | 'carriedForward' | 'carryOver' | 'closing';

const SUMMARY_ROWS: [SummaryKind, RegExp][] = [
  ['opening', /^(期初余额|期初结存|上月结转|上期结转|上年结转|年初余额|承上月)/],
  ['monthTotal', /^(本月合计|本期合计|本月发生额合计|本月小计|月计)/],
  ['yearTotal', /^(本年累计|本年合计|本年发生额累计|年计)/],
  ['carriedForward', /^(承前页|承上页)/],
  ['carryOver', /^(过次页|转次页|过下页|转下页)/],
  ['closing', /^(期末余额|期末结存|本月结余|结转下月|结转下年)/],
];

/** What each summary row is, in the words the preview shows. */
export const SUMMARY_TEXT: Record<SummaryKind, string> = {
  opening: '期初余额',
  monthTotal: '本月合计',
  yearTotal: '本年累计',
  carriedForward: '承前页',
  carryOver: '过次页',
  closing: '期末余额',
};

/**
 * A summary row: its 摘要 (or, when the export put it elsewhere, any text of the row) starts with
 * 期初余额, 本月合计, 本年累计, 承前页, 过次页 or their other names.
 */
export function summaryKindOf(cells: Cell[], summaryIndex: number | undefined): SummaryKind | null {
  const own = summaryIndex === undefined ? '' : cellText(cells[summaryIndex] ?? null);
  // A voucher's own 摘要 decides; only a row with none (本月合计 merged over 日期 and 凭证号) is read elsewhere.
  const texts = own ? [own] : cells.map((c) => (typeof c === 'string' ? cellText(c) : ''));
  for (const t of texts) {
    const k = t.replace(/\s+/g, '');
    if (!k) continue;
    const hit = SUMMARY_ROWS.find(([, re]) => re.test(k));
    if (hit) return hit[0];
  }
  return null;
}

/** "会计：杨秀梅  出纳：王建军", "制表人:", "（签章）": the signature lines under a journal. */
export function isFooter(cells: Cell[]): boolean {
  const text = cells.map(cellText).join(' ');
  return /(会计|出纳|记账|复核|审核|制表|制单|主管|负责人|填表|打印|审批|理财小组|监委会)(人|员|日期)?\s*:/.test(text) || /(签字|签章|盖章)/.test(text);
}

/** Distinct texts of a row (a merged title repeats in every cell it spans). */
export function rowText(cells: Cell[]): string {
  return distinctTexts(cells).join(' ');
}

export function distinctTexts(cells: Cell[]): string[] {
  return [...new Set(cells.map((c) => (c === null ? '' : String(c).trim())).filter(Boolean))];
}
