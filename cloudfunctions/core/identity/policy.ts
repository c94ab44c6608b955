import { SUPERVISORS, type Rule } from '../shared/policy';

/**
 * Who may do what about who people are, in one place. Deny by default: an action missing here is
 * refused by the dispatcher. Asking who one is (whoami, status, verify) is open to anyone: the
 * answer is only ever about the caller.
 */

export const identityPolicy = {
  inbox: { allow: 'anyone' },
  markRead: { allow: 'anyone' },
  whoami: { allow: 'anyone' },
  status: { allow: 'anyone' },
  rebind: { allow: SUPERVISORS, scope: 'village' },
  assignRole: { allow: ['secretary', 'township_admin'], scope: 'village' },
  auditList: { allow: [...SUPERVISORS, 'township_admin', 'township_discipline'], scope: 'village' },
  auditVerify: { allow: [...SUPERVISORS, 'township_admin', 'township_discipline'], scope: 'village' },
} satisfies Record<string, Rule>;

export const bindingPolicy = {
  verify: { allow: 'anyone' },
  // The 监委会 confirms, face to face, who a request is from.
  bindRequests: { allow: SUPERVISORS, scope: 'village' },
  decideBind: { allow: SUPERVISORS, scope: 'village' },
} satisfies Record<string, Rule>;

/**
 * Township staff are not on any village roster, so an admin invites them: a one-time code,
 * valid for 7 days, that the person enters in 我的 from their own WeChat. The code, not an
 * OPENID typed by someone, decides which account gets the role.
 */
export const staffPolicy = {
  inviteStaff: { allow: ['township_admin'], scope: 'township' },
  claimStaff: { allow: 'anyone' },
  listStaff: { allow: ['township_admin'], scope: 'township' },
  revokeStaff: { allow: ['township_admin'], scope: 'township' },
} satisfies Record<string, Rule>;

/** The identity function's whole table. */
export const identityFunctionPolicy = { ...identityPolicy, ...bindingPolicy, ...staffPolicy };
