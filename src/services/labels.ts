import { RoleLabels, type Role } from '../../types/roles';

/** What villagers call each role: one table for the app and the functions' messages. */
export const ROLE_LABELS = RoleLabels;

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
