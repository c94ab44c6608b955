import { drawHeadStamp, type HeadStampPrint } from './head-stamp';
import { PrintDoc } from './sheet';
import { dateText } from './words';

/** One village's 一村一码 poster, as the H5 poster page (src/packages/board/poster) shows it. */
export interface PosterPrint {
  villageName: string;
  townshipName: string;
  county: string;
  /** The 主任 and the 监督电话 in full (hotlineText): the paper is for villagers who cannot tap to call. */
  supervisor: { name: string; hotline: string | null } | null;
  /** The code printed, null when the village's code is disabled and no new one was issued. */
  code: string | null;
  /** The picture villagers scan: a QR code locally, the mini-program code in production. */
  codePng: Uint8Array | null;
  actions: string[];
  head: HeadStampPrint | null;
}

const CODE_SIZE = 300;

/** The 监委会 line of the poster, word for word as the H5 poster says it. */
export function contactLine(p: PosterPrint): string {
  if (!p.supervisor) return '村务监督委员会主任：暂未登记';
  return `村务监督委员会主任：${p.supervisor.name}${p.supervisor.hotline ? `，监督电话：${p.supervisor.hotline}` : ''}`;
}

async function drawPoster(doc: PrintDoc, p: PosterPrint, now: Date): Promise<void> {
  doc.gap(16);
  doc.text(`${p.villageName}村务公开`, { size: 36, align: 'center' });
  doc.text(`${p.county}${p.townshipName} · 阳光村务`, { size: 15, align: 'center', tone: 'muted' });
  doc.gap(18);
  if (p.codePng) {
    doc.image(await doc.png(p.codePng), CODE_SIZE);
  } else {
    doc.gap(40);
    doc.text('本村的二维码已停用，请联系镇里重新发码。', { size: 18, align: 'center', tone: 'alert' });
    doc.gap(40);
  }
  doc.gap(18);
  doc.text('用微信扫一扫，就能：', { size: 20 });
  doc.gap(4);
  for (const a of p.actions) doc.text(`· ${a}`, { size: 15, indent: 12 });
  doc.gap(12);
  doc.text(contactLine(p), { size: 14 });
  doc.gap(16);
  if (p.head) await drawHeadStamp(doc, p.head);
  doc.gap(10);
  doc.text(`${p.code ? `码号 ${p.code} · ` : ''}打印于 ${dateText(now)}`, { size: 8, tone: 'muted', align: 'right' });
}

/** The posters of one village or of a whole township, a page each, in one file. */
export async function posterPdf(posters: PosterPrint[], title: string, now: Date): Promise<Uint8Array> {
  const doc = await PrintDoc.create({ title, now, pageNumbers: false });
  for (const [i, p] of posters.entries()) {
    if (i > 0) doc.addPage();
    await drawPoster(doc, p, now);
  }
  return doc.finish();
}
