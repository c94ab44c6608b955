import type { Account, Direction } from '../../../types/finance';

/**
 * The default chart of accounts a township starts from (村集体经济组织会计制度, simplified to
 * what villagers read): income and expense categories, 管理费用 split so 干部报酬 and 招待费
 * stand on their own.
 */
const DEFAULTS: [code: string, direction: Direction, name: string, parent: string | null][] = [
  ['in-1', '收入', '经营收入', null],
  ['in-2', '收入', '发包及上交收入', null],
  ['in-3', '收入', '补助收入', null],
  ['in-4', '收入', '投资收益', null],
  ['in-5', '收入', '其他收入', null],
  ['out-1', '支出', '经营支出', null],
  ['out-2', '支出', '干部报酬', '管理费用'],
  ['out-3', '支出', '办公费', '管理费用'],
  ['out-4', '支出', '招待费', '管理费用'],
  ['out-5', '支出', '差旅费', '管理费用'],
  ['out-6', '支出', '其他管理费用', '管理费用'],
  ['out-7', '支出', '公益支出', null],
  ['out-8', '支出', '其他支出', null],
];

export interface AccountDoc {
  /** `${townshipId}:${code}` */
  _id: string;
  townshipId: string;
  code: string;
  direction: Direction;
  name: string;
  parent: string | null;
  order: number;
  [k: string]: unknown;
}

export function defaultAccountsFor(townshipId: string): AccountDoc[] {
  return DEFAULTS.map(([code, direction, name, parent], order) => ({ _id: `${townshipId}:${code}`, townshipId, code, direction, name, parent, order }));
}

export function accountView(d: AccountDoc): Account {
  return { id: d._id, direction: d.direction, name: d.name, parent: d.parent };
}

/** What a spreadsheet may call an account: its name, or parent-name (管理费用-招待费). */
export function accountByLabel(accounts: AccountDoc[], direction: Direction, label: string): AccountDoc | undefined {
  const l = label.replace(/\s/g, '').replace(/[—–_/]/g, '-');
  return accounts.find((a) => a.direction === direction && (a.name === l || (a.parent !== null && `${a.parent}-${a.name}` === l)));
}

export const HOSPITALITY = '招待费';
