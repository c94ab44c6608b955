import type ExcelJS from 'exceljs';

/**
 * exceljs (and its zip libraries) is loaded on the first spreadsheet read, not with the function:
 * the finance function's other calls — the money page villagers open — start without it.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
import { calendarDayOf } from '../shared/time';
import { Readable } from 'node:stream';

/** One data row of a spreadsheet: its row number as the person sees it in Excel, and its cells. */
export interface SheetRow {
  row: number;
  cells: (string | number | null)[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
  /** The row number of `header` (the first row with anything in it); 1 when not given. */
  headerRow?: number;
}

export class SheetError extends Error {}

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return calendarDayOf(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/**
 * CSV files saved by Excel on Chinese Windows are GB18030, not UTF-8: try UTF-8 strictly first,
 * and fall back so names do not turn into mojibake.
 */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Reads the first worksheet of an .xlsx or a .csv into header + rows, keeping ID numbers as text.
 * On the thread it is called on, with no limits: services call readSheet (isolate.ts), which
 * checks the file first and runs this off the request thread.
 */
export async function parseSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  const wb = new (await loadExcel()).Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  const lower = fileName.toLowerCase();
  try {
    if (lower.endsWith('.xlsx')) {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      ws = wb.worksheets[0];
    } else if (lower.endsWith('.csv')) {
      // `map` keeps every value as the text typed: the default would turn ID numbers into floats.
      ws = await wb.csv.read(Readable.from([decodeCsv(bytes)]), { map: (v: unknown) => v });
    } else {
      throw new SheetError('只支持 .xlsx 或 .csv 文件');
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError('文件打不开，请确认是 Excel（.xlsx）或 CSV 文件，并且没有加密');
  }
  if (!ws || ws.rowCount === 0) throw new SheetError('文件里没有内容');
  const header: string[] = [];
  const rows: SheetRow[] = [];
  let headerRow = 1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is sparse (blank cells are holes): Array.from turns holes into nulls.
    const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => cellValue(v));
    if (header.length === 0) {
      header.push(...values.map((v) => String(v ?? '').trim()));
      headerRow = rowNumber;
      return;
    }
    if (values.every((v) => v === null || String(v).trim() === '')) return;
    rows.push({ row: rowNumber, cells: values });
  });
  return { header, rows, headerRow };
}
