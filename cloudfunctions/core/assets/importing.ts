import { z } from 'zod';
import type { AssetImportFile, AssetImportPreview, AssetImportProblem, AssetInput, AssetRegister, ResourceInput } from '../../../types/assets';
import { ASSET_REGISTER_LABEL } from '../../../types/assets';
import { ASSET_KEEPER, ASSET_NAME, ASSET_NOTE, ASSET_PLACE, type TextLimit } from '../../../common/limits';
import { MAX_FEN } from '../../../common/money';
import type { Ports } from '../../ports';
import { isStoreError } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { dropIncoming, takeIncoming } from '../attachments/api';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { C } from '../collections';
import { readSheet, type Sheet, SheetError } from '../sheets/api';
import { sha256 } from '../shared/digest';
import { fail } from '../shared/errors';
import { findAll } from '../shared/paging';
import { chinaDay, isCalendarDay } from '../shared/time';
import {
  assetKindOf,
  assetStateOf,
  assetUseOf,
  type Cell,
  COLUMNS_OF,
  type ColumnMatch,
  dayOf,
  decimalOf,
  fold,
  isFooter,
  landKindOf,
  matchColumns,
  missingOf,
  missingText,
  resourceStateOf,
  textOf,
} from './import-columns';
import type { AssetDoc, ResourceDoc } from './model';
import { assetsPolicy } from './policy';
import { assetFields, resourceFields } from './schema';
import { scanVillage } from './warnings';

// 导入资产台账 / 资源台账: the spreadsheets county 三资 platforms export, checked row by row and
// shown first, then registered all together or not at all (as the ledger's import).

/** How far down a title block may reach before the column names. */
const HEADER_SEARCH_ROWS = 10;
/** Entries a write request carries: a 3,000-row 台账 is six requests, well within a call's time. */
const BATCH = 500;
const SAMPLE = 5;

type Entry = Omit<AssetInput, 'villageId'> | Omit<ResourceInput, 'villageId'>;

/** A row that reads as an entry, with the id it is registered under. */
interface Draft {
  line: number;
  id: string;
  entry: Entry;
}

export interface RegisterRead {
  preview: AssetImportPreview;
  drafts: Draft[];
}

const NOUN: Record<AssetRegister, string> = { assets: '资产', resources: '资源' };

/**
 * Each row's id comes from the file and its line: importing the same file again finds the rows an
 * earlier call already wrote (one cut short by the time budget) and adds only the rest.
 */
const idOf = (villageId: string, register: AssetRegister, fileHash: string, line: number) =>
  sha256(`${villageId}:${register}:${fileHash}:${line}`).slice(0, 20);

function findHeader(register: AssetRegister, sheet: Sheet): { at: number; match: ColumnMatch } | { line: number; message: string } {
  const candidates = [{ row: sheet.headerRow ?? 1, cells: sheet.header as Cell[] }, ...sheet.rows].slice(0, HEADER_SEARCH_ROWS + 1);
  const specs = COLUMNS_OF[register];
  let best: { line: number; match: ColumnMatch } | null = null;
  for (const [at, c] of candidates.entries()) {
    const match = matchColumns(specs, c.cells);
    if (missingOf(specs, match).length === 0) return { at, match };
    if (!best || match.columns.length > best.match.columns.length) best = { line: c.row, match };
  }
  const other: AssetRegister = register === 'assets' ? 'resources' : 'assets';
  if (candidates.some((c) => missingOf(COLUMNS_OF[other], matchColumns(COLUMNS_OF[other], c.cells)).length === 0)) {
    return { line: candidates[0].row, message: `这像是${ASSET_REGISTER_LABEL[other]}，请选“导入${ASSET_REGISTER_LABEL[other]}”再导入。` };
  }
  const found = best as { line: number; match: ColumnMatch };
  return {
    line: found.match.columns.length ? found.line : candidates[0].row,
    message: `没有找到表头：前 ${HEADER_SEARCH_ROWS} 行里没有一行写齐这些列：${missingText(missingOf(specs, found.match))}。`,
  };
}

/** Reasons a text cell is refused: too long for the register. */
function tooLong(reasons: string[], label: string, text: string, { max }: TextLimit): void {
  if (text.length > max) reasons.push(`${label}太长（最多 ${max} 个字）`);
}

function choice<T>(reasons: string[], label: string, text: string, value: T | null, allowed: string): T {
  if (!text) reasons.push(`没有写${label}（${allowed}）`);
  else if (value === null) reasons.push(`${label}“${text}”不认识，应为${allowed}`);
  return value as T;
}

function acquiredOf(reasons: string[], cell: Cell, today: string): string {
  const text = textOf(cell);
  const day = dayOf(cell);
  if (!text) reasons.push('没有写购建日期');
  else if (day === 'ambiguous') reasons.push(`购建日期“${text}”分不清是 1 月还是 10 月，请写成 ${text.slice(0, 4)}-01 或 ${text.slice(0, 4)}-10`);
  else if (day === null && /^\d{4}年?$/.test(text)) reasons.push(`购建日期“${text}”只写了年份，请写到月，如 ${text.slice(0, 4)}-05`);
  else if (day === null || !isCalendarDay(day) || day < '1900-01-01') reasons.push(`购建日期“${text}”看不懂，请写成 2010-05-01 或 2010年5月`);
  else if (day > today) reasons.push(`购建日期 ${day} 还没到`);
  return day ?? '';
}

function amountOf(reasons: string[], label: string, cell: Cell, places: number, words: { example: string; precise: string }): number {
  const text = textOf(cell);
  const d = decimalOf(cell, places);
  if (d.kind === 'blank') reasons.push(`没有写${label}`);
  else if (d.kind === 'bad') reasons.push(`${label}“${text}”看不懂，应为数字，如 ${words.example}`);
  else if (d.kind === 'precise') reasons.push(`${label}“${text}”${words.precise}`);
  return d.kind === 'ok' ? d.value : 0;
}

/** An entry of the 资产台账; its reasons in the order of the columns. */
function assetRow(cell: (f: string) => Cell, places: Record<string, number>, today: string, reasons: string[]): Entry {
  const t = (f: string) => textOf(cell(f));
  const kind = choice(reasons, '资产类别', t('kind'), assetKindOf(t('kind')), '房屋建筑、机器设备、基础设施、交通工具或其他');
  const use = choice(reasons, '经营性质', t('use'), assetUseOf(t('use')), '经营性或非经营性');
  const acquiredOn = acquiredOf(reasons, cell('acquiredOn'), today);
  const fenPlaces = places.originalFen ?? 2;
  const scaled = amountOf(reasons, '原值', cell('originalFen'), fenPlaces, {
    example: '12,500.00',
    precise: fenPlaces === 2 ? '超过两位小数（记到分为止）' : `超过 ${fenPlaces} 位小数（记到分为止）`,
  });
  // 万元 is read to six places and kept in fen: 1.234567 万元 is 12,345.67 元.
  const originalFen = scaled / 10 ** (fenPlaces - 2);
  if (originalFen > MAX_FEN) reasons.push('原值太大，请核对');
  const state = choice(reasons, '使用状态', t('state'), assetStateOf(t('state')), '在用、出租、闲置或报废');
  const entry = { name: t('name'), kind, use, location: t('location'), acquiredOn, originalFen, state, keeper: t('keeper'), note: t('note') };
  tooLong(reasons, '坐落位置', entry.location, ASSET_PLACE);
  tooLong(reasons, '管理人', entry.keeper, ASSET_KEEPER);
  tooLong(reasons, '备注', entry.note, ASSET_NOTE);
  return entry;
}

/** An entry of the 资源台账; its reasons in the order of the columns. */
function resourceRow(cell: (f: string) => Cell, reasons: string[]): Entry {
  const t = (f: string) => textOf(cell(f));
  const landKind = choice(reasons, '资源类别', t('landKind'), landKindOf(t('landKind')), '耕地、林地、园地、草地、水面、四荒地或建设用地');
  const areaMu100 = amountOf(reasons, '面积', cell('areaMu100'), 2, { example: '12.5', precise: '超过两位小数，请保留到 0.01 亩' });
  if (decimalOf(cell('areaMu100'), 2).kind === 'ok' && areaMu100 === 0) reasons.push('面积应大于 0');
  if (areaMu100 > 10_000_000) reasons.push('面积太大，请核对');
  const state = choice(reasons, '发包状态', t('state'), resourceStateOf(t('state')), '发包、未发包或自营');
  const entry = { name: t('name'), landKind, areaMu100, location: t('location'), state, note: t('note') };
  tooLong(reasons, '坐落', entry.location, ASSET_PLACE);
  tooLong(reasons, '备注', entry.note, ASSET_NOTE);
  return entry;
}

const SCHEMA: Record<AssetRegister, z.ZodType> = { assets: z.strictObject(assetFields), resources: z.strictObject(resourceFields) };

/** A footer's or title's words in a note, shortened. */
const quoted = (cells: Cell[]) => cells.map(textOf).filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 30);

/**
 * Reads a 台账 against the register as it stands. Each bad row is one problem, naming its Excel
 * line and every reason; rows this very file already registered are counted, not checked again.
 */
export function readRegister(
  register: AssetRegister,
  sheet: Sheet,
  ctx: { villageId: string; fileHash: string; today: string; existing: { _id: string; name: string }[] },
): RegisterRead {
  const noun = NOUN[register];
  const preview: AssetImportPreview = { register, rows: 0, ok: 0, problems: [], already: 0, skipped: [], headerRow: null, columns: [], sample: [] };
  const found = findHeader(register, sheet);
  if ('message' in found) {
    preview.problems.push({ line: found.line, message: found.message });
    return { preview, drafts: [] };
  }
  const all = [{ row: sheet.headerRow ?? 1, cells: sheet.header as Cell[] }, ...sheet.rows];
  const { match } = found;
  preview.headerRow = all[found.at].row;
  preview.columns = match.columns;
  for (const t of all.slice(0, found.at)) preview.skipped.push({ line: t.row, message: `标题：${quoted(t.cells)}` });
  if (match.doubled.length) {
    preview.problems.push(...match.doubled.map((message) => ({ line: preview.headerRow as number, message })));
    return { preview, drafts: [] };
  }

  const body = all.slice(found.at + 1);
  const ours = (line: number) => idOf(ctx.villageId, register, ctx.fileHash, line);
  const ids = new Set(ctx.existing.map((d) => d._id));
  const fromFile = new Set(body.map((r) => ours(r.row)));
  // Names already on the register, other than rows this very file put there.
  const registered = new Set(ctx.existing.filter((d) => !fromFile.has(d._id)).map((d) => fold(d.name)));
  const inFile = new Map<string, number>();
  const drafts: Draft[] = [];
  for (const { row, cells } of body) {
    const cell = (f: string): Cell => (f in match.index ? (cells[match.index[f]] ?? null) : null);
    const first = cells.map(textOf).find(Boolean) ?? '';
    const keyed = [textOf(cell('name')), textOf(cell(register === 'assets' ? 'kind' : 'landKind'))];
    if (isFooter(first) && (keyed[0] === '' || keyed[0] === first) && keyed[1] === '') {
      preview.skipped.push({ line: row, message: `不是一项${noun}：${quoted(cells)}` });
      continue;
    }
    if (missingOf(COLUMNS_OF[register], matchColumns(COLUMNS_OF[register], cells)).length === 0) {
      preview.skipped.push({ line: row, message: '重复的表头（分页时打印的）' });
      continue;
    }
    // Platforms print numbered blank rows below the entries: nothing in any column read.
    if (Object.keys(match.index).every((f) => textOf(cell(f)) === '')) {
      preview.skipped.push({ line: row, message: `空行：${quoted(cells)}` });
      continue;
    }
    preview.rows += 1;
    const id = ours(row);
    if (ids.has(id)) {
      preview.already += 1;
      inFile.set(fold(textOf(cell('name'))), row);
      continue;
    }
    const reasons: string[] = [];
    const entry = register === 'assets' ? assetRow(cell, match.places, ctx.today, reasons) : resourceRow(cell, reasons);
    const key = fold(entry.name);
    if (!entry.name) reasons.unshift(`没有写${noun}名称`);
    else if (entry.name.length < ASSET_NAME.min || entry.name.length > ASSET_NAME.max)
      reasons.unshift(`${noun}名称应为 ${ASSET_NAME.min} 到 ${ASSET_NAME.max} 个字`);
    else if (inFile.has(key)) reasons.unshift(`和第 ${inFile.get(key)} 行的${noun}重名：每项${noun}的名称要不同，可加上位置或编号区分`);
    else if (registered.has(key)) reasons.unshift(`${ASSET_REGISTER_LABEL[register]}里已经有“${entry.name}”，不能重复登记`);
    if (entry.name && !inFile.has(key)) inFile.set(key, row);
    if (reasons.length === 0) {
      // The register's own rules (name length, no emoji), as entering it by hand would meet them.
      const checked = SCHEMA[register].safeParse({ villageId: ctx.villageId, ...entry });
      const issue = checked.success ? null : checked.error.issues[0];
      if (issue) reasons.push(`${COLUMNS_OF[register].find((c) => c.field === issue.path[0])?.label ?? noun}：${issue.message}`);
    }
    if (reasons.length) preview.problems.push({ line: row, message: `${reasons.join('；')}。` });
    else drafts.push({ line: row, id, entry });
  }
  if (preview.rows === 0) preview.problems.push({ line: preview.headerRow, message: `表头下面没有${noun}。` });
  preview.ok = drafts.length;
  preview.sample = drafts.slice(0, SAMPLE).map((d) => ({ villageId: ctx.villageId, ...d.entry }) as AssetInput | ResourceInput);
  preview.problems.sort((a: AssetImportProblem, b: AssetImportProblem) => a.line - b.line);
  return { preview, drafts };
}

/** Takes the upload (the caller authorised first) and reads it against the village's register. */
async function readUpload(ports: Ports, input: AssetImportFile): Promise<RegisterRead & { fileHash: string }> {
  const { bytes } = await takeIncoming(ports, { villageId: input.villageId, fileId: input.fileId, purpose: 'assets' });
  let sheet: Sheet;
  try {
    sheet = await readSheet(input.fileName, bytes);
  } catch (e) {
    if (e instanceof SheetError) throw fail.invalid(e.message);
    throw e;
  }
  const fileHash = sha256(bytes);
  const existing = await findAll(ports.store.collection<AssetDoc | ResourceDoc>(input.register === 'assets' ? C.assets : C.resources), {
    villageId: input.villageId,
  });
  const today = chinaDay(ports.clock.now());
  return { ...readRegister(input.register, sheet, { villageId: input.villageId, fileHash, today, existing }), fileHash };
}

export async function previewImport(ports: Ports, input: AssetImportFile): Promise<AssetImportPreview> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.previewImport);
  return (await readUpload(ports, input)).preview;
}

function docOf(input: AssetImportFile, d: Draft, today: string, at: string): AssetDoc | ResourceDoc {
  const base = { _id: d.id, villageId: input.villageId, contractId: null, createdAt: at, note: d.entry.note ?? '' };
  if (input.register === 'resources') return { ...(d.entry as Omit<ResourceInput, 'villageId'>), ...base } as ResourceDoc;
  return { ...(d.entry as Omit<AssetInput, 'villageId'>), ...base, stateSince: today, photos: [] } as AssetDoc;
}

/**
 * Registers every row, or none while any row is bad. A village's 台账 can run to thousands of
 * rows, more than one transaction holds within a call's time on CloudBase: the audit record of
 * the whole import is written first, then the rows in batches under ids made from the file, so a
 * call cut short is completed by importing the same file again.
 */
export async function commitImport(ports: Ports, input: AssetImportFile): Promise<{ register: AssetRegister; added: number }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.commitImport);
  const { preview, drafts, fileHash } = await readUpload(ports, input);
  const first = preview.problems[0];
  if (first) throw fail.invalid(`有 ${preview.problems.length} 行不对，没有导入任何一行。第 ${first.line} 行：${first.message}`);
  if (drafts.length === 0) throw fail.conflict('这个文件已经导入过了，没有重复导入。');
  const now = ports.clock.now();
  const today = chinaDay(now);
  const at = now.toISOString();
  const docs = drafts.map((d) => docOf(input, d, today, at));
  await ports.store.transaction(async (tx) => {
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'assets.import',
      target: `asset-import:${input.register}:${input.fileName.slice(0, 60)}`,
      change: { register: input.register, file: input.fileName, fileHash, count: docs.length, ids: docs.map((d) => d._id) },
      at,
    });
  });
  const col = ports.store.collection<AssetDoc | ResourceDoc>(input.register === 'assets' ? C.assets : C.resources);
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    try {
      await col.addMany(batch);
    } catch (e) {
      // Some were written by another call with the same file: place the rest one by one.
      if (!isStoreError(e, 'CONFLICT')) throw e;
      for (const d of batch) {
        await col.add(d).catch((err) => {
          if (!isStoreError(err, 'CONFLICT')) throw err;
        });
      }
    }
  }
  // An imported asset may stand idle: the same look as after entering one by hand.
  if (input.register === 'assets') await scanVillage(ports, input.villageId);
  await dropIncoming(ports, input.fileId);
  return { register: input.register, added: docs.length };
}
