/**
 * Roles as DOMAIN.md names them. One person may hold several. The list and the labels are the
 * only runtime values in types/: zod needs the list, and the app and the functions' messages
 * must call each role by the same name.
 */
export const Roles = [
  'visitor',
  'villager',
  'household_head',
  'representative',
  'party_member',
  'secretary',
  'director',
  'accountant',
  'supervisor_chair',
  'supervisor',
  'finance_panel',
  'township_admin',
  'township_discipline',
] as const;

export type Role = (typeof Roles)[number];

export const RoleLabels: Record<Role, string> = {
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
