import type { ActionKey } from './api';
import type { AuditActionName } from './audit';
import type { Role } from './roles';

/** Contract of the `identity` cloud function: who I am, verification, roles, audit trail. */

export interface MyVillage {
  villageId: string;
  villageName: string;
  name: string;
  /** e.g. 3716**********123X */
  idMasked: string;
  roles: Role[];
  /**
   * What these roles may call in this village, from the functions' policy tables. The roster's
   * roles only: what a township role reaches is under `township`.
   */
  can: ActionKey[];
}

export interface WhoAmI {
  signedIn: boolean;
  villages: MyVillage[];
  /**
   * Township roles, by township id, and what they may call: the township's own actions there and
   * the village actions they hold in its villages.
   */
  township: { townshipId: string; roles: Role[]; can: ActionKey[] }[];
}

export interface VillageStatusInput {
  villageId: string;
}

export interface VillageStatus {
  verified: boolean;
  /** A request waits for the 监委会 to confirm it face to face. */
  pending: boolean;
  roles: Role[];
  /** What the caller may call in this village (roster and township roles), from the policy tables. */
  can: ActionKey[];
}

/** A verification request as the 监委会 sees it before meeting the person. */
export interface BindRequestView {
  id: string;
  personId: string;
  name: string;
  idMasked: string;
  householdNo: string;
  relation: string;
  /** Someone's account is bound to this person already (a second request is suspicious). */
  bound: boolean;
  requestedOn: string;
}

export interface VerifyInput {
  villageId: string;
  name: string;
  idNumber: string;
  /**
   * The one-time code of the mini-program's 手机号 button (`dev:<number>` on the local host): the
   * number WeChat verified must be the roster's. Without it, the 监委会 confirms in person.
   */
  phoneCode?: string;
}

export interface RebindInput {
  villageId: string;
  personId: string;
  reason: string;
}

export interface AssignRoleInput {
  villageId: string;
  personId: string;
  role: Role;
  /** true to give the role, false to take it away. */
  granted: boolean;
}

export interface AuditListInput {
  villageId: string;
  page?: number;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  action: AuditActionName;
  target: string;
  actorRoles: Role[];
  hash: string;
}

export interface AuditList {
  total: number;
  page: number;
  entries: AuditEntryView[];
}

export interface AuditVerifyOutput {
  ok: boolean;
  length: number;
  brokenAt?: { seq: number; id: string; reason: string };
}

export interface InboxMessage {
  id: string;
  villageId: string | null;
  text: string;
  at: string;
  read: boolean;
  /** The page the message is about, e.g. an answered question's item. */
  link: string | null;
  /** The village it concerns, by name: a person may follow several. */
  villageName: string | null;
  /** Set when what it asked for is past (表决已结束, 已评价, 已销号): read it, nothing to do. */
  stale: string | null;
}

export type TownshipRole = 'township_admin' | 'township_discipline';

export interface InviteStaffInput {
  townshipId: string;
  name: string;
  role: TownshipRole;
}

export interface StaffInvite {
  /** Read out or sent to the person; works once, for 7 days. */
  code: string;
  expiresAt: string;
}

export interface StaffMember {
  id: string;
  name: string;
  roles: Role[];
}

export interface RevokeStaffInput {
  townshipId: string;
  staffId: string;
  role: TownshipRole;
}

export interface IdentityApi {
  inviteStaff: { input: InviteStaffInput; output: StaffInvite };
  claimStaff: { input: { code: string }; output: { townshipId: string; roles: Role[] } };
  listStaff: { input: { townshipId: string }; output: { staff: StaffMember[] } };
  revokeStaff: { input: RevokeStaffInput; output: { roles: Role[] } };
  inbox: { input: Record<string, never>; output: { messages: InboxMessage[] } };
  /** Marks the caller's own messages read (ids from inbox). */
  markRead: { input: { ids: string[] }; output: { read: number } };
  whoami: { input: Record<string, never>; output: WhoAmI };
  status: { input: VillageStatusInput; output: VillageStatus };
  verify: { input: VerifyInput; output: VillageStatus };
  bindRequests: { input: VillageStatusInput; output: { requests: BindRequestView[] } };
  decideBind: { input: { villageId: string; requestId: string; approve: boolean; note?: string }; output: { requests: BindRequestView[] } };
  rebind: { input: RebindInput; output: { ok: true } };
  assignRole: { input: AssignRoleInput; output: { roles: Role[] } };
  auditList: { input: AuditListInput; output: AuditList };
  auditVerify: { input: VillageStatusInput; output: AuditVerifyOutput };
}
