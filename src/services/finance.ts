import type { Direction, ImportRentLink, LedgerRowInput } from '../../types/finance';
import { call, uploadFile } from './transport';
import type { PickedFile } from './file-pick';

export const financeApi = {
  accounts: (villageId: string) => call('finance', 'accounts', { villageId }),
  addRow: (input: LedgerRowInput) => call('finance', 'addRow', input),
  removeRow: (villageId: string, rowId: string) => call('finance', 'removeRow', { villageId, rowId }),
  /** Puts a ledger file in storage; preview and commit then name it by the id. */
  send: (villageId: string, file: PickedFile) => uploadFile(villageId, 'ledger', file),
  previewImport: (villageId: string, fileName: string, fileId: string) => call('finance', 'previewImport', { villageId, fileName, fileId }),
  /**
   * `debitIsIncome`: the 会计 confirmed, in the preview, that the journal's 借方 is 收入 and 贷方 支出;
   * `contracts`: the income rows that pay a contract, as ticked in the preview.
   */
  commitImport: (villageId: string, fileName: string, fileId: string, debitIsIncome = false, contracts: ImportRentLink[] = []) =>
    call('finance', 'commitImport', {
      villageId,
      fileName,
      fileId,
      ...(debitIsIncome ? { debitIsIncome: true as const } : {}),
      ...(contracts.length ? { contracts } : {}),
    }),
  mapAccount: (villageId: string, direction: Direction, label: string, accountId: string) =>
    call('finance', 'mapAccount', { villageId, direction, label, accountId }),
  exportMonth: (villageId: string, period: string) => call('finance', 'exportMonth', { villageId, period }),
  months: (villageId: string) => call('finance', 'months', { villageId }),
  month: (villageId: string, month: string) => call('finance', 'month', { villageId, month }),
  closeMonth: (villageId: string, month: string, declaredClosingFen: number, openingFen?: number) =>
    call('finance', 'closeMonth', openingFen === undefined ? { villageId, month, declaredClosingFen } : { villageId, month, declaredClosingFen, openingFen }),
  reopenMonth: (villageId: string, month: string, reason: string) => call('finance', 'reopenMonth', { villageId, month, reason }),
  queryRow: (villageId: string, rowId: string, reason: string) => call('finance', 'queryRow', { villageId, rowId, reason }),
  answerQuery: (villageId: string, rowId: string, answer: string) => call('finance', 'answerQuery', { villageId, rowId, answer }),
  sign: (villageId: string, month: string) => call('finance', 'sign', { villageId, month }),
  report: (villageId: string, period: string) => call('finance', 'report', { villageId, period }),
  years: (villageId: string) => call('finance', 'years', { villageId }),
  money: (villageId: string) => call('finance', 'money', { villageId }),
  seen: (villageId: string) => call('finance', 'seen', { villageId }),
  fillDisclosure: (villageId: string, quarter: string) => call('finance', 'fillDisclosure', { villageId, quarter }),
  /** A month (2026-10) or a quarter (2026Q4) as a PDF to print. */
  statementPdf: (villageId: string, period: string) => call('finance', 'statementPdf', { villageId, period }),
};

/** 2026-10 → 2026年10月 */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
