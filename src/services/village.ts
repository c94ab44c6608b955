import type { LedgerSignatureRule, SignedHead, VillageHomeInput } from '../../types/village';
import { call } from './transport';

/** The `village` function, one typed call per action. */
export const villageApi = {
  resolveCode: (code: string) => call('village', 'resolveCode', { code }),
  lapsedCode: (code: string) => call('village', 'lapsedCode', { code }),
  directory: () => call('village', 'directory', {}),
  /** The whole home in one call: by the scanned code or the remembered village; `entries: false` for the simple home. */
  home: (at: { code: string } | { villageId: string }, entries = true) =>
    call('village', 'home', (entries ? at : { ...at, entries: false }) as VillageHomeInput),
  get: (villageId: string) => call('village', 'get', { villageId }),
  supervisorPhone: (villageId: string) => call('village', 'supervisorPhone', { villageId }),
  codes: (villageId: string) => call('village', 'codes', { villageId }),
  issueCode: (villageId: string, reason: string) => call('village', 'issueCode', { villageId, reason }),
  disableCode: (villageId: string, code: string, reason: string) => call('village', 'disableCode', { villageId, code, reason }),
  poster: (villageId: string) => call('village', 'poster', { villageId }),
  posters: (townshipId: string) => call('village', 'posters', { townshipId }),
  posterPdf: (villageId: string) => call('village', 'posterPdf', { villageId }),
  postersPdf: (townshipId: string) => call('village', 'postersPdf', { townshipId }),
  history: (villageId: string, from?: number) => call('village', 'history', from ? { villageId, from } : { villageId }),
  historyAlarm: (villageId: string, held: SignedHead) => call('village', 'historyAlarm', { villageId, held }),
  headLink: (villageId: string) => call('village', 'headLink', { villageId }),
  checkHead: (token: string) => call('village', 'checkHead', { token }),
  settings: (townshipId: string) => call('village', 'settings', { townshipId }),
  updateSettings: (townshipId: string, ledgerSignatures: LedgerSignatureRule) => call('village', 'updateSettings', { townshipId, ledgerSignatures }),
};
