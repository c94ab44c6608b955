import type { AssignRoleInput, TownshipRole, VerifyInput } from '../../types/identity';
import { call } from './transport';

export const identityApi = {
  whoami: () => call('identity', 'whoami', {}),
  inbox: () => call('identity', 'inbox', {}),
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
  preview: (villageId: string, fileName: string, fileBase64: string) => call('roster', 'previewImport', { villageId, fileName, fileBase64 }),
  commit: (villageId: string, fileName: string, fileBase64: string) => call('roster', 'commitImport', { villageId, fileName, fileBase64 }),
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
