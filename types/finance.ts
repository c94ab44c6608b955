import type { Attachment } from './disclosure';
import type { PrintFile } from './print';

/** Contract of the `finance` cloud function: the village ledger, 月公示 and the money page. */

export type Direction = '收入' | '支出';

export interface Account {
  id: string;
  direction: Direction;
  name: string;
  /** For a sub-account (管理费用 → 招待费): the parent's name. */
  parent: string | null;
}

export type MonthState = 'open' | 'closed' | 'published';

export interface LedgerRowInput {
  villageId: string;
  /** YYYY-MM-DD, Asia/Shanghai business date. */
  date: string;
  accountId: string;
  amountFen: number;
  counterparty: string;
  summary: string;
  handler: string;
  /** Uploads (disclosure.upload) of voucher images. */
  vouchers?: string[];
  /** An adjusting entry corrects a row of a published month: which, and why. */
  adjusts?: { rowId: string; reason: string };
  /** Rent or a contracting fee: the 三资 contract this income pays (assets.rentTargets suggests it). */
  contractId?: string;
}

export interface RowQuery {
  reason: string;
  at: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface LedgerRow {
  id: string;
  month: string;
  date: string;
  direction: Direction;
  accountId: string;
  account: string;
  amountFen: number;
  counterparty: string;
  summary: string;
  handler: string;
  vouchers: Attachment[];
  query: RowQuery | null;
  adjusts: { rowId: string; reason: string } | null;
  /** The 三资 contract this income pays, if the 会计 named one. */
  contractId: string | null;
  /** Plain-words warnings: 招待费 above the setting, a single large expense. */
  flags: string[];
}

export interface MonthView {
  villageId: string;
  month: string;
  state: MonthState;
  openingFen: number | null;
  incomeFen: number;
  expenseFen: number;
  /** opening + income − expense, when the opening balance is known. */
  computedClosingFen: number | null;
  /** The closing balance the 会计 declared at close (bank statement and cash). */
  declaredClosingFen: number | null;
  openQueries: number;
  closedAt: string | null;
  publishedAt: string | null;
  /** Who has signed the month off and how many more are needed (who signed it, once published). */
  signing: MonthSigning;
  rows: LedgerRow[];
}

/**
 * The 民主理财小组's joint signature on a month: a township setting says whether one member or a
 * majority of the group publishes it. Where a village has no group, its 监委会 signs in its place.
 */
export interface MonthSigning {
  body: '民主理财小组' | '村务监督委员会';
  rule: 'one' | 'majority';
  /** Members of the signing body now. */
  members: number;
  /** Signatures that publish the month. */
  needed: number;
  /** Signatures given, oldest first; a month reopened loses them. */
  signatures: { name: string; at: string }[];
  /** "已签 1/3：张三；还需 1 人" */
  summary: string;
  /** The caller has signed this month. */
  signedByMe: boolean;
  /** The caller is one of the members who sign (whatever the month's state). */
  mayISign: boolean;
}

export interface ImportProblem {
  row: number;
  message: string;
}

/** A row of the file that is not a ledger row (a title, 期初余额, 本月合计, a signature line), and why. */
export interface ImportSkippedRow {
  row: number;
  reason: string;
}

/** A header cell of the file and what the import reads that column as. */
export interface ImportColumn {
  header: string;
  readAs: string;
}

/** An account name (or code) the chart does not know: the 会计 picks one of `choices` once, and the village keeps it. */
export interface UnknownAccount {
  direction: Direction;
  /** As the file writes it: the name, or the code where a row has no name. */
  label: string;
  code: string | null;
  rows: number[];
  choices: Account[];
}

export interface ImportPreview {
  /** Ledger rows in the file (summary, title and signature rows not counted). */
  rows: number;
  months: string[];
  incomeFen: number;
  expenseFen: number;
  problems: ImportProblem[];
  /** The row the column names were found on, as Excel numbers it. */
  headerRow: number | null;
  columns: ImportColumn[];
  skipped: ImportSkippedRow[];
  /** What the title rows call the file: 现金日记账, 银行存款日记账, or null. */
  journal: string | null;
  /** 借方 read as 收入 and 贷方 as 支出 (a cash or bank journal): the 会计 confirms it to import. */
  debitIsIncome: boolean;
  /** The file's own 期初余额 and the balance after its last row, where it has them. */
  openingFen: number | null;
  closingFen: number | null;
  unknownAccounts: UnknownAccount[];
  /**
   * Income rows that clearly pay one of the village's contracts (from 对方 and 摘要): the 会计 ticks
   * the ones to keep and sends them with the import. Empty after the import itself.
   */
  rent: RentSuggestion[];
}

/** An imported income row and the contract it most likely pays. */
export interface RentSuggestion {
  /** The row as Excel numbers it. */
  line: number;
  date: string;
  counterparty: string;
  amountFen: number;
  contractId: string;
  /** The contract in words: 东洼耕地 · 孙七 · 发包 2026–2031. */
  label: string;
}

/** The 会计's choice at import: this line's income pays this contract. */
export interface ImportRentLink {
  line: number;
  contractId: string;
}

export interface CategoryTotal {
  accountId: string;
  account: string;
  direction: Direction;
  amountFen: number;
}

/** One measure (收入 or 支出) of a period against the same months a year earlier. */
export interface AmountChange {
  lastYearFen: number;
  /** Whole percent, rounded; null when last year's amount was 0 (no percentage of nothing). */
  percent: number | null;
  /** Ready to show after the amount: "比去年同期（1–10月）多 12%". */
  words: string;
}

/**
 * Like for like only: the period's published months against the very same months of the year
 * before, each of them published too. Otherwise `reason` says which months are missing.
 */
export type PeriodComparison =
  | { comparable: true /** The months of last year compared (YYYY-MM). */; months: string[]; income: AmountChange; expense: AmountChange }
  | { comparable: false; reason: string };

export interface PeriodReport {
  period: string;
  label: string;
  /** Published months the report covers. */
  months: string[];
  /** Where the period is not all published, the months its figures cover in words ("1–10 月"); else null. */
  coverage: string | null;
  incomeFen: number;
  expenseFen: number;
  openingFen: number | null;
  closingFen: number | null;
  /**
   * closing − (opening + income − expense) over the period: 0 when it reconciles. Each signed
   * month reconciles; a period with a month missing in the middle may not.
   */
  gapFen: number | null;
  byCategory: CategoryTotal[];
  /** Against the same published months a year earlier, or in words why it cannot be compared. */
  comparison: PeriodComparison;
  /** The largest single rows of the period. */
  largest: { rowId: string; month: string; date: string; direction: Direction; account: string; amountFen: number; summary: string }[];
}

/** A year of the village's books as far as published: what the money page can open. */
export interface PublishedYear {
  /** 2026 */
  year: string;
  /** Published months, YYYY-MM, in calendar order. */
  months: string[];
  /** Quarters (2026Q3) with at least one published month, in calendar order. */
  quarters: string[];
}

export interface MoneyView {
  villageId: string;
  /** The closing balance of the latest published month. */
  balanceFen: number | null;
  latestMonth: string | null;
  month: PeriodReport | null;
  quarter: PeriodReport | null;
  year: PeriodReport | null;
  /** Months published since this account last opened the money page (all, the first time). */
  sinceLastView: { month: string; publishedAt: string; incomeFen: number; expenseFen: number }[];
  lastViewedAt: string | null;
  /** Rows of published months flagged as unusual, newest first. */
  flagged: LedgerRow[];
}

export interface FinanceApi {
  accounts: { input: { villageId: string }; output: { accounts: Account[] } };
  addRow: { input: LedgerRowInput; output: LedgerRow };
  removeRow: { input: { villageId: string; rowId: string }; output: { removed: true } };
  previewImport: { input: { villageId: string; fileName: string; fileId: string }; output: ImportPreview };
  /**
   * `debitIsIncome` is the 会计's confirmation, required when the preview says it reads 借方 as 收入;
   * `contracts` the income rows that pay a contract (the preview's suggestions the 会计 kept).
   */
  commitImport: {
    input: { villageId: string; fileName: string; fileId: string; debitIsIncome?: true; contracts?: ImportRentLink[] };
    output: ImportPreview;
  };
  /** The 会计 says once which account a name in the village's journals means. */
  mapAccount: {
    input: { villageId: string; direction: Direction; label: string; accountId: string };
    output: { direction: Direction; label: string; accountId: string; account: string };
  };
  exportMonth: { input: { villageId: string; period: string }; output: { fileName: string; url: string } };
  months: {
    input: { villageId: string };
    output: {
      months: {
        month: string;
        state: MonthState;
        rows: number;
        openQueries: number;
        /** Due dates, Asia/Shanghai: 结账 by, 公示 by. */
        closeBy: string;
        publishBy: string;
        /** Published after `publishBy`, or not published and `publishBy` has passed. */
        late: boolean;
      }[];
    };
  };
  month: { input: { villageId: string; month: string }; output: MonthView };
  closeMonth: { input: { villageId: string; month: string; declaredClosingFen: number; openingFen?: number }; output: MonthView };
  reopenMonth: { input: { villageId: string; month: string; reason: string }; output: MonthView };
  queryRow: { input: { villageId: string; rowId: string; reason: string }; output: LedgerRow };
  answerQuery: { input: { villageId: string; rowId: string; answer: string }; output: LedgerRow };
  sign: { input: { villageId: string; month: string }; output: MonthView };
  report: { input: { villageId: string; period: string }; output: PeriodReport };
  /** Every year with published months, newest first: the way to any month, quarter or year report. */
  years: { input: { villageId: string }; output: { years: PublishedYear[] } };
  money: { input: { villageId: string }; output: MoneyView };
  seen: { input: { villageId: string }; output: { at: string } };
  fillDisclosure: { input: { villageId: string; quarter: string }; output: { drafted: string[] } };
  /** A month's 收支明细 or a quarter's 收支汇总 as a PDF, for whoever may see that period. */
  statementPdf: { input: { villageId: string; period: string }; output: PrintFile };
}
