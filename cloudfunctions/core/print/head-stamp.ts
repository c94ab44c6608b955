import type { PrintDoc } from './sheet';
import { grouped } from './words';

/** The village's history where the sheet was printed: HeadStamp (src/components/HeadStamp) on paper. */
export interface HeadStampPrint {
  size: number;
  rootShort: string;
  /** The code that opens 校验 at this head (scene `H<token>`). */
  png: Uint8Array;
}

const CODE = 84;

/**
 * The code on the left and the words on the right, kept on one page: scanned any day later, it
 * shows whether anything recorded before it was changed since.
 */
export async function drawHeadStamp(doc: PrintDoc, head: HeadStampPrint): Promise<void> {
  const img = await doc.png(head.png);
  const x = doc.left + CODE + 12;
  const width = doc.contentWidth - CODE - 12;
  const lines: [string, number, 'ink' | 'muted'][] = [
    [`本村公开记录的指纹（截至第 ${head.size} 条记录）：`, 10, 'ink'],
    [grouped(head.rootShort), 14, 'ink'],
    ['以后任何时候扫左边的码，都能核对这之前的记录有没有被人改动过。', 9, 'muted'],
  ];
  const wrapped = lines.map(([t, size, tone]) => ({ lines: doc.wrap(t, size, width), size, tone }));
  const textHeight = wrapped.reduce((h, w) => h + w.lines.length * doc.lineHeight(w.size), 0);
  doc.block(Math.max(CODE, textHeight), (top) => {
    doc.drawPicture(img, doc.left, top - CODE, CODE, CODE);
    let y = top - Math.max(0, (CODE - textHeight) / 2);
    for (const w of wrapped) {
      for (const line of w.lines) {
        doc.drawLine(line, x, y, w.size, w.tone);
        y -= doc.lineHeight(w.size);
      }
    }
  });
}
