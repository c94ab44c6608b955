import type { Direction } from '../../../types/finance';
import { codesOf, synonymsOf, type AccountDoc } from './accounts';
import { halfWidth } from './cells';

/**
 * A village's answer to "which of our accounts is this?" for an account name (or code) its
 * journals use and the chart does not know. Picked once by the 会计, kept for every later import.
 */
export interface AccountMapDoc {
  /** `${villageId}:${direction}:${labelKey(label)}` */
  _id: string;
  villageId: string;
  direction: Direction;
  label: string;
  accountId: string;
  by: string;
  at: string;
  [k: string]: unknown;
}

export const accountMapKeyOf = (villageId: string, direction: Direction, label: string) => `${villageId}:${direction}:${labelKey(label)}`;

/**
 * An account label compared as the 会计 means it: full-width letters and digits as ASCII, no
 * spaces, every dash or slash between levels as "-" (管理费用—其他, 管理费用／其他, 管理费用\其他).
 */
export function labelKey(label: string): string {
  return halfWidth(label)
    .replace(/\s+/g, '')
    .replace(/[—–_/\\·>]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "551 其他支出" or "551其他支出" in one cell: a code written before the name. */
export function splitCode(label: string): { code: string | null; name: string } {
  const m = /^(\d{3,10})[\s.、-]*(.*)$/.exec(halfWidth(label).trim());
  if (!m) return { code: null, name: label.trim() };
  return { code: m[1], name: m[2].trim() };
}

const namesOf = (a: AccountDoc) => [a.name, ...synonymsOf(a)];

/** One level's name, or a sub-account of `parent` called 其他 meaning 其他管理费用. */
function byName(accounts: AccountDoc[], name: string, parent: string | null): AccountDoc[] {
  return accounts.filter((a) => a.parent === parent && (namesOf(a).includes(name) || (parent !== null && name === '其他' && a.name === `其他${parent}`)));
}

/**
 * The account a label names, in one direction: by name or synonym ("业务招待费"), by
 * "一级-二级" path ("管理费用-其他", "管理费用-招待费"), or by a path whose first level is an
 * account of the chart with no sub-accounts ("补助收入-上级补助" is 补助收入). Deeper levels than
 * the chart has are read at the deepest level it has. Undefined when none, or more than one, fits.
 */
export function accountByPath(accounts: AccountDoc[], label: string): AccountDoc | undefined {
  const parts = labelKey(label).split('-').filter(Boolean);
  if (parts.length === 0) return undefined;
  const one = (list: AccountDoc[]) => (list.length === 1 ? list[0] : undefined);
  if (parts.length === 1) return one(byName(accounts, parts[0], null)) ?? one(accounts.filter((a) => a.parent !== null && namesOf(a).includes(parts[0])));
  const [first, second] = parts;
  const sub = one(byName(accounts, second, first));
  if (sub) return sub;
  const leaf = one(byName(accounts, first, null));
  // A first level that has sub-accounts in the chart (管理费用) is not an account itself.
  if (leaf && !accounts.some((a) => a.parent === leaf.name)) return leaf;
  return undefined;
}

/** By 科目编码: the code itself, or a longer detail code under it (55101 under 551). */
export function accountByCode(accounts: AccountDoc[], code: string): AccountDoc | undefined {
  const c = halfWidth(code).replace(/\s+/g, '');
  if (!/^\d{3,10}$/.test(c)) return undefined;
  const exact = accounts.filter((a) => codesOf(a).includes(c));
  if (exact.length === 1) return exact[0];
  const under = accounts.filter((a) => codesOf(a).some((k) => c.startsWith(k)));
  return under.length === 1 ? under[0] : undefined;
}

export type AccountMatch =
  | { found: AccountDoc; by: 'mapping' | 'name' | 'code' }
  /** Known, but on the other side (an expense account in the 借方 of a cash journal). */
  | { otherSide: AccountDoc }
  | { unknown: true };

/**
 * Which account a journal row means. The village's own mapping comes first (the 会计 chose it),
 * then the name, then the code; a row whose name and code disagree goes by the name, which is
 * what the 会计 reads.
 */
export function matchAccount(accounts: AccountDoc[], maps: AccountMapDoc[], direction: Direction, nameCell: string, codeCell: string): AccountMatch {
  const split = splitCode(nameCell);
  const name = split.name;
  const code = codeCell.trim() || split.code || '';
  const mine = accounts.filter((a) => a.direction === direction);
  const mapped = (label: string) => {
    if (!label) return undefined;
    const key = labelKey(label);
    const m = maps.find((x) => x.direction === direction && labelKey(x.label) === key);
    return m ? mine.find((a) => a._id === m.accountId) : undefined;
  };
  const viaMap = mapped(name) ?? mapped(code);
  if (viaMap) return { found: viaMap, by: 'mapping' };
  const viaName = name ? accountByPath(mine, name) : undefined;
  if (viaName) return { found: viaName, by: 'name' };
  const viaCode = code ? accountByCode(mine, code) : undefined;
  if (viaCode) return { found: viaCode, by: 'code' };
  const other = accounts.filter((a) => a.direction !== direction);
  const elsewhere = (name ? accountByPath(other, name) : undefined) ?? (code ? accountByCode(other, code) : undefined);
  return elsewhere ? { otherSide: elsewhere } : { unknown: true };
}
