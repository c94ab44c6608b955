import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { PrintDoc } from '../../cloudfunctions/core/print/sheet';
import { readPdf, squeezed } from '../helpers/pdf';

/** The layout primitives and the embedded font, on their own: no host, no store. */
jest.setTimeout(60_000);

const NOW = new Date('2026-11-23T02:00:00Z');
const FONTS = join(__dirname, '..', '..', 'cloudfunctions', 'core', 'print', 'fonts');

describe('the embedded font', () => {
  it('is Noto Sans SC under the SIL Open Font License, with the licence text beside it', () => {
    const meta = JSON.parse(readFileSync(join(FONTS, 'noto-sans-sc.json'), 'utf8'));
    expect(meta).toMatchObject({ family: 'Noto Sans SC', licence: 'OFL-1.1', licenceFile: 'OFL.txt', encoding: 'brotli+base64' });
    expect(existsSync(join(FONTS, 'OFL.txt'))).toBe(true);
    expect(readFileSync(join(FONTS, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('draws GB2312 in full — level 2 characters of names too — and marks a character it lacks with □', async () => {
    const doc = await PrintDoc.create({ title: 't', now: NOW, pageNumbers: false });
    // 琪 and 鑫 are GB2312 level 2; 𠀀 (CJK extension B) is in no subset.
    expect(doc.clean('李琪 王鑫 A-1')).toBe('李琪 王鑫 A-1');
    expect(doc.clean('张𠀀')).toBe('张□');
    doc.text('李琪 王鑫 张𠀀');
    const pdf = await readPdf(Buffer.from(await doc.finish()));
    expect(squeezed(pdf.pages[0].text)).toBe('李琪王鑫张□');
  });
});

describe('wrapping', () => {
  let doc: PrintDoc;
  beforeAll(async () => {
    doc = await PrintDoc.create({ title: 't', now: NOW, pageNumbers: false });
  });

  it('breaks Chinese at any character and keeps Latin words and numbers whole', () => {
    const lines = doc.wrap('村内主街道路维修工程款 12,345.67 元 Total amount', 10, 70);
    expect(lines.length).toBeGreaterThan(2);
    expect(squeezed(lines.join(''))).toBe('村内主街道路维修工程款12,345.67元Totalamount');
    for (const l of lines) expect(doc.widthOf(l, 10)).toBeLessThanOrEqual(70);
    expect(lines.some((l) => l.includes('12,345.67'))).toBe(true);
    expect(lines.some((l) => l.includes('amount'))).toBe(true);
  });

  it('never starts a line with closing punctuation', () => {
    const width = doc.widthOf('一二三四五', 10);
    const lines = doc.wrap('一二三四五，六七八九十。', 10, width);
    for (const l of lines) expect(l).not.toMatch(/^[，。]/);
  });

  it('starts a new line at a line break', () => {
    expect(doc.wrap('第一行\n第二行', 10, 500)).toEqual(['第一行', '第二行']);
  });
});

describe('pictures', () => {
  const url = 'http://127.0.0.1:10086/pages/village/index?scene=hs-yangjia';
  // pngjs colour types: 0 grey and 2 RGB go in as they are; 6 RGBA (see-through margin) is decoded.
  it.each([
    ['grey', 0, {}],
    ['RGB', 2, {}],
    ['RGBA with a see-through background', 6, { color: { dark: '#000000ff', light: '#00000000' } }],
  ])('places a %s PNG so that its QR code still scans from the rendered page', async (_kind, colorType, extra) => {
    const png = await QRCode.toBuffer(url, { type: 'png', margin: 4, width: 300, ...extra, rendererOpts: { colorType } } as QRCode.QRCodeToBufferOptions);
    expect(png[25]).toBe(colorType);
    const doc = await PrintDoc.create({ title: 't', now: NOW, pageNumbers: false });
    doc.image(await doc.png(png), 200);
    const pdf = await readPdf(Buffer.from(await doc.finish()));
    expect(pdf.pages[0].codes).toEqual([url]);
  });
});

describe('pages', () => {
  it('carries a table’s header onto the next page, and numbers the pages', async () => {
    const doc = await PrintDoc.create({ title: '收支明细', now: NOW, pageNumbers: true });
    doc.table(
      [
        { title: '日期', share: 1 },
        { title: '摘要', share: 3 },
      ],
      Array.from({ length: 80 }, (_, i) => [`10-${String(i + 1).padStart(2, '0')}`, `第 ${i + 1} 笔`]),
    );
    const pdf = await readPdf(Buffer.from(await doc.finish()));
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(pdf.title).toBe('收支明细');
    pdf.pages.forEach((p, i) => {
      expect(squeezed(p.text)).toContain('日期摘要');
      expect(squeezed(p.text)).toContain(`第${i + 1}页，共${pdf.pages.length}页`);
    });
    expect(squeezed(pdf.pages.map((p) => p.text).join(''))).toContain('第80笔');
  });
});
