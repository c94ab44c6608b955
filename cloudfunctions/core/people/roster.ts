import type { Sheet } from '../sheets/api';
import { adultOn, hashIdNumber, ID_PROBLEM_MESSAGES, maskIdNumber, parseIdNumber } from './idcard';
import { nameKey, phoneHashOf, sealAgeFacts, type PersonFields } from './model';
import { maskPhone } from '../village/rules';

/** The roster's columns as a cadre's spreadsheet names them. */
export const ROSTER_COLUMNS = {
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  householdNo: '户号',
  relation: '与户主关系',
  group: '村民小组',
  phone: '联系电话',
  partyMember: '党员',
  representative: '村民代表',
  lowIncome: '低保户',
  activeSoldier: '现役军人',
} as const;

type Column = keyof typeof ROSTER_COLUMNS;
const REQUIRED: Column[] = ['name', 'idNumber', 'householdNo', 'relation'];
const HEAD_RELATIONS = new Set(['户主', '本人']);
const YES = new Set(['是', '1', 'y', 'yes', '√', '✓', 'true']);
const NO = new Set(['否', '0', 'n', 'no', '', 'false', '×']);

export interface RowError {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  column?: string;
  message: string;
}

export type PersonDraft = Omit<PersonFields, 'inRoster' | 'assignedRoles' | 'boundOpenid' | 'importedAt'>;

export interface RosterCheck {
  people: PersonDraft[];
  errors: RowError[];
}

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Checks every row (ID number and its check digit, birth date, gender, duplicates, households
 * without a head) and turns the good ones into people. Row errors are in Chinese, one per problem.
 */
/** Rows checked between turns of the event loop: a 5,000-person roster must not hold the host. */
const ROWS_PER_TURN = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkRoster(sheet: Sheet, villageId: string, idKey: string): Promise<RosterCheck> {
  const errors: RowError[] = [];
  const index = {} as Record<Column, number>;
  for (const [col, title] of Object.entries(ROSTER_COLUMNS) as [Column, string][]) {
    index[col] = sheet.header.findIndex((h) => h.replace(/\s/g, '') === title);
  }
  const missing = REQUIRED.filter((c) => index[c] < 0).map((c) => ROSTER_COLUMNS[c]);
  if (missing.length) {
    return { people: [], errors: [{ row: 1, message: `表头缺少必需的列：${missing.join('、')}` }] };
  }
  if (sheet.rows.length === 0) return { people: [], errors: [{ row: 2, message: '表格里没有村民' }] };

  const people: PersonDraft[] = [];
  const seenIds = new Map<string, number>();
  const heads = new Map<string, number>();
  const households = new Map<string, number[]>();

  for (const [n, { row, cells }] of sheet.rows.entries()) {
    // Hashing and sealing each ID number is the cost; other callers wait their turn between rows.
    if (n > 0 && n % ROWS_PER_TURN === 0) await nextTurn();
    const cell = (c: Column) => (index[c] >= 0 ? cells[index[c]] : null);
    const problems: RowError[] = [];
    const problem = (c: Column, message: string) => problems.push({ row, column: ROSTER_COLUMNS[c], message });

    const name = text(cell('name'));
    if (!name) problem('name', '姓名不能为空');
    else if (name.length > 20) problem('name', '姓名过长（最多 20 个字）');

    const rawId = cell('idNumber');
    let parsed: ReturnType<typeof parseIdNumber> = 'format';
    if (typeof rawId === 'number') {
      problem('idNumber', '身份证号被 Excel 存成了数字，后几位已经丢失。请把这一列设为“文本”后重新填写');
    } else {
      parsed = parseIdNumber(text(rawId));
      if (typeof parsed === 'string') problem('idNumber', ID_PROBLEM_MESSAGES[parsed]);
    }

    const gender = text(cell('gender'));
    if (gender && gender !== '男' && gender !== '女') problem('gender', '性别应填“男”或“女”');
    if (gender && typeof parsed !== 'string' && gender !== parsed.gender) problem('gender', '性别与身份证号不符');

    const householdNo = text(cell('householdNo'));
    if (!householdNo) problem('householdNo', '户号不能为空');
    const relation = text(cell('relation'));
    if (!relation) problem('relation', '与户主关系不能为空');

    const phone = text(cell('phone'));
    if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone.replace(/\s/g, ''))) {
      problem('phone', '联系电话格式不对（手机 11 位，座机如 0543-1234567）');
    }

    const flag = (c: Column): boolean => {
      const v = text(cell(c)).toLowerCase();
      if (YES.has(v)) return true;
      if (!NO.has(v)) problem(c, `“${ROSTER_COLUMNS[c]}”应填“是”或“否”`);
      return false;
    };
    const flags = {
      partyMember: flag('partyMember'),
      representative: flag('representative'),
      lowIncome: flag('lowIncome'),
      activeSoldier: flag('activeSoldier'),
    };

    if (typeof parsed !== 'string') {
      const first = seenIds.get(parsed.normalized);
      if (first !== undefined) problem('idNumber', `与第 ${first} 行的身份证号重复`);
      else seenIds.set(parsed.normalized, row);
    }

    const isHead = HEAD_RELATIONS.has(relation);
    if (householdNo) {
      households.set(householdNo, [...(households.get(householdNo) ?? []), row]);
      if (isHead) {
        const other = heads.get(householdNo);
        if (other !== undefined) problem('relation', `户号 ${householdNo} 已在第 ${other} 行有户主`);
        else heads.set(householdNo, row);
      }
    }

    errors.push(...problems);
    if (problems.length === 0 && typeof parsed !== 'string') {
      const idHash = hashIdNumber(idKey, parsed.normalized);
      people.push({
        _id: `${villageId}:${idHash}`,
        villageId,
        name,
        nameKey: nameKey(name),
        gender: parsed.gender,
        idHash,
        idMasked: maskIdNumber(parsed.normalized),
        sealed: sealAgeFacts(idKey, `${villageId}:${idHash}`, { birthMonth: parsed.birthDate.slice(0, 7), adultOn: adultOn(parsed.birthDate) }),
        householdNo,
        relation,
        isHouseholdHead: isHead,
        group: text(cell('group')),
        phoneMasked: maskPhone(phone || null),
        phoneHash: phone && /^1\d{10}$/.test(phone.replace(/\s/g, '')) ? phoneHashOf(idKey, phone) : null,
        ...flags,
      });
    }
  }

  for (const [householdNo, rows] of households) {
    if (!heads.has(householdNo)) {
      errors.push({ row: rows[0], column: ROSTER_COLUMNS.relation, message: `户号 ${householdNo} 没有户主（第 ${rows.join('、')} 行）` });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { people, errors };
}
