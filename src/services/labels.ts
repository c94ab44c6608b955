import type { ItemStatus } from '../../types/disclosure';
import { RoleLabels, type Role } from '../../types/roles';

/** What villagers call each role: one table for the app and the functions' messages. */
export const ROLE_LABELS = RoleLabels;

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'disclosure.saveDraft': '起草公开内容',
  'disclosure.submit': '提交审核',
  'disclosure.return': '退回修改',
  'disclosure.publish': '审核公开',
  'disclosure.rate': '村民评价',
  'disclosure.followUpAdd': '记录督办事项',
  'disclosure.followUpClose': '督办销号',
  'tickets.ask': '村民提问',
  'tickets.question': '村民提问',
  'tickets.report': '村民反映问题',
  'tickets.suggestion': '村民提建议',
  'tickets.triage': '三事分流',
  'tickets.rate': '评价答复',
  'tickets.close': '销号',
  'tickets.overdue': '超期转镇里',
  'tickets.markPublic': '公开建议',
  'tickets.reveal': '查看匿名反映人',
  'finance.addRow': '记账',
  'finance.removeRow': '删除一笔账',
  'finance.import': '导入账目',
  'finance.closeMonth': '月末结账',
  'finance.reopenMonth': '重新打开月份',
  'finance.queryRow': '质询一笔账',
  'finance.answerQuery': '答复质询',
  'finance.signMonth': '民主理财签字',
  'finance.publishMonth': '签字公示',
  'township.updateSettings': '修改镇里的设置',
  'tickets.answer': '答复提问',
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

/** Where an item stands, in words: colour is never the only signal. */
export const STATUS_TEXT: Record<ItemStatus, string> = {
  published: '已公开',
  late: '逾期公开',
  missing: '未公开·已逾期',
  pending: '待公开',
};

export const STATUS_TAG: Record<ItemStatus, 'success' | 'warning' | 'danger' | 'default'> = {
  published: 'success',
  late: 'warning',
  missing: 'danger',
  pending: 'default',
};

/** 2026Q3 → 2026年第三季度 */
export function quarterText(key: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(key);
  return m ? `${m[1]}年第${['一', '二', '三', '四'][Number(m[2]) - 1]}季度` : key;
}
