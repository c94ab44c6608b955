import { z } from 'zod';
import { INVITE_CODE, REBIND_REASON, REFUSAL_NOTE, STAFF_NAME } from '../../../common/limits';
import { placeId } from '../shared/ids';
import { personId } from '../shared/keys';
import { Roles } from '../../../types/roles';

const villageId = placeId;

export const WhoAmISchema = z.strictObject({});
export const VillageSchema = z.strictObject({ villageId });
export const VerifySchema = z.strictObject({
  villageId,
  // Room for spaces: 杨 德福, and an ID written in groups (3716 0319 …); the service ignores them.
  name: z.string().trim().min(1).max(30),
  idNumber: z.string().trim().min(1).max(40),
  phoneCode: z.string().trim().min(1).max(200).optional(),
});
export const DecideBindSchema = z.strictObject({
  villageId,
  requestId: z.string().min(3).max(200),
  approve: z.boolean(),
  note: z.string().trim().min(REFUSAL_NOTE.min).max(REFUSAL_NOTE.max).optional(),
});
export const RebindSchema = z.strictObject({ villageId, personId, reason: z.string().trim().min(REBIND_REASON.min).max(REBIND_REASON.max) });
export const AssignRoleSchema = z.strictObject({ villageId, personId, role: z.enum(Roles), granted: z.boolean() });
const townshipId = placeId;
const townshipRole = z.enum(['township_admin', 'township_discipline']);
export const InviteStaffSchema = z.strictObject({ townshipId, name: z.string().trim().min(STAFF_NAME.min).max(STAFF_NAME.max), role: townshipRole });
export const ClaimStaffSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^[A-Za-z0-9]{${INVITE_CODE.length}}$`)),
});
export const TownshipSchema = z.strictObject({ townshipId });
export const RevokeStaffSchema = z.strictObject({ townshipId, staffId: z.string().min(1).max(200), role: townshipRole });
export const AuditListSchema = z.strictObject({ villageId, page: z.number().int().min(1).max(10000).optional() });
