import { Cell } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import type { ActionKey } from '../../../types/api';
import type { Role } from '../../../types/roles';
import { previousQuarterKey } from '../../services/china-time';

/**
 * A page the 我的 menu offers, and the action that is its reason to exist: the entry shows when the
 * server's `can` (identity's whoami) names that action. A new page is one line here.
 * `needs` is a role list only where no single action's policy names the same roles (said why).
 */
export interface MenuEntry {
  title: string | ((can: readonly ActionKey[]) => string);
  page: string;
  needs: ActionKey | { roles: readonly Role[]; why: string };
  /** More of the link after the place's id, e.g. which quarter. */
  more?: () => string;
}

/** The pages of one village for the roles held on its roster (MyVillage.can). */
export const VILLAGE_PAGES: MenuEntry[] = [
  // Every verified villager's own: the lists, shares and votes that name their household.
  { title: '我家（名单、筹资筹劳、表决）', page: '/pages/household/index', needs: 'household.mine' },
  { title: '起草季度公开', page: '/packages/cadre/disclose/index', needs: 'disclosure.saveDraft' },
  { title: '记账与月结', page: '/packages/cadre/ledger/index', needs: 'finance.addRow' },
  { title: '三资台账与合同', page: '/packages/cadre/assets/index', needs: 'assets.addAsset' },
  { title: '民主理财审核', page: '/packages/supervise/ledger-review/index', needs: 'finance.sign' },
  { title: '导入花名册', page: '/packages/cadre/roster/index', needs: 'roster.commitImport' },
  { title: '一事一议（提议、商议、表决、公开）', page: '/packages/cadre/matters/index', needs: 'matters.discuss' },
  // roster.list also names the township admin, who holds no role on a village roster (MyVillage.can
  // is the roster's roles only): for a village entry it is the 两委 and the 监委会, as before.
  { title: '村民与角色', page: '/packages/cadre/people/index', needs: 'roster.list' },
  { title: '审核公开内容', page: '/packages/supervise/review/index', needs: 'disclosure.review' },
  { title: '问题台账（提问、反映、建议）', page: '/packages/supervise/tickets/index', needs: 'tickets.triage' },
  { title: '表决现场登记与计票', page: '/packages/supervise/meeting/index', needs: 'matters.recordInPerson' },
  // tickets.answer also names township staff; as above, never a village roster's role.
  { title: '村民提问', page: '/packages/supervise/questions/index', needs: 'tickets.answer' },
  { title: '认证申请（当面核对身份）', page: '/packages/supervise/bindings/index', needs: 'identity.decideBind' },
  {
    title: '督办事项（正在公开的季度）',
    page: '/packages/supervise/followups/index',
    needs: 'disclosure.followUpAdd',
    more: () => `&quarter=${previousQuarterKey()}`,
  },
  {
    title: '交给我办理的事项',
    page: '/packages/cadre/assigned/index',
    needs: {
      // Same list as tickets/policy.ts ASSIGNABLE, which is not a policy rule.
      roles: ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'],
      why: "tickets.assigned is open to anyone (the service checks the ticket's assignee); the page is offered to whom a 小事 can be handed",
    },
  },
  // One page for the warnings: the 两委 answer there, the 监委会 answers and closes (销号); answering
  // names both, closing only the 监委会, so one entry on answering serves both, worded for each.
  {
    title: (can) => (can.includes('assets.closeWarning') ? '三资预警（答复与销号）' : '三资预警（答复）'),
    page: '/packages/supervise/assets/index',
    needs: 'assets.answerWarning',
  },
  { title: '审计记录', page: '/packages/supervise/audit/index', needs: 'identity.auditList' },
];

/** Township staff's pages for the village this phone last opened, before their township's own. */
export const REMEMBERED_VILLAGE_PAGES: MenuEntry[] = [
  { title: '审计记录（首页打开的村）', page: '/packages/supervise/audit/index', needs: 'identity.auditList' },
  { title: '问题台账（首页打开的村）', page: '/packages/supervise/tickets/index', needs: 'tickets.queue' },
];

/** A township's pages that change things there: its admin's. */
export const TOWNSHIP_ADMIN_PAGES: MenuEntry[] = [
  { title: '镇级人员与邀请', page: '/packages/township/staff/index', needs: 'identity.listStaff' },
  { title: '公开目录', page: '/packages/township/catalog/index', needs: 'disclosure.catalogAdd' },
  {
    title: '打印全镇各村二维码海报',
    page: '/packages/board/poster/index',
    needs: { roles: ['township_admin'], why: 'village.postersPdf also lets the 镇纪委 print; the menu offers it to the admin who issues the codes' },
  },
  { title: '一事一议筹资筹劳审核备案', page: '/packages/township/filings/index', needs: 'matters.file' },
  { title: '各村二维码（停用与重新发码）', page: '/packages/township/codes/index', needs: 'village.issueCode' },
];

/** A township's pages for all its staff. */
export const TOWNSHIP_PAGES: MenuEntry[] = [
  { title: '各村公开与监督情况', page: '/packages/township/overview/index', needs: 'disclosure.township' },
  { title: '镇里的设置（民主理财签字等）', page: '/packages/township/settings/index', needs: 'village.settings' },
  { title: '各村三资预警与预警设置', page: '/packages/township/assets/index', needs: 'assets.township' },
  {
    title: (can) => (can.includes('roster.decideApproval') ? '花名册：导入确认与一人多村' : '花名册：在几个村花名册上的人'),
    page: '/packages/township/rosters/index',
    needs: 'roster.crossVillage',
  },
];

/** Township staff's page for the village this phone last opened, after their township's own. */
export const REMEMBERED_VILLAGE_LAST: MenuEntry[] = [{ title: '村民与角色（首页打开的村）', page: '/packages/cadre/people/index', needs: 'roster.list' }];

/** Whether the caller, with this `can` and these roles, is offered the entry. */
export function offered(entry: MenuEntry, can: readonly ActionKey[], roles: readonly Role[]): boolean {
  return typeof entry.needs === 'string' ? can.includes(entry.needs) : entry.needs.roles.some((r) => roles.includes(r));
}

/** The entries offered, as cells linking to each page for one village or township (`param=id`). */
export function MenuCells({ entries, can, roles, param }: { entries: MenuEntry[]; can: readonly ActionKey[]; roles: readonly Role[]; param: string }) {
  return (
    <>
      {entries
        .filter((e) => offered(e, can, roles))
        .map((e) => {
          const url = `${e.page}?${param}${e.more?.() ?? ''}`;
          return <Cell key={e.page} title={typeof e.title === 'string' ? e.title : e.title(can)} extra="›" onClick={() => Taro.navigateTo({ url })} />;
        })}
    </>
  );
}
