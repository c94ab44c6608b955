import type { CellKind } from '../../../types/household';
import { isNameColumn } from '../disclosure/api';
import { nameKey } from '../people/api';

/**
 * Finding a household in the village's published lists (我家), as pure functions of a table and
 * the household's members. A row names a member when a name column holds their name; where the
 * table also gives a masked ID number for that name, the number must agree with the roster's, so
 * two people of the same name are never taken for each other.
 */

/** A household member as the lists are searched for them. */
export interface Member {
  personId: string;
  name: string;
  /** The roster's masked ID number, e.g. 3716**********1015. */
  idMasked: string;
}

/** A row that names members of the household, and whether each was told apart by ID number. */
export interface RowMatch {
  members: Member[];
  /** Every member was matched by ID number too, or their name is the only one of its kind in the village. */
  certain: boolean;
}

/** A note in brackets does not change what a column holds: 金额（元）, 户主（签字）. */
const bare = (header: string) => header.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');

/** 身份证号, 身份证号码, 公民身份号码: the column of (masked) ID numbers. */
export function isIdColumn(header: string): boolean {
  return /身份(证|号)/.test(bare(header));
}

/** What a column holds, from its header: names and ID numbers first, then amounts and dates. */
export function cellKindOf(header: string): CellKind {
  if (isIdColumn(header)) return 'id';
  if (isNameColumn(header)) return 'name';
  const b = bare(header);
  if (/元/.test(header) || /(金额|补贴|补助|补偿|救助金|保障金|款|费|合计|小计|标准)$/.test(b)) return 'amount';
  if (/(日期|时间|年月|月份|发放日|期限|起止)/.test(b)) return 'date';
  return 'other';
}

/** The names a cell holds: one, or several (家庭成员: 杨德福、杨小红), each as matched. */
export function namesIn(cell: string): string[] {
  return cell
    .split(/[、,，;；/／\n]+/)
    .map((n) => nameKey(n))
    .filter((n) => n.length > 0);
}

/** Full-width digits and X as ASCII, masks as `*`, spaces dropped. */
function plainId(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[＊×]/g, '*').toUpperCase();
}

/**
 * Whether a table's (masked) ID number and the roster's masked one can be the same person: every
 * position both show must agree. Masks differ between lists (3716**********1015 from the roster,
 * 371603********1015 from 一键打码, or just ****1015), so a shorter one is read from the right.
 * `unknown` when the cell is no ID number or shows no digit the roster's form shows too.
 */
export function idAgreement(cell: string, rosterMasked: string): 'same' | 'differs' | 'unknown' {
  const a = plainId(cell);
  const b = plainId(rosterMasked);
  if (!/^[0-9X*]{4,18}$/.test(a) || !/[0-9X]/.test(a)) return 'unknown';
  const shift = b.length - a.length;
  if (shift < 0) return 'unknown';
  let compared = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i + shift];
    if (x === '*' || y === '*') continue;
    if (x !== y) return 'differs';
    compared += 1;
  }
  return compared > 0 ? 'same' : 'unknown';
}

/**
 * For each name column, the ID column that goes with it: the ID column after it and before the
 * next name column (户主, 身份证号, 金额). An ID column before every name column goes with the first.
 */
export function idColumnsOf(columns: string[]): Map<number, number> {
  const names = columns.flatMap((c, i) => (isNameColumn(c) && !isIdColumn(c) ? [i] : []));
  const owned = new Map<number, number>();
  columns.forEach((c, i) => {
    if (!isIdColumn(c) || names.length === 0) return;
    const owner = [...names].reverse().find((n) => n < i) ?? names[0];
    if (!owned.has(owner)) owned.set(owner, i);
  });
  return owned;
}

/**
 * Which members a table row names. `namesakes` counts the village's people by name key: a name
 * that is the village's only one is certain without an ID number; a shared one is certain only
 * when the row's ID number agrees, and never taken when it disagrees.
 */
export function matchRow(columns: string[], row: string[], members: Member[], namesakes: ReadonlyMap<string, number>): RowMatch | null {
  const ids = idColumnsOf(columns);
  const found: Member[] = [];
  let certain = true;
  columns.forEach((header, c) => {
    if (!isNameColumn(header) || isIdColumn(header)) return;
    const names = namesIn(row[c] ?? '');
    const idCol = ids.get(c);
    // An ID number belongs to the name beside it only when the cell names one person.
    const idCell = idCol !== undefined && names.length === 1 ? (row[idCol] ?? '') : '';
    for (const m of members) {
      const key = nameKey(m.name);
      if (!names.includes(key) || found.includes(m)) continue;
      const agreement = idCell ? idAgreement(idCell, m.idMasked) : 'unknown';
      if (agreement === 'differs') continue;
      found.push(m);
      if (agreement === 'unknown' && (namesakes.get(key) ?? 1) > 1) certain = false;
    }
  });
  return found.length > 0 ? { members: found, certain } : null;
}
