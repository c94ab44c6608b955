import type { Sheet } from '../sheets/api';
import { adultOn, hashIdNumber, idProblemMessage, maskIdNumber, parseIdNumber } from './idcard';
import { nameKey, phoneHashOf, sealAgeFacts, type PersonFields } from './model';
import { maskPhone } from '../shared/personal-numbers';
import {
  flagOf,
  HEADER_SEARCH_ROWS,
  hukouOf,
  isFooterRow,
  matchHeader,
  missingMessage,
  missingRequired,
  normalizePhone,
  partyFromPolitics,
  ROSTER_COLUMNS,
  type Column,
  type HeaderMatch,
} from './columns';

export { ROSTER_COLUMNS } from './columns';

const HEAD_RELATIONS = new Set(['户主', '本人']);

export interface RowError {
  /** The spreadsheet row number (as Excel shows it). */
  row: number;
  column?: string;
  message: string;
}

/** Something the file said that was read in a way worth telling (a 15-digit ID made 18, a footer skipped). */
export type RowNote = RowError;

export type PersonDraft = Omit<PersonFields, 'inRoster' | 'assignedRoles' | 'boundOpenid' | 'importedAt'>;

export interface RosterCheck {
  people: PersonDraft[];
  errors: RowError[];
  notes: RowNote[];
  /** The spreadsheet row each person came from, by person id. */
  rowOf: Map<string, number>;
  /** How many rows were read as people (title, header and footer rows not counted). */
  rows: number;
  /** The row with the column names (below any title rows). */
  headerRow: number;
  columns: HeaderMatch['columns'];
  /** The file says where each person's 户籍 is; without the column, an import leaves it as it was. */
  hasHukou: boolean;
}

export interface RosterOptions {
  /** This village's name: a 户籍所在村 cell that names it means "here". */
  villageName?: string;
}

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Rows checked between turns of the event loop: a 5,000-person roster must not hold the host. */
const ROWS_PER_TURN = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The column names: the first row, or the first of the next few that has every required column. */
function findHeader(sheet: Sheet): { match: HeaderMatch; headerRow: number; dataFrom: number } | { error: string } {
  const candidates = [
    { cells: sheet.header, headerRow: sheet.rows[0] ? sheet.rows[0].row - 1 : 1, dataFrom: 0 },
    ...sheet.rows.slice(0, HEADER_SEARCH_ROWS).map((r, i) => ({ cells: r.cells, headerRow: r.row, dataFrom: i + 1 })),
  ];
  let best: HeaderMatch | null = null;
  for (const c of candidates) {
    const match = matchHeader(c.cells);
    if (missingRequired(match).length === 0) return { match, headerRow: c.headerRow, dataFrom: c.dataFrom };
    if (!best || match.columns.length > best.columns.length) best = match;
  }
  return { error: missingMessage(missingRequired(best as HeaderMatch)) };
}

/** A footer's words in a note, with any long run of digits left out (it could be a number of someone's). */
const quoted = (t: string) =>
  t
    .replace(/\d{6,}/g, '…')
    .replace(/\s+/g, ' ')
    .slice(0, 24);

/**
 * Checks every row (ID number and its check digit, birth date, gender, duplicates, households
 * without a head) and turns the good ones into people. Row errors are in Chinese, one per problem.
 * Rosters are read as townships keep them: column names by their usual synonyms, title rows
 * above the names and signature lines below the people skipped, full-width characters, spaces
 * inside numbers and 15-digit IDs (upgraded, and said so).
 */
export async function checkRoster(sheet: Sheet, villageId: string, idKey: string, opts: RosterOptions = {}): Promise<RosterCheck> {
  const empty = { people: [], notes: [], rowOf: new Map<string, number>(), rows: 0, headerRow: 1, columns: [], hasHukou: false };
  const found = findHeader(sheet);
  if ('error' in found) return { ...empty, errors: [{ row: 1, message: found.error }] };
  const { match, headerRow, dataFrom } = found;
  if (match.doubled.length) return { ...empty, headerRow, columns: match.columns, errors: match.doubled.map((message) => ({ row: headerRow, message })) };
  const index = match.index;
  const hukouColumn: 'hukouHere' | 'hukouVillage' | null =
    index.hukouHere !== undefined ? 'hukouHere' : index.hukouVillage !== undefined ? 'hukouVillage' : null;

  const errors: RowError[] = [];
  const notes: RowNote[] = [];
  const people: PersonDraft[] = [];
  const rowOf = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const heads = new Map<string, number>();
  const households = new Map<string, number[]>();
  let read = 0;

  for (const [n, { row, cells }] of sheet.rows.slice(dataFrom).entries()) {
    // Hashing and sealing each ID number is the cost; other callers wait their turn between rows.
    if (n > 0 && n % ROWS_PER_TURN === 0) await nextTurn();
    const cell = (c: Column) => (index[c] !== undefined ? (cells[index[c] as number] ?? null) : null);
    const firstText = text(cells.find((v) => text(v) !== '') ?? '');
    if (isFooterRow(firstText, text(cell('idNumber')))) {
      notes.push({ row, message: `“${quoted(firstText)}”不是村民，已跳过这一行` });
      continue;
    }
    // A template's numbered empty lines: only a 序号, nothing in any column a person has.
    if (Object.values(index).every((i) => text(cells[i as number] ?? null) === '')) continue;
    read += 1;
    const problems: RowError[] = [];
    const problem = (c: Column, message: string) => problems.push({ row, column: ROSTER_COLUMNS[c], message });

    // Kept as written (inner spaces too); matched by nameKey, which ignores them.
    const name = text(cell('name'));
    if (!nameKey(name)) problem('name', '姓名不能为空');
    else if (nameKey(name).length > 20 || name.length > 30) problem('name', '姓名过长（最多 20 个字）');

    const rawId = cell('idNumber');
    let parsed: ReturnType<typeof parseIdNumber> = 'format';
    if (typeof rawId === 'number') {
      problem('idNumber', '身份证号被 Excel 存成了数字，后几位已经丢失。请把这一列设为“文本”后重新填写');
    } else {
      parsed = parseIdNumber(text(rawId));
      if (typeof parsed === 'string') problem('idNumber', idProblemMessage(parsed, text(rawId)));
    }

    const gender = text(cell('gender')).normalize('NFKC');
    if (gender && gender !== '男' && gender !== '女') problem('gender', '性别应填“男”或“女”');
    if (gender && typeof parsed !== 'string' && gender !== parsed.gender) problem('gender', '性别与身份证号不符');

    const householdNo = text(cell('householdNo')).normalize('NFKC').replace(/\s/g, '');
    if (!householdNo) problem('householdNo', '户号不能为空');
    const relation = text(cell('relation')).normalize('NFKC').replace(/\s/g, '');
    if (!relation) problem('relation', '与户主关系不能为空');

    const phone = normalizePhone(text(cell('phone')));
    if (phone === null) problem('phone', `${ROSTER_COLUMNS.phone}格式不对（手机 11 位，座机如 0543-1234567）`);

    const flag = (c: Column): boolean => {
      const v = flagOf(text(cell(c)));
      if (v === null) problem(c, `“${ROSTER_COLUMNS[c]}”应填“是”或“否”`);
      return v === true;
    };
    const flags = {
      // A 党员 column says it outright; otherwise 政治面貌 does (中共党员, 中共预备党员).
      partyMember: index.partyMember !== undefined || index.politics === undefined ? flag('partyMember') : partyFromPolitics(text(cell('politics'))),
      representative: flag('representative'),
      lowIncome: flag('lowIncome'),
      activeSoldier: flag('activeSoldier'),
    };

    let hukou: { here: boolean; place: string | null } | null = null;
    if (hukouColumn) {
      hukou = hukouOf(hukouColumn, text(cell(hukouColumn)), opts.villageName ?? '');
      if (!hukou) problem(hukouColumn, `“${ROSTER_COLUMNS[hukouColumn]}”应填“是”或“否”（空着算“是”）`);
    }

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
      const _id = `${villageId}:${idHash}`;
      if (parsed.converted15) {
        notes.push({
          row,
          column: ROSTER_COLUMNS.idNumber,
          message: `15 位的老身份证号，已按国家标准升为 18 位：${maskIdNumber(parsed.normalized)}（出生年份前补“19”，最后一位校验码按规则算出）`,
        });
      }
      rowOf.set(_id, row);
      people.push({
        _id,
        villageId,
        name,
        nameKey: nameKey(name),
        gender: parsed.gender,
        idHash,
        idMasked: maskIdNumber(parsed.normalized),
        sealed: sealAgeFacts(idKey, _id, { birthMonth: parsed.birthDate.slice(0, 7), adultOn: adultOn(parsed.birthDate) }),
        householdNo,
        relation,
        isHouseholdHead: isHead,
        group: text(cell('group')),
        phoneMasked: maskPhone(phone || null),
        phoneHash: phone && /^1\d{10}$/.test(phone) ? phoneHashOf(idKey, phone) : null,
        ...flags,
        ...(hukou ? { hukouHere: hukou.here, hukouPlace: hukou.place } : {}),
      });
    }
  }

  if (read === 0 && errors.length === 0) errors.push({ row: headerRow + 1, message: '表格里没有村民' });
  for (const [householdNo, rows] of households) {
    if (!heads.has(householdNo)) {
      errors.push({ row: rows[0], column: ROSTER_COLUMNS.relation, message: `户号 ${householdNo} 没有户主（第 ${rows.join('、')} 行）` });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  notes.sort((a, b) => a.row - b.row);
  return { people, errors, notes, rowOf, rows: read, headerRow, columns: match.columns, hasHukou: hukouColumn !== null };
}
