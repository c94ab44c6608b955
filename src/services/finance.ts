import type { LedgerRowInput } from '../../types/finance';
import { call } from './transport';

export const financeApi = {
  accounts: (villageId: string) => call('finance', 'accounts', { villageId }),
  addRow: (input: LedgerRowInput) => call('finance', 'addRow', input),
  removeRow: (villageId: string, rowId: string) => call('finance', 'removeRow', { villageId, rowId }),
  previewImport: (villageId: string, fileName: string, fileBase64: string) => call('finance', 'previewImport', { villageId, fileName, fileBase64 }),
  commitImport: (villageId: string, fileName: string, fileBase64: string) => call('finance', 'commitImport', { villageId, fileName, fileBase64 }),
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
  money: (villageId: string) => call('finance', 'money', { villageId }),
  seen: (villageId: string) => call('finance', 'seen', { villageId }),
  fillDisclosure: (villageId: string, quarter: string) => call('finance', 'fillDisclosure', { villageId, quarter }),
};

/** 2026-10 → 2026年10月 */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
