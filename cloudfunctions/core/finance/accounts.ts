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

/**
 * How journals exported by provincial 三资 platforms name the default accounts besides their own
 * names: the 科目编码 of 《村集体经济组织会计制度》 (501 经营收入 … 561 投资收益; 管理费用 541 has
 * sub-accounts coded differently from province to province, so they match by name) and the
 * usual other names. A township's own chart may carry `codes` and `synonyms` on the account.
 */
const KNOWN_AS: Record<string, { codes: string[]; synonyms: string[] }> = {
  'in-1': { codes: ['501'], synonyms: ['经营性收入'] },
  'in-2': { codes: ['511'], synonyms: ['发包收入', '承包收入', '上交收入', '承包费收入', '发包及上交'] },
  'in-3': { codes: ['521', '522'], synonyms: ['财政补助', '补贴收入', '上级补助', '财政补助收入', '转移支付收入'] },
  'in-4': { codes: ['561'], synonyms: ['投资收入'] },
  'in-5': { codes: ['531'], synonyms: ['利息收入'] },
  'out-1': { codes: ['502'], synonyms: ['经营性支出'] },
  'out-2': { codes: [], synonyms: ['干部工资', '村干部报酬', '村干部工资', '干部补贴', '误工补贴'] },
  'out-3': { codes: [], synonyms: ['办公用品', '办公经费', '办公费用'] },
  'out-4': { codes: [], synonyms: ['业务招待费', '接待费'] },
  'out-5': { codes: [], synonyms: ['交通差旅费', '差旅交通费'] },
  'out-6': { codes: [], synonyms: ['其他费用'] },
  'out-7': { codes: [], synonyms: ['公益事业支出', '公益性支出', '公益事业'] },
  'out-8': { codes: ['551'], synonyms: [] },
};

export function codesOf(a: AccountDoc): string[] {
  return [...((a.codes as string[] | undefined) ?? []), ...(KNOWN_AS[a.code]?.codes ?? [])];
}

export function synonymsOf(a: AccountDoc): string[] {
  return [...((a.synonyms as string[] | undefined) ?? []), ...(KNOWN_AS[a.code]?.synonyms ?? [])];
}

export const accountLabelOf = (a: Pick<AccountDoc, 'name' | 'parent'>) => (a.parent ? `${a.parent}-${a.name}` : a.name);

export const HOSPITALITY = '招待费';
