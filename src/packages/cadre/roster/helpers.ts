import type { RosterApprovalView, RosterImportMode, RosterPersonRef } from '../../../../types/roster';
import { ROLE_LABELS } from '../../../services/labels';

export const HINT = [
  '表格里要有：姓名、身份证号、户号、与户主关系（列名写成身份证号码、公民身份号码、证件号码、与户主的关系等也可以）。',
  '可以有：性别、村民小组、联系电话（手机号码）、党员（或政治面貌）、村民代表、低保户、现役军人，以及“户籍所在村”（写村名，空着算本村）或“户籍在本村”（是/否，空着算“是”）。户籍不在本村的人不参加本村村民会议表决。',
  '表格上方的标题行、下方的签字行会自动跳过；15 位的老身份证号会按国家标准升为 18 位。身份证号一列请设为“文本”。',
];

export const MODES: { value: RosterImportMode; label: string; note: string }[] = [
  { value: 'merge', label: '补充与更新（推荐）', note: '新增文件里的新人，更新变了的信息，不移出任何人。' },
  { value: 'replace', label: '全量替换', note: '以这份文件为准：文件里没有的人移出花名册（记录保留）。' },
];

export const APPROVAL_TEXT: Record<RosterApprovalView['state'], string> = {
  pending: '已经请镇里确认，正在等镇管理员处理。处理后您会在“我的”里收到消息。',
  approved: '镇管理员已确认这个文件。',
  rejected: '镇管理员没有同意这次导入。',
  used: '镇里的确认已经用过一次。如需再导入，请重新请镇里确认。',
  expired: '镇里的确认已经过期，请重新请镇里确认。',
  changed: '镇里确认之后花名册又有了变化，要移出的人和确认时不一样了，请重新请镇里确认。',
};

/** A person as a removal list names them: 杨树林（村务监督委员会主任）· 户号 Y004. */
export function personLine(p: RosterPersonRef): { title: string; description: string } {
  const offices = p.assignedRoles.map((r) => ROLE_LABELS[r]).join('、');
  return {
    title: `${p.name}${offices ? `（${offices}）` : ''}${p.isCaller ? ' · 您本人' : ''}`,
    description: `${p.idMasked} · 户号 ${p.householdNo}`,
  };
}

/** The typed confirmation, compared as the service compares it. */
export const typedMatches = (typed: string, want: string) => typed.normalize('NFKC').replace(/\s/g, '') === want;
