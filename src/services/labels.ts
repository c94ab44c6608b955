import type { Role } from '../../types/roles';

/** What villagers call each role. */
export const ROLE_LABELS: Record<Role, string> = {
  visitor: '访客',
  villager: '村民',
  household_head: '户代表',
  representative: '村民代表',
  party_member: '党员',
  secretary: '村党组织书记',
  director: '村委会主任',
  accountant: '村会计',
  supervisor_chair: '村务监督委员会主任',
  supervisor: '村务监督委员会委员',
  finance_panel: '民主理财小组成员',
  township_admin: '镇管理员',
  township_discipline: '镇纪委',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'roster.commitImport': '导入花名册',
  'identity.verify': '村民认证',
  'identity.rebind': '换绑微信',
  'identity.assignRole': '调整角色',
};

export function roleText(roles: Role[]): string {
  return roles.filter((r) => r !== 'visitor').map((r) => ROLE_LABELS[r]).join('、') || '访客';
}

export const CADRE_ROLES: Role[] = ['secretary', 'director', 'accountant'];
export const AUDIT_ROLES: Role[] = ['supervisor_chair', 'supervisor', 'township_admin', 'township_discipline'];

/** Roles a village hands out (the server checks again; roster roles and township roles are not here). */
export const ASSIGNABLE_ROLES: Role[] = ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'];
export const ROLE_MANAGERS: Role[] = ['secretary', 'township_admin'];
export const REBINDERS: Role[] = ['supervisor_chair', 'supervisor'];
