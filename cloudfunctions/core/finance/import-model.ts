import type { Direction, ImportColumn, ImportProblem, ImportSkippedRow } from '../../../types/finance';
import type { AccountDoc } from './accounts';
import type { AccountMapDoc } from './account-match';
import type { MonthFacts } from './chain';
import type { RowDoc } from './model';

/** A ledger row read from a spreadsheet, checked, not yet written: the stored row's fields and its line. */
export interface ImportedRow extends Pick<RowDoc, 'date' | 'direction' | 'accountId' | 'amountFen' | 'counterparty' | 'summary' | 'handler'> {
  line: number;
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
