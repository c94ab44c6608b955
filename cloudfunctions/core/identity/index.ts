import { action, type FunctionDef } from '../shared/dispatch';
import { claimStaff, inviteStaff, listStaff, revokeStaff, staffPolicy } from './staff';
import {
  ClaimStaffSchema,
  InviteStaffSchema,
  RevokeStaffSchema,
  TownshipSchema,
  AssignRoleSchema, AuditListSchema, RebindSchema, VerifySchema, VillageSchema, WhoAmISchema } from './schema';
import { assignRole, auditList, auditVerify, identityPolicy, inbox, rebind, status, verify, whoami } from './service';

const actions = {
  whoami: action({ input: WhoAmISchema, run: (ports) => whoami(ports) }),
  inbox: action({ input: WhoAmISchema, run: (ports) => inbox(ports) }),
  status: action({ input: VillageSchema, run: status }),
  verify: action({ input: VerifySchema, run: verify }),
  rebind: action({ input: RebindSchema, run: rebind }),
  assignRole: action({ input: AssignRoleSchema, run: assignRole }),
  auditList: action({ input: AuditListSchema, run: auditList }),
  auditVerify: action({ input: VillageSchema, run: auditVerify }),
  inviteStaff: action({ input: InviteStaffSchema, run: inviteStaff }),
  claimStaff: action({ input: ClaimStaffSchema, run: claimStaff }),
  listStaff: action({ input: TownshipSchema, run: listStaff }),
  revokeStaff: action({ input: RevokeStaffSchema, run: revokeStaff }),
};

export const identityFunction: FunctionDef<typeof actions> = {
  name: 'identity',
  actions,
  policy: { ...identityPolicy, ...staffPolicy },
};
