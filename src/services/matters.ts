import type { Choice, ProposeInput } from '../../types/matters';
import { call } from './transport';

/** The `matters` function (一事一议), one typed call per action. */
export const mattersApi = {
  list: (villageId: string) => call('matters', 'list', { villageId }),
  get: (villageId: string, matterId: string) => call('matters', 'get', { villageId, matterId }),
  propose: (input: ProposeInput) => call('matters', 'propose', input),
  cosign: (villageId: string, matterId: string) => call('matters', 'cosign', { villageId, matterId }),
  discuss: (villageId: string, matterId: string, agreed: boolean, record: string) => call('matters', 'discuss', { villageId, matterId, agreed, record }),
  openVote: (villageId: string, matterId: string, closesAt: string) => call('matters', 'openVote', { villageId, matterId, closesAt }),
  vote: (villageId: string, meetingId: string, choice: Choice) => call('matters', 'vote', { villageId, meetingId, choice }),
  recordInPerson: (villageId: string, meetingId: string, personId: string, choice?: Choice) =>
    call('matters', 'recordInPerson', { villageId, meetingId, personId, ...(choice ? { choice } : {}) }),
  recordPaperBox: (villageId: string, meetingId: string, counts: Record<Choice, number>) => call('matters', 'recordPaperBox', { villageId, meetingId, counts }),
  electorate: (villageId: string, meetingId: string, q?: string) => call('matters', 'electorate', { villageId, meetingId, ...(q ? { q } : {}) }),
  close: (villageId: string, meetingId: string) => call('matters', 'close', { villageId, meetingId }),
  recount: (villageId: string, meetingId: string) => call('matters', 'recount', { villageId, meetingId }),
  receipts: (villageId: string, meetingId: string) => call('matters', 'receipts', { villageId, meetingId }),
  file: (villageId: string, matterId: string, decision: 'approve' | 'return', reason?: string) =>
    call('matters', 'file', { villageId, matterId, decision, ...(reason ? { reason } : {}) }),
  publish: (villageId: string, matterId: string, text: string, reason?: string) =>
    call('matters', 'publish', { villageId, matterId, text, ...(reason ? { reason } : {}) }),
  filings: (townshipId: string) => call('matters', 'filings', { townshipId }),
};

/** Where a matter opens. */
export const matterUrl = (villageId: string, matterId?: string) => `/pages/matters/index?villageId=${villageId}${matterId ? `&matterId=${matterId}` : ''}`;
