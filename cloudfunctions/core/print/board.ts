import type { Block } from '../../../types/disclosure';
import { drawHeadStamp, type HeadStampPrint } from './head-stamp';
import { PrintDoc, type Column } from './sheet';
import { dateText, formatFen } from './words';

/** One entry of the quarter: published (with its latest version) or still missing. */
export interface BoardEntryPrint {
  title: string;
  category: string;
  required: boolean;
  late: boolean;
  published: {
    title: string;
    version: number;
    approvedAt: string;
    reason: string | null;
    amountFen: number | null;
    body: Block[];
    attachments: number;
  } | null;
}

/** The notice-board version of a quarter, as the H5 print page (src/packages/board/print) shows it. */
export interface BoardPrint {
  villageName: string;
  place: string;
  label: string;
  lastPublishedAt: string | null;
  completeness: { required: number; published: number; late: number; missing: number; pending: number };
  entries: BoardEntryPrint[];
  /** The quarter's published 明白账 (its words, 广播稿, 短信 and sources), printed before the categories. */
  plain?: BoardEntryPrint | null;
  /** The 主任 and the 监督电话 in full (hotlineText): the sheet is for villagers who cannot tap to call. */
  supervisor: { name: string; hotline: string | null } | null;
  head: HeadStampPrint | null;
}

const CATEGORIES = ['党务', '村务', '财务', '资金', '资产', '资源'];

/** Column widths from how much each column holds, so a 姓名 column is narrow and a 说明 column wide. */
function columnsOf(b: Extract<Block, { type: 'table' }>): Column[] {
  return b.columns.map((title, i) => {
    const longest = Math.max(Array.from(title).length, ...b.rows.map((r) => Array.from(r[i] ?? '').length));
    return { title, share: Math.min(Math.max(longest, 2), 14) };
  });
}

function drawBlocks(doc: PrintDoc, blocks: Block[]): void {
  for (const b of blocks) {
    if (b.type === 'paragraph') doc.text(b.text, { size: 10.5, indent: 14 });
    else {
      doc.gap(2);
      doc.table(columnsOf(b), b.rows, 9.5);
    }
    doc.gap(4);
  }
}

function drawEntry(doc: PrintDoc, n: number, e: BoardEntryPrint): void {
  const v = e.published;
  doc.ensure(60);
  if (!v) {
    doc.text(`${n}. ${e.title}（本项尚未公开）`, { size: 12, tone: 'alert' });
    doc.gap(6);
    return;
  }
  doc.text(`${n}. ${v.title}`, { size: 12.5 });
  const meta = `${dateText(v.approvedAt)} 经村务监督委员会审核公开 · 第 ${v.version} 版${e.late ? ' · 逾期公开' : ''}${e.required ? '' : ' · 专项公开'}`;
  doc.text(meta, { size: 9, tone: 'muted', indent: 14 });
  if (v.version > 1 && v.reason) doc.text(`更正原因：${v.reason}`, { size: 10, tone: 'alert', indent: 14 });
  if (v.amountFen !== null) doc.text(`金额：${formatFen(v.amountFen)} 元`, { size: 10.5, indent: 14 });
  drawBlocks(doc, v.body);
  if (v.attachments > 0) doc.text(`另有附件 ${v.attachments} 个，扫码查看。`, { size: 9, tone: 'muted', indent: 14 });
  doc.gap(8);
}

/** The quarter's published items on A4 for the 公开栏, category by category, with the 校验 head at the foot. */
export async function boardPdf(b: BoardPrint, now: Date): Promise<Uint8Array> {
  const title = `${b.villageName}${b.label}村务公开`;
  const doc = await PrintDoc.create({ title, now, pageNumbers: true });
  doc.text(title, { size: 22, align: 'center' });
  doc.text(b.place, { size: 11, align: 'center', tone: 'muted' });
  doc.gap(6);
  doc.text(`公开日期：${b.lastPublishedAt ? dateText(b.lastPublishedAt) : '尚未公开'}　　审核：村务监督委员会`, { size: 10 });
  const c = b.completeness;
  doc.text(
    `本季度应公开 ${c.required} 项，已公开 ${c.published + c.late} 项${c.missing > 0 ? `，逾期未公开 ${c.missing} 项` : ''}${c.pending > 0 ? `，待公开 ${c.pending} 项` : ''}。`,
    { size: 10 },
  );
  doc.gap(8);
  if (b.plain?.published) {
    doc.rule();
    doc.gap(6);
    doc.text('明白账：本季度的账，一段话说清楚', { size: 15 });
    doc.gap(4);
    drawEntry(doc, 1, { ...b.plain, required: true });
  }
  for (const category of CATEGORIES) {
    const entries = b.entries.filter((e) => e.category === category);
    doc.ensure(80);
    doc.rule();
    doc.gap(6);
    doc.text(`${category}（${entries.length} 项）`, { size: 15 });
    doc.gap(4);
    if (entries.length === 0) doc.text('（本季度没有此类公开事项）', { size: 10, tone: 'muted', indent: 14 });
    entries.forEach((e, i) => {
      drawEntry(doc, i + 1, e);
    });
    doc.gap(6);
  }
  doc.ensure(170);
  doc.rule();
  doc.gap(8);
  const s = b.supervisor;
  doc.text(`村务监督委员会主任：${s?.name ?? '（暂缺）'}${s?.hotline ? `　监督电话：${s.hotline}` : ''}`, { size: 11 });
  doc.text('扫码查看详情和历史版本', { size: 12 });
  doc.text(`微信扫公开栏上的本村二维码，打开“阳光村务”。公开后如有更正，以小程序中的最新版本为准。本页打印于 ${dateText(now)}。`, { size: 9, tone: 'muted' });
  doc.gap(8);
  if (b.head) await drawHeadStamp(doc, b.head);
  return doc.finish();
}
