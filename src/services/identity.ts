import type { AssignRoleInput, TownshipRole, VerifyInput } from '../../types/identity';
import type { RosterImportMode } from '../../types/roster';
import { call, uploadFile } from './transport';
import type { PickedFile } from './file-pick';

export const identityApi = {
  whoami: () => call('identity', 'whoami', {}),
  inbox: () => call('identity', 'inbox', {}),
  markRead: (ids: string[]) => call('identity', 'markRead', { ids }),
  status: (villageId: string) => call('identity', 'status', { villageId }),
  verify: (input: VerifyInput) => call('identity', 'verify', input),
  bindRequests: (villageId: string) => call('identity', 'bindRequests', { villageId }),
  decideBind: (villageId: string, requestId: string, approve: boolean, note?: string) =>
    call('identity', 'decideBind', note ? { villageId, requestId, approve, note } : { villageId, requestId, approve }),
  assignRole: (input: AssignRoleInput) => call('identity', 'assignRole', input),
  auditList: (villageId: string, page = 1) => call('identity', 'auditList', { villageId, page }),
  auditVerify: (villageId: string) => call('identity', 'auditVerify', { villageId }),
};

export const rosterApi = {
  /** Puts a roster file in storage; preview and commit then name it by the id. */
  send: (villageId: string, file: PickedFile) => uploadFile(villageId, 'roster', file),
  preview: (villageId: string, fileName: string, fileId: string) => call('roster', 'previewImport', { villageId, fileName, fileId }),
  /** 补充与更新 by default; a 全量替换 that removes anyone carries the typed number of people removed. */
  commit: (villageId: string, fileName: string, fileId: string, mode: RosterImportMode = 'merge', confirm?: string) =>
    call('roster', 'commitImport', { villageId, fileName, fileId, mode, ...(confirm ? { confirm } : {}) }),
  requestApproval: (villageId: string, fileName: string, fileId: string, mode: RosterImportMode, reason: string) =>
    call('roster', 'requestApproval', { villageId, fileName, fileId, mode, reason }),
  approvals: (townshipId: string) => call('roster', 'approvals', { townshipId }),
  decideApproval: (townshipId: string, approvalId: string, approve: boolean, note?: string) =>
    call('roster', 'decideApproval', { townshipId, approvalId, approve, ...(note ? { note } : {}) }),
  crossVillage: (townshipId: string) => call('roster', 'crossVillage', { townshipId }),
  list: (villageId: string, page = 1) => call('roster', 'list', { villageId, page }),
};

export const rebindApi = {
  rebind: (villageId: string, personId: string, reason: string) => call('identity', 'rebind', { villageId, personId, reason }),
};

export const staffApi = {
  invite: (townshipId: string, name: string, role: TownshipRole) => call('identity', 'inviteStaff', { townshipId, name, role }),
  claim: (code: string) => call('identity', 'claimStaff', { code }),
  list: (townshipId: string) => call('identity', 'listStaff', { townshipId }),
  revoke: (townshipId: string, staffId: string, role: TownshipRole) => call('identity', 'revokeStaff', { townshipId, staffId, role }),
};
