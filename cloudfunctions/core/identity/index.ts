import { z } from 'zod';
import { action, type FunctionDef } from '../shared/dispatch';
import { claimStaff, inviteStaff, listStaff, revokeStaff } from './staff';
import {
  ClaimStaffSchema,
  InviteStaffSchema,
  RevokeStaffSchema,
  TownshipSchema,
  AssignRoleSchema,
  AuditListSchema,
  DecideBindSchema,
  RebindSchema,
  VerifySchema,
  VillageSchema,
  WhoAmISchema,
} from './schema';
import { auditList, auditVerify } from './audit-reads';
import { rebind } from './rebind';
import { assignRole } from './roles';
import { status, whoami } from './whoami';
import { inbox, markRead } from '../messages/api';
import { bindRequests, decideBind, verify } from './binding';
import { identityFunctionPolicy } from './policy';

const actions = {
  whoami: action({ input: WhoAmISchema, run: (ports) => whoami(ports) }),
  inbox: action({ input: WhoAmISchema, run: (ports) => inbox(ports) }),
  markRead: action({ input: z.strictObject({ ids: z.array(z.string().min(1).max(120)).min(1).max(50) }), run: markRead }),
  status: action({ input: VillageSchema, run: status }),
  verify: action({ input: VerifySchema, run: verify }),
  bindRequests: action({ input: VillageSchema, run: bindRequests }),
  decideBind: action({ input: DecideBindSchema, run: decideBind }),
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
  policy: identityFunctionPolicy,
};
