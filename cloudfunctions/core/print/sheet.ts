import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { cjkFont } from './font';
import { pdfLib } from './libs';
import { embedPicture, type Picture } from './picture';

/** A4 in PDF points (1/72 inch): what a village office prints on. */
export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const FOOTER = 22;

export type Tone = 'ink' | 'muted' | 'alert';
/** pdf-lib's rgb() gives exactly this shape; written out so the colours need no loaded library. */
const rgb = (r: number, g: number, b: number) => ({ type: 'RGB', red: r, green: g, blue: b }) as RGB;
const TONES = { ink: rgb(0.1, 0.1, 0.1), muted: rgb(0.35, 0.35, 0.35), alert: rgb(0.63, 0.03, 0.1) };
const LINE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.93, 0.93, 0.93);

export interface TextStyle {
  size?: number;
  tone?: Tone;
  align?: 'left' | 'center' | 'right';
  /** Points from the left margin. */
  indent?: number;
  /** Narrower than the page (the words beside a picture). */
  width?: number;
}

export interface Column {
  title: string;
  /** Relative width. */
  share: number;
  align?: 'left' | 'right';
}

/** What the document says about itself (the PDF's own title and dates, shown by viewers). */
export interface DocInfo {
  title: string;
  /** From the Clock port: a PDF's dates are part of the file, and tests pin them. */
  now: Date;
  /** "第 1 页，共 3 页" under each page, with the title: for sheets, not for posters. */
  pageNumbers: boolean;
}

// Closing punctuation never starts a line and opening punctuation never ends one (避头尾).
const NO_START = /^[，。、；：！？）》」』】〕…—,.;:!?)\]}%]$/u;
const NO_END = /^[（《「『【〔([{]$/u;
const TOKENS = /[\x21-\x7e]+|[^\S\n]+|\n|./gsu;

/**
 * A document laid out top to bottom on A4 pages: text that wraps (Chinese at any character,
 * Latin words and numbers kept whole), tables that carry their header onto the next page,
 * pictures, and blocks kept together. Only what the prints need; pdf-lib draws, and the font is
 * embedded as a subset of the characters used.
 */
export class PrintDoc {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** The top of the space left on the current page. */
  y = 0;
  private readonly widths = new Map<string, number>();

  private constructor(
    private readonly lib: typeof import('pdf-lib'),
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    private readonly chars: Set<number>,
    private readonly info: DocInfo,
  ) {}

  static async create(info: DocInfo): Promise<PrintDoc> {
    const { lib, fontkit } = await pdfLib();
    const pdf = await lib.PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(cjkFont(), { subset: true });
    pdf.setTitle(info.title, { showInWindowTitleBar: true });
    pdf.setProducer('阳光村务');
    pdf.setCreator('阳光村务');
    pdf.setLanguage('zh-CN');
    pdf.setCreationDate(info.now);
    pdf.setModificationDate(info.now);
    const doc = new PrintDoc(lib, pdf, font, new Set(font.getCharacterSet()), info);
    doc.addPage();
    return doc;
  }

  get left(): number {
    return MARGIN;
  }

  get contentWidth(): number {
    return A4.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return MARGIN + (this.info.pageNumbers ? FOOTER : 0);
  }

  addPage(): PDFPage {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
    return this.page;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < this.bottom && this.y < A4.height - MARGIN) this.addPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /**
   * Text the font can draw: a character outside the subset (a rare character in a name) prints
   * as □ rather than as nothing, so a reader sees that something is missing.
   */
  clean(text: string): string {
    return Array.from(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
      .filter((c) => c === '\n' || c >= ' ')
      .map((c) => (c === '\n' || this.chars.has(c.codePointAt(0) as number) ? c : '□'))
      .join('');
  }

  widthOf(text: string, size: number): number {
    let w = 0;
    for (const c of text) {
      let cw = this.widths.get(c);
      if (cw === undefined) {
        cw = this.font.widthOfTextAtSize(c, 1);
        this.widths.set(c, cw);
      }
      w += cw;
    }
    return w * size;
  }

  /** Lines of at most `width` points; `\n` starts a new line. */
  wrap(text: string, size: number, width: number): string[] {
    const tokens = this.tokens(this.clean(text));
    const lines: string[] = [];
    let line = '';
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
    };
    for (const tok of tokens) {
      if (tok === '\n') {
        push();
        continue;
      }
      if (line === '' && /^\s+$/.test(tok)) continue;
      if (this.widthOf(line + tok, size) <= width) {
        line += tok;
        continue;
      }
      if (line !== '') push();
      if (/^\s+$/.test(tok)) continue;
      // A token wider than the line (a long number or address) is cut where it must be.
      for (const c of tok) {
        if (line !== '' && this.widthOf(line + c, size) > width) push();
        line += c;
      }
    }
    if (line !== '' || lines.length === 0) push();
    return lines;
  }

  private tokens(text: string): string[] {
    const raw = text.match(TOKENS) ?? [];
    const out: string[] = [];
    for (const t of raw) {
      const prev = out[out.length - 1];
      if (prev !== undefined && prev !== '\n' && (NO_START.test(t) || NO_END.test(prev.slice(-1)))) out[out.length - 1] = prev + t;
      else out.push(t);
    }
    return out;
  }

  lineHeight(size: number): number {
    return size * 1.5;
  }

  /** Height `text` would take, for keeping a block together. */
  heightOf(text: string, style: TextStyle = {}): number {
    const size = style.size ?? 11;
    return this.wrap(text, size, style.width ?? this.contentWidth - (style.indent ?? 0)).length * this.lineHeight(size);
  }

  /** Draws one line at `x` with its top at `top`. */
  drawLine(line: string, x: number, top: number, size: number, tone: Tone = 'ink'): void {
    if (!line) return;
    const baseline = top - (this.lineHeight(size) - size) / 2 - size * 0.88;
    this.page.drawText(line, { x, y: baseline, size, font: this.font, color: TONES[tone] });
  }

  /** Wrapped text at the cursor, flowing onto the next page where it must. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 11;
    const indent = style.indent ?? 0;
    const width = style.width ?? this.contentWidth - indent;
    const lh = this.lineHeight(size);
    for (const line of this.wrap(text, size, width)) {
      this.ensure(lh);
      const w = this.widthOf(line, size);
      const x = this.left + indent + (style.align === 'center' ? (width - w) / 2 : style.align === 'right' ? width - w : 0);
      this.drawLine(line, x, this.y, size, style.tone);
      this.y -= lh;
    }
  }

  rule(): void {
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.contentWidth, y: this.y }, thickness: 0.6, color: LINE });
  }

  /** Places a PNG in the document, to be drawn with `image` or `drawPicture`. */
  png(bytes: Uint8Array): Promise<Picture> {
    return embedPicture(this.lib, this.pdf, bytes);
  }

  /** Draws a placed picture `width` × `height` points with its lower left corner at (x, y). */
  drawPicture(pic: Picture, x: number, y: number, width: number, height: number): void {
    const { pushGraphicsState, concatTransformationMatrix, drawObject, popGraphicsState } = this.lib;
    const name = this.page.node.newXObject('Image', pic.ref);
    this.page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, x, y), drawObject(name), popGraphicsState());
  }

  /** A picture `size` points square at `x` (default: centred), its top at the cursor. */
  image(pic: Picture, size: number, x = this.left + (this.contentWidth - size) / 2): void {
    this.ensure(size);
    this.drawPicture(pic, x, this.y - size, size, size);
    this.y -= size;
  }

  /** Keeps `height` points together on one page and lets `draw` place things in them. */
  block(height: number, draw: (top: number) => void): void {
    this.ensure(height);
    draw(this.y);
    this.y -= height;
  }

  /**
   * A ruled table. The header row is repeated on each page the table runs onto; a row is never
   * split across pages (a row taller than a page is cut, and says so with …).
   */
  table(columns: Column[], rows: string[][], size = 10): void {
    const pad = 4;
    const lh = size * 1.4;
    const total = columns.reduce((s, c) => s + c.share, 0);
    const widths = columns.map((c) => (this.contentWidth * c.share) / total);
    const maxLines = Math.floor((A4.height - MARGIN - this.bottom - 2 * pad) / lh) - 4;
    const layout = (cells: string[]) =>
      widths.map((w, i) => {
        const lines = this.wrap(cells[i] ?? '', size, w - 2 * pad);
        return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), '…'] : lines;
      });
    const heightOf = (cells: string[][]) => Math.max(1, ...cells.map((l) => l.length)) * lh + 2 * pad;
    const draw = (cells: string[][], header: boolean) => {
      const h = heightOf(cells);
      let x = this.left;
      cells.forEach((lines, i) => {
        const w = widths[i];
        this.page.drawRectangle({ x, y: this.y - h, width: w, height: h, borderColor: LINE, borderWidth: 0.5, ...(header ? { color: SHADE } : {}) });
        lines.forEach((line, j) => {
          const right = !header && columns[i].align === 'right';
          const lx = right ? x + w - pad - this.widthOf(line, size) : x + pad;
          const top = this.y - pad - j * lh;
          const baseline = top - (lh - size) / 2 - size * 0.88;
          if (line) this.page.drawText(line, { x: lx, y: baseline, size, font: this.font, color: TONES.ink });
        });
        x += w;
      });
      this.y -= h;
    };
    const head = layout(columns.map((c) => c.title));
    const body = rows.map(layout);
    this.ensure(heightOf(head) + (body[0] ? heightOf(body[0]) : 0));
    draw(head, true);
    for (const row of body) {
      if (this.y - heightOf(row) < this.bottom) {
        this.addPage();
        draw(head, true);
      }
      draw(row, false);
    }
  }

  /** Page numbers (when asked for), then the file's bytes. */
  async finish(): Promise<Uint8Array> {
    if (this.info.pageNumbers) {
      const n = this.pages.length;
      this.pages.forEach((page, i) => {
        const words = this.clean(`${this.info.title} · 第 ${i + 1} 页，共 ${n} 页`);
        const w = this.widthOf(words, 8);
        page.drawText(words, { x: (A4.width - w) / 2, y: MARGIN - 4, size: 8, font: this.font, color: TONES.muted });
      });
    }
    return this.pdf.save();
  }
}
