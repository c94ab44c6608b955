import type { Block } from '../../../types/disclosure';
import { TABLE_CELL, TABLE_COLUMNS, TABLE_ROWS } from '../../../common/limits';

export type TableBlock = Extract<Block, { type: 'table' }>;

export type ParsedTables = { ok: true; tables: TableBlock[] } | { ok: false; message: string };

// The disclosure service's limits, checked here too so the cadre learns which line to fix.
const MAX_COLUMNS = TABLE_COLUMNS.max;
const MAX_ROWS = TABLE_ROWS.max;
const MAX_CELL = TABLE_CELL.max;

/** A truly empty line ends a table; a line of only Tabs is an empty row copied from Excel. */
const isBlank = (line: string) => /^[ \u3000]*$/.test(line);

function cellsOf(line: string): string[] {
  // Excel puts Tabs between cells; nobody can type a Tab on a phone, so otherwise commas
  // (either width, as a Chinese keyboard gives) separate the columns.
  const raw = line.includes('\t') ? line.split('\t') : line.split(/[,，]/);
  return raw.map((c) => {
    const t = c.trim();
    // Excel quotes a cell that holds a quote mark.
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
  });
}

function dropTrailingEmpty(cells: string[], keep = 0): string[] {
  let end = cells.length;
  while (end > keep && cells[end - 1] === '') end -= 1;
  return cells.slice(0, end);
}

/**
 * Tables as the cadre pasted or typed them: one line per row, the first line the column names,
 * an empty line between two tables. Errors name the line (as counted in the box) and say
 * what to change.
 */
export function parseTables(text: string): ParsedTables {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const tables: TableBlock[] = [];
  let current: { table: TableBlock; line: number } | null = null;

  for (const [i, line] of lines.entries()) {
    const at = i + 1;
    if (isBlank(line)) {
      current = null;
      continue;
    }
    const cells = cellsOf(line);
    if (cells.every((c) => c === '')) continue;
    const tooLong = cells.findIndex((c) => c.length > MAX_CELL);
    if (tooLong >= 0) return { ok: false, message: `表格第 ${at} 行第 ${tooLong + 1} 格太长了，每格最多 ${MAX_CELL} 个字。` };

    if (!current) {
      const columns = dropTrailingEmpty(cells);
      if (columns.length > MAX_COLUMNS) return { ok: false, message: `表格第 ${at} 行（表头）有 ${columns.length} 列，最多 ${MAX_COLUMNS} 列。` };
      const blank = columns.indexOf('');
      if (blank >= 0) return { ok: false, message: `表格第 ${at} 行（表头）第 ${blank + 1} 列没有名称，请给每一列写上名称。` };
      current = { table: { type: 'table', columns, rows: [] }, line: at };
      tables.push(current.table);
      continue;
    }

    const width = current.table.columns.length;
    const row = dropTrailingEmpty(cells, width);
    if (row.length > width) {
      return {
        ok: false,
        message: `表格第 ${at} 行有 ${row.length} 格，比表头多（表头 ${width} 列）。格子里的逗号会被当成分列，可以去掉，或者从 Excel 复制粘贴。`,
      };
    }
    if (current.table.rows.length >= MAX_ROWS) return { ok: false, message: `一张表格最多 ${MAX_ROWS} 行。` };
    // A short row is a row whose last cells were left empty.
    current.table.rows.push([...row, ...Array<string>(width - row.length).fill('')]);
  }

  for (const t of tables) {
    if (t.rows.length === 0) {
      return { ok: false, message: `表格“${t.columns.join('、')}”只有表头，没有内容。第一行是表头，下面每行是一条记录。` };
    }
  }
  return { ok: true, tables };
}

/** Tables back to the text box, Tab-separated so cells that hold commas survive the round trip. */
export function tablesText(tables: TableBlock[]): string {
  return tables.map((t) => [t.columns, ...t.rows].map((r) => r.join('\t')).join('\n')).join('\n\n');
}
