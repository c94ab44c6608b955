import type { Direction, MonthState, RowQuery } from '../../../types/finance';
import type { StoredAttachment } from '../attachments/api';

/** One ledger row. Written while its month is open; never changed once the month is published. */
export interface RowDoc {
  _id: string;
  villageId: string;
  month: string;
  date: string;
  direction: Direction;
  accountId: string;
  amountFen: number;
  counterparty: string;
  summary: string;
  handler: string;
  vouchers: StoredAttachment[];
  query: (RowQuery & { by: string | null }) | null;
  adjusts: { rowId: string; reason: string } | null;
  /** The 三资 contract this income pays (absent on rows entered before contracts were kept). */
  contractId?: string | null;
  /** A single expense at or above the township's threshold: flagged to villagers. */
  large: boolean;
  createdAt: string;
  [k: string]: unknown;
}

/** A village's month: its state and running totals, kept in the same transaction as each row. */
export interface MonthDoc {
  /** `${villageId}:${month}` */
  _id: string;
  villageId: string;
  month: string;
  state: MonthState;
  rowCount: number;
  incomeFen: number;
  expenseFen: number;
  openQueries: number;
  openingFen: number | null;
  declaredClosingFen: number | null;
  closedAt: string | null;
  publishedAt: string | null;
  /**
   * The 民主理财小组's signatures while the month is closed, in the month's own document so that
   * the signature completing the count reads every earlier one in its transaction: two last
   * signatures at once publish once. Reopening the month voids them. Absent on older documents.
   */
  signatures?: MonthSignature[];
  [k: string]: unknown;
}

export interface MonthSignature {
  personId: string;
  /** The name at signing, as the signature sheet would carry it. */
  name: string;
  at: string;
}

/** What a period's totals hold. */
export interface PeriodTotals {
  months: string[];
  incomeFen: number;
  expenseFen: number;
  byAccount: Record<string, number>;
  openingFen: number | null;
  closingFen: number | null;
  largest: { rowId: string; month: string; date: string; direction: Direction; accountId: string; amountFen: number; summary: string }[];
}

/** A published period's totals (month, quarter or year), materialised when a month is published. */
export interface TotalsDoc extends PeriodTotals {
  /** `${villageId}:${period}` */
  _id: string;
  villageId: string;
  period: string;
  [k: string]: unknown;
}

export const monthKeyOf = (villageId: string, month: string) => `${villageId}:${month}`;
export const totalsKeyOf = (villageId: string, period: string) => `${villageId}:${period}`;

export function newMonth(villageId: string, month: string): MonthDoc {
  return {
    _id: monthKeyOf(villageId, month),
    villageId,
    month,
    state: 'open',
    rowCount: 0,
    incomeFen: 0,
    expenseFen: 0,
    openQueries: 0,
    openingFen: null,
    declaredClosingFen: null,
    closedAt: null,
    publishedAt: null,
    signatures: [],
  };
}

export const LARGEST_KEPT = 5;
