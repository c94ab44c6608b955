import type { AuditActionName } from '../../types/audit';
import type { ItemStatus } from '../../types/disclosure';
import { RoleLabels, type Role } from '../../types/roles';
import type { TicketSubject } from '../../types/tickets';
import { quarterText } from '../../common/quarters';

/** What villagers call each role: one table for the app and the functions' messages. */
export const ROLE_LABELS = RoleLabels;

/**
 * What each audit record is called on the 监委会's audit page. Typed by every name a chain may
 * carry, so an action added to `AuditAction` without a label here fails the typecheck.
 */
export const AUDIT_ACTION_LABELS: Record<AuditActionName, string> = {
  'disclosure.saveDraft': '起草公开内容',
  'disclosure.submit': '提交审核',
  'disclosure.return': '退回修改',
  'disclosure.publish': '审核公开',
  'disclosure.redact': '删去公开内容里的个人信息',
  'disclosure.rate': '村民评价',
  'disclosure.followUpAdd': '记录督办事项',
  'disclosure.followUpClose': '督办销号',
  'catalog.add': '公开目录新增一项',
  'catalog.rename': '公开目录项改名',
  'catalog.retire': '公开目录撤下一项',
  'tickets.ask': '村民提问',
  'tickets.question': '村民提问',
  'tickets.report': '村民反映问题',
  'tickets.suggestion': '村民提建议',
  'tickets.triage': '三事分流',
  'tickets.answer': '答复提问',
  'tickets.rate': '评价答复',
  'tickets.close': '销号',
  'tickets.overdue': '超期转镇里',
  'tickets.markPublic': '公开建议',
  'tickets.reveal': '查看匿名反映人',
  'finance.addRow': '记账',
  'finance.removeRow': '删除一笔账',
  'finance.import': '导入账目',
  'finance.mapAccount': '记住导入账目的会计科目',
  'finance.closeMonth': '月末结账',
  'finance.reopenMonth': '重新打开月份',
  'finance.queryRow': '质询一笔账',
  'finance.answerQuery': '答复质询',
  'finance.signMonth': '民主理财签字',
  'finance.publishMonth': '签字公示',
  'matters.propose': '提出议题',
  'matters.cosign': '联名提议',
  'matters.discuss': '两委商议',
  'matters.file.approve': '镇里审核备案',
  'matters.file.return': '镇里退回议题',
  'matters.openVote': '开始表决',
  'matters.recordBallot': '登记表决意见',
  'matters.recordAttendance': '登记到会',
  'matters.countBox': '清点票箱',
  'matters.recountMismatch': '复核票数对不上',
  'matters.closeVote': '表决结束',
  'roster.commitImport': '导入花名册',
  'roster.requestApproval': '请镇里确认花名册导入',
  'roster.approveImport': '镇里同意导入花名册',
  'roster.rejectImport': '镇里不同意导入花名册',
  'identity.requestBind': '申请认证',
  'identity.rejectBind': '不同意认证申请',
  'identity.verify': '村民认证',
  'identity.rebind': '换绑微信',
  'identity.assignRole': '调整角色',
  'identity.inviteStaff': '邀请镇里工作人员',
  'identity.claimStaff': '镇里工作人员绑定微信',
  'identity.revokeStaff': '取消镇里工作人员',
  'village.issueCode': '发放新的村二维码',
  'village.disableCode': '停用村二维码',
  'township.updateSettings': '修改镇里的设置',
  'audit.villageHead': '记下村里历史记录的当日状态',
  'audit.historyAlarm': '发现历史记录被改动',
  'assets.addAsset': '登记资产',
  'assets.updateAsset': '修改资产',
  'assets.addResource': '登记资源',
  'assets.updateResource': '修改资源',
  'assets.addContract': '签订合同',
  'assets.renewContract': '续签合同',
  'assets.terminateContract': '解除合同',
  'assets.warn': '发出三资预警',
  'assets.answerWarning': '答复三资预警',
  'assets.closeWarning': '三资预警销号',
  'assets.updateSettings': '修改三资预警设置',
  'assets.import': '导入三资台账',
  'household.inspect': '监委会查看一户的公开记录（我家）',
};

export function roleText(roles: Role[]): string {
  return (
    roles
      .filter((r) => r !== 'visitor')
      .map((r) => ROLE_LABELS[r])
      .join('、') || '访客'
  );
}

// Who may open which page or press which button is not kept here: identity's `can` says, from the
// functions' policy tables (see src/pages/mine/menu.tsx).

/** Roles a village hands out (the server checks again; roster roles and township roles are not here). */
export const ASSIGNABLE_ROLES: Role[] = ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'];

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

/** 2026Q3 → 2026年第三季度, as the functions write it too. */
export { quarterText } from '../../common/quarters';

/** What a question is about, in words: 2026年第三季度公开内容“…”, 账目“…”, 合同“…”. */
export function ticketSubjectText(s: TicketSubject): string {
  switch (s.type) {
    case 'disclosure':
      return `${quarterText(s.quarter)}公开内容“${s.title}”`;
    case 'ledger':
      return `账目“${s.title}”`;
    case 'asset':
      return `集体资产“${s.title}”`;
    case 'contract':
      return `合同“${s.title}”`;
  }
}
