import type { Direction, ImportPreview } from '../../../types/finance';
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

/** What the file says, as the preview shows it (types/finance ImportPreview), and the rows read from it. */
export interface LedgerRead
  extends Pick<ImportPreview, 'problems' | 'headerRow' | 'columns' | 'skipped' | 'journal' | 'debitIsIncome' | 'openingFen' | 'closingFen'> {
  rows: ImportedRow[];
  /** Ledger rows in the file, read or refused. */
  vouchers: number;
  unknown: UnknownLabel[];
}
