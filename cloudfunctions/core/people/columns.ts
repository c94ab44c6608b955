/**
 * How a roster's columns are recognised. Townships and villages keep rosters under many names for
 * the same column (身份证号码, 公民身份号码, 证件号码 …), often below a title row ("杨家村村民花名册")
 * and above a footer ("制表人：…"). These are pure rules; roster.ts applies them row by row.
 */

/** The fields of a roster, each under the name the page and the messages use. */
export const ROSTER_COLUMNS = {
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  householdNo: '户号',
  relation: '与户主关系',
  group: '村民小组',
  phone: '联系电话',
  partyMember: '党员',
  politics: '政治面貌',
  representative: '村民代表',
  lowIncome: '低保户',
  activeSoldier: '现役军人',
  hukouHere: '户籍在本村',
  hukouVillage: '户籍所在村',
} as const;

export type Column = keyof typeof ROSTER_COLUMNS;

/** Other names for each column, as found in real rosters (compared after normalizeHeader). */
export const COLUMN_SYNONYMS: Record<Column, string[]> = {
  name: ['姓名', '名字', '村民姓名', '人员姓名', '成员姓名'],
  gender: ['性别'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '居民身份证号码', '身份证件号码', '证件号码', '证件号', '身份证'],
  householdNo: ['户号', '户编号', '家庭户号'],
  relation: ['与户主关系', '与户主的关系', '家庭关系', '关系'],
  group: ['村民小组', '小组', '组别', '所在小组', '所属小组', '组'],
  phone: ['联系电话', '手机号', '手机号码', '联系方式', '电话', '电话号码', '手机', '移动电话'],
  partyMember: ['党员', '是否党员', '中共党员'],
  politics: ['政治面貌'],
  representative: ['村民代表', '是否村民代表'],
  lowIncome: ['低保户', '是否低保户', '低保', '是否低保'],
  activeSoldier: ['现役军人', '是否现役军人'],
  hukouHere: ['户籍在本村', '户籍是否在本村', '本村户籍', '是否本村户籍'],
  hukouVillage: ['户籍所在村', '户籍地', '户籍所在地', '户籍'],
};

export const REQUIRED: Column[] = ['name', 'idNumber', 'householdNo', 'relation'];

/** A header cell as compared: full-width folded, no spaces, no "*" or "（必填）" marks, no colon. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .replace(/\((必填|选填|可选)\)/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/:$/, '');
}

const BY_NAME = new Map<string, Column>(
  (Object.entries(COLUMN_SYNONYMS) as [Column, string[]][]).flatMap(([col, names]) => names.map((n) => [normalizeHeader(n), col] as [string, Column])),
);

export function columnOf(header: string): Column | null {
  return BY_NAME.get(normalizeHeader(header)) ?? null;
}

/** Excel's column letters, for messages about a column: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface HeaderMatch {
  index: Partial<Record<Column, number>>;
  /** Each recognised column: as the file names it and what it is read as. */
  columns: { header: string; as: string }[];
  /** Two columns of the file that mean the same thing: which one counts is not ours to guess. */
  doubled: string[];
}

export function matchHeader(cells: readonly (string | number | null)[]): HeaderMatch {
  const index: Partial<Record<Column, number>> = {};
  const columns: HeaderMatch['columns'] = [];
  const doubled: string[] = [];
  cells.forEach((cell, i) => {
    const header = cell === null ? '' : String(cell).trim();
    const col = header ? columnOf(header) : null;
    if (!col) return;
    const first = index[col];
    if (first !== undefined) {
      doubled.push(`第 ${columnLetter(first)} 列“${String(cells[first]).trim()}”和第 ${columnLetter(i)} 列“${header}”都是${ROSTER_COLUMNS[col]}，请删掉一列`);
      return;
    }
    index[col] = i;
    columns.push({ header, as: ROSTER_COLUMNS[col] });
  });
  return { index, columns, doubled };
}

/** How far down a title block may reach before the column names. */
export const HEADER_SEARCH_ROWS = 10;

export const missingRequired = (m: HeaderMatch): Column[] => REQUIRED.filter((c) => m.index[c] === undefined);

/** The names a missing column may go by, for the message that asks for it. */
export function missingMessage(missing: Column[]): string {
  const parts = missing.map((c) => {
    const others = COLUMN_SYNONYMS[c].filter((n) => n !== ROSTER_COLUMNS[c]).slice(0, 3);
    return others.length ? `${ROSTER_COLUMNS[c]}（也可以叫${others.join('、')}）` : ROSTER_COLUMNS[c];
  });
  return `表头缺少必需的列：${parts.join('、')}`;
}

/** A row below the people that is a signature or total line, not a person. */
const FOOTER = /^(制表|填表|填报|审核|审批|合计|总计|共计|小计|备注|说明|负责人|联系人|日期|签字|签名|盖章|村委会|村民委员会)/;

export function isFooterRow(firstText: string, idCell: string): boolean {
  return idCell === '' && FOOTER.test(normalizeHeader(firstText));
}

const YES = new Set(['是', '1', 'y', 'yes', '√', '✓', '✔', 'true', '有']);
const NO = new Set(['否', '0', 'n', 'no', '', 'false', '×', '✗', '无', '不是']);

/** A yes/no cell: true, false, or null when it is neither. */
export function flagOf(text: string): boolean | null {
  const v = text.normalize('NFKC').trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** 政治面貌 as written on forms: only the Communist Party's members count as 党员 here. */
export function partyFromPolitics(text: string): boolean {
  return ['中共党员', '中国共产党党员', '中共预备党员', '预备党员', '党员'].includes(normalizeHeader(text));
}

/** Whether a place as written is this village: its name, without 村, or after its township or county. */
export function isThisVillage(place: string, villageName: string): boolean {
  const v = normalizeHeader(place);
  const name = normalizeHeader(villageName);
  if (v === '本村') return true;
  if (!name) return false;
  if (v === name || v === name.replace(/村$/, '')) return true;
  return v.endsWith(name) && /(省|市|县|区|镇|乡|街道|办事处)$/.test(v.slice(0, -name.length));
}

/**
 * Where the roster puts a person's 户籍. Two shapes, both documented for clerks:
 * - 户籍在本村 (是/否): blank is 是, since most people's 户籍 is where they live and clerks mark
 *   the few; this village's own name reads as 是 too.
 * - 户籍所在村 (or just 户籍): a place. Blank, 本村 or this village's name is here; 是/否 read as
 *   above; any other place is elsewhere and kept as written (the township sees it).
 * Null means the cell cannot be read: a 户籍在本村 cell that is neither 是/否 nor this village.
 */
export function hukouOf(column: 'hukouHere' | 'hukouVillage', text: string, villageName: string): { here: boolean; place: string | null } | null {
  const v = normalizeHeader(text);
  if (v === '' || isThisVillage(v, villageName)) return { here: true, place: null };
  const flag = flagOf(v);
  if (flag !== null) return { here: flag, place: null };
  if (column === 'hukouHere') return null;
  return { here: false, place: text.trim().slice(0, 40) };
}

/**
 * A phone number as written (spaces in groups, full-width digits, +86, 138-0543-1234) in the one
 * form it is checked, masked and matched in. Null when it is not a phone number.
 */
export function normalizePhone(raw: string): string | null {
  let v = raw.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]/g, '');
  if (v === '') return '';
  v = v.replace(/^(\+?86)(?=1\d{10}$|1\d{2}-)/, '');
  const mobile = v.replace(/-/g, '');
  if (/^1\d{10}$/.test(mobile)) return mobile;
  if (/^0\d{2,3}-?\d{7,8}$/.test(v)) return v;
  return null;
}
