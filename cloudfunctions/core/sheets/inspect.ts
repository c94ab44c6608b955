import yauzl from 'yauzl';
import { columnIndex, csvShape, type SheetLimits } from './limits';
import { SheetError } from './read';

/**
 * Checks a spreadsheet against the limits before anything parses it: for .xlsx the zip's own
 * directory (how many files, how large unpacked, how many sheets) and then the first sheet's
 * XML as it streams by (how many rows, the widest column), stopping at the first thing over.
 * Nothing is built in memory but a few counters, so a hostile file costs milliseconds.
 */
export async function inspectSheet(fileName: string, bytes: Buffer, limits: SheetLimits, decodeCsv: (b: Buffer) => string): Promise<void> {
  if (fileName.toLowerCase().endsWith('.csv')) return checkShape(csvShape(decodeCsv(bytes)), limits);
  if (fileName.toLowerCase().endsWith('.xlsx')) return inspectXlsx(bytes, limits);
}

function checkShape(shape: { rows: number; columns: number; lastColumn?: string }, limits: SheetLimits): void {
  if (shape.columns > limits.columns) {
    throw new SheetError(
      `表格最多 ${limits.columns} 列，这个文件有 ${shape.columns} 列${shape.lastColumn ? `（一直到 ${shape.lastColumn} 列）` : ''}。请删掉多余的列后再导入。`,
    );
  }
  // The first row is the header.
  if (shape.rows - 1 > limits.rows) {
    throw new SheetError(`表格最多 ${limits.rows} 行数据，这个文件有 ${shape.rows - 1} 行。请分成几个文件导入。`);
  }
}

interface Entry {
  name: string;
  packed: number;
  unpacked: number;
  raw: yauzl.Entry;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(err) : resolve(zip)));
  });
}

function listEntries(zip: yauzl.ZipFile, limits: SheetLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push({ name: e.fileName, packed: e.compressedSize, unpacked: e.uncompressedSize, raw: e });
      if (out.length > limits.entries) reject(new SheetError('这个文件里装的东西太多，不像是一张 Excel 表格。'));
      else zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Streams one entry, handing its text to `each` chunk by chunk; `each` returns false to stop. */
function streamEntry(zip: yauzl.ZipFile, entry: Entry, each: (text: string) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry.raw, (err, stream) => {
      if (err || !stream) return reject(err);
      const decoder = new TextDecoder('utf-8');
      stream.on('data', (chunk: Buffer) => {
        try {
          if (!each(decoder.decode(chunk, { stream: true }))) stream.destroy();
        } catch (e) {
          stream.destroy();
          reject(e);
        }
      });
      stream.on('close', () => resolve());
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
  });
}

async function textOf(zip: yauzl.ZipFile, entry: Entry): Promise<string> {
  let text = '';
  await streamEntry(zip, entry, (t) => {
    text += t;
    return true;
  });
  return text;
}

/** The first worksheet in the workbook's own order (what the import reads), as a zip path. */
async function firstSheetPath(zip: yauzl.ZipFile, byName: Map<string, Entry>): Promise<string | null> {
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels || workbook.unpacked > 1024 * 1024 || rels.unpacked > 1024 * 1024) return null;
  const rid = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(await textOf(zip, workbook))?.[1];
  if (!rid) return null;
  const relsText = await textOf(zip, rels);
  const rel = [...relsText.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

async function inspectXlsx(bytes: Buffer, limits: SheetLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new SheetError('文件打不开，请确认是 Excel（.xlsx）或 CSV 文件，并且没有加密');
  }
  try {
    const entries = await listEntries(zip, limits);
    const unpacked = entries.reduce((n, e) => n + e.unpacked, 0);
    const bomb = entries.some((e) => e.unpacked > 1024 * 1024 && e.unpacked / Math.max(e.packed, 1) > limits.ratio);
    if (unpacked > limits.unpackedBytes || bomb) {
      throw new SheetError(`文件解压后太大（${(unpacked / 1024 / 1024).toFixed(0)} MB），不像是花名册或账目表格。请另存为新的 Excel 文件后再导入。`);
    }
    const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).length;
    if (sheets > limits.sheets) throw new SheetError(`工作簿里有 ${sheets} 张表，最多 ${limits.sheets} 张。请把要导入的表单独存成一个文件。`);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const path = await firstSheetPath(zip, byName);
    const sheet = (path && byName.get(path)) ?? entries.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
    if (!sheet) return;
    await scanSheet(zip, sheet, limits);
  } finally {
    zip.close();
  }
}

/** Counts rows and finds the widest cell reference as the sheet's XML goes by. */
async function scanSheet(zip: yauzl.ZipFile, sheet: Entry, limits: SheetLimits): Promise<void> {
  let rows = 0;
  let widest = 0;
  let widestName = '';
  let carry = '';
  const refs = /<(row|c)\b[^>]*?\br="([A-Z]*)(\d+)"/g;
  await streamEntry(zip, sheet, (text) => {
    const chunk = carry + text;
    // A tag cut by the chunk's end is looked at again with the next chunk.
    const cut = chunk.lastIndexOf('<');
    const whole = cut > chunk.length - 512 ? chunk.slice(0, cut) : chunk;
    carry = chunk.slice(whole.length);
    for (const m of whole.matchAll(refs)) {
      if (m[1] === 'row') rows += 1;
      else if (m[2]) {
        const col = columnIndex(m[2]);
        if (col > widest) {
          widest = col;
          widestName = m[2];
        }
      }
    }
    checkShape({ rows, columns: widest, lastColumn: widestName }, limits);
    return true;
  });
}
