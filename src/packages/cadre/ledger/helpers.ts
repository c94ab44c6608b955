import type { MonthState, MonthView } from '../../../../types/finance';
import { LEDGER_VOUCHERS } from '../../../../common/limits';

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

export const STATE_TAG: Record<MonthState, TagType> = { open: 'info', closed: 'warning', published: 'success' };

/** A month asked for by link is taken only when it looks like one. */
export const MONTH_KEY = /^20\d{2}-(0[1-9]|1[0-2])$/;
// The service takes ledger files and voucher photos up to 1 MB; say so before uploading.
export const MAX_SHEET_BYTES = 1024 * 1024;
export const MAX_VOUCHER_BYTES = 1024 * 1024;
export const MAX_VOUCHERS = LEDGER_VOUCHERS.max;
export const MONTHS_SHOWN = 6;

export const COLUMNS_HINT =
  '三资平台导出的现金日记账、银行存款日记账可以直接导入：标题行、期初余额、本月合计、本年累计、承前页、过次页和签字栏会自动认出并跳过，借方按收入、贷方按支出。' +
  '自己做的表也可以，列名为：日期、收支、科目、金额（元）、对方、摘要、经手人。科目写名称（如“补助收入”“管理费用-办公费”）或科目编码都可以。' +
  '导入前会逐行检查，并核对期初余额和本月合计，只要有一行不对，就一行也不导入。';

/** The page's data for one month, and the opening balance it will close on when that is known already. */
export interface Loaded {
  month: string;
  view: MonthView;
  /** For an open month: the previous month's published closing balance, which becomes this month's 月初余额. */
  expectedOpeningFen: number | null;
}
