/**
 * What an imported spreadsheet may hold. A village's roster is up to about 3,000 people and a
 * year of its books about 1,200 rows; the limits leave room for both and refuse what only an
 * attack or a wrong file would bring (a cell at column XFD makes every row 16,384 cells wide).
 */
export const SHEET_LIMITS = {
  /** Data rows, the header not counted. */
  rows: 5_000,
  columns: 50,
  /** Worksheets in a workbook (only the first is read). */
  sheets: 20,
  /** Files inside the .xlsx zip. */
  entries: 200,
  /** All files of the zip, unpacked. */
  unpackedBytes: 40 * 1024 * 1024,
  /** One file unpacked per byte packed: text compresses well, a zip bomb far better. */
  ratio: 200,
  /** Parsing, off the request thread. */
  timeoutMs: 10_000,
  memoryMb: 256,
};

export type SheetLimits = Readonly<typeof SHEET_LIMITS>;

/** Spreadsheet column letters to a 1-based index: A → 1, AX → 50, XFD → 16384. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Rows and widest row of a CSV text, counting commas outside quotes (a quoted "a,b" is one cell). */
export function csvShape(text: string): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  let cells = 1;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') cells += 1;
    else if (!quoted && ch === '\n') {
      if (!blank) rows += 1;
      columns = Math.max(columns, cells);
      cells = 1;
      blank = true;
      continue;
    }
    if (ch !== '\r' && ch !== ',' && ch !== ' ') blank = false;
  }
  if (!blank) rows += 1;
  return { rows, columns: Math.max(columns, cells) };
}
