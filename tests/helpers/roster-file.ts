import ExcelJS from 'exceljs';
import { checkCharacter } from '../../cloudfunctions/core/people/idcard';

export const HEADER = ['姓名', '性别', '身份证号', '户号', '与户主关系', '村民小组', '联系电话', '党员', '村民代表', '低保户', '现役军人'];

export type RosterRow = (string | number | null)[];

/** A valid ID number for the n-th test person (region 371603, born 1960–1999). */
export function testId(n: number): string {
  const birth = `${1960 + (n % 40)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
  // 3-digit sequence from n keeps IDs unique for a few thousand people (date varies too).
  const first17 = `371603${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/**
 * `count` people in households of four, each with a head; genders follow the ID. `from` starts
 * the IDs further on: one person's ID on two villages' rosters is a case of its own (户籍), so a
 * test that imports into two villages of one host gives each its own people.
 */
export function rosterRows(count: number, from = 0): RosterRow[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const id = testId(n);
    return [
      `村民${n}`,
      Number(id[16]) % 2 === 1 ? '男' : '女',
      id,
      `H${Math.floor(n / 4)}`,
      n % 4 === 0 ? '户主' : '子女',
      `第${(n % 3) + 1}组`,
      n % 10 === 0 ? `1380543${String(n).padStart(4, '0').slice(-4)}` : '',
      n % 9 === 0 ? '是' : '否',
      n % 20 === 0 ? '是' : '否',
      '否',
      '否',
    ];
  });
}

export async function xlsxBase64(rows: RosterRow[], header = HEADER): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(header);
  // Text format for the ID column, as a careful cadre would set it.
  ws.getColumn(3).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer).toString('base64');
}

export function csvText(rows: RosterRow[], header = HEADER): string {
  const quote = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
}

/**
 * A roster as a township keeps it: title rows above the column names (the first merged across),
 * the people, then signature lines below. Every cell is text, as clerks' files are.
 */
export async function titledXlsxBase64(title: string[], header: string[], rows: RosterRow[], footer: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow([title[0]]);
  ws.mergeCells(1, 1, 1, header.length);
  for (const t of title.slice(1)) ws.addRow([t]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? null : String(v))));
  for (const f of footer) ws.addRow([f]);
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer).toString('base64');
}

/** Digits as a Chinese input method in full-width mode types them. */
export const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
