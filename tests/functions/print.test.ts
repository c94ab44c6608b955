import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODE_PAGES } from '../../cloudfunctions/ports/code-maker';
import { POSTER_ACTIONS } from '../../cloudfunctions/core/village/codes';
import { formatFen } from '../../src/services/money';
import { functionsHost } from '../helpers/host';
import { readPdf, squeezed, type ReadPdf } from '../helpers/pdf';

/**
 * Printing from the phone: each PDF kind made from the seeded demo through the local host (its
 * clock pinned at 2026-11-23), fetched from where the Files port stored it, and read back as a
 * viewer reads it — text through pdf.js, QR codes with jsQR from the rendered page.
 */
jest.setTimeout(120_000);

const host = functionsHost();

async function ok(fn: string, action: string, data: unknown, persona?: string) {
  const res = await host.call(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

/** The made file, fetched from the address the action answered, and read. */
async function printed(fn: string, action: string, data: unknown, persona: string): Promise<{ fileName: string; pdf: ReadPdf }> {
  const file = await ok(fn, action, data, persona);
  const res = await fetch(host.url + file.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { fileName: file.fileName, pdf: await readPdf(bytes) };
}

const codeUrl = (scene: string, page: keyof typeof CODE_PAGES = 'village') => `${host.url}/${CODE_PAGES[page]}?scene=${encodeURIComponent(scene)}`;

/** Every file the Files port holds under print/. */
function printFiles(): string[] {
  const root = join(dirname(host.dbFile), 'files', 'print');
  const walk = (d: string): string[] =>
    existsSync(d) ? readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)])) : [];
  return walk(root);
}

describe('一村一码 poster as a PDF', () => {
  it('names the village, says what scanning does and whom to call, and carries the village code and the 校验 head as scannable QR codes', async () => {
    const head = await ok('village', 'headLink', { villageId: 'yangjia' });
    const { fileName, pdf } = await printed('village', 'posterPdf', { villageId: 'yangjia' }, 'yangjia-secretary');
    expect(fileName).toBe('杨家村一村一码海报.pdf');
    expect(pdf.pages).toHaveLength(1);
    const text = squeezed(pdf.pages[0].text);
    expect(text).toContain('杨家村村务公开');
    expect(text).toContain('黄升镇·阳光村务');
    expect(text).toContain('用微信扫一扫，就能：');
    for (const a of POSTER_ACTIONS) expect(text).toContain(squeezed(a));
    // The whole 监督电话: the paper is for villagers who cannot scan and tap to call.
    expect(text).toContain('村务监督委员会主任：杨树林，监督电话：13905437216');
    expect(text).toContain(`本村公开记录的指纹（截至第${head.size}条记录）`);
    expect(text).toContain(squeezed(head.rootShort));
    expect(pdf.pages[0].codes).toEqual(expect.arrayContaining([codeUrl('hs-yangjia'), codeUrl(`H${head.token}`, 'check')]));
  });

  it('puts every village of the township in one file, a page each, each page with its own village’s code', async () => {
    const { posters } = await ok('village', 'posters', { townshipId: 'huangsheng' }, 'township-admin');
    const { fileName, pdf } = await printed('village', 'postersPdf', { townshipId: 'huangsheng' }, 'township-admin');
    expect(fileName).toBe('黄升镇各村一村一码海报.pdf');
    expect(pdf.pages).toHaveLength(posters.length);
    for (const p of posters as { villageName: string; code: string | null }[]) {
      const page = pdf.pages.find((pg) => squeezed(pg.text).includes(`${p.villageName}村务公开`));
      expect(page).toBeDefined();
      if (p.code) expect(page?.codes).toContain(codeUrl(p.code));
    }
  });

  it('is refused to a villager and to another village’s cadre, and nothing is stored', async () => {
    const before = printFiles();
    expect((await host.call('village', 'posterPdf', { villageId: 'yangjia' }, 'yangjia-villager')).body.error.code).toBe('PERMISSION_DENIED');
    expect((await host.call('village', 'posterPdf', { villageId: 'yangjia' }, 'dajiang-secretary')).body.error.code).toBe('PERMISSION_DENIED');
    expect((await host.call('village', 'postersPdf', { townshipId: 'huangsheng' }, 'yangjia-secretary')).body.error.code).toBe('PERMISSION_DENIED');
    expect((await host.call('village', 'posterPdf', { villageId: 'yangjia' })).body.error.code).toBe('UNAUTHENTICATED');
    expect((await host.call('village', 'posterPdf', { villageId: 'yangjia', copies: 2 }, 'yangjia-secretary')).body.error.code).toBe('INVALID_ARGUMENT');
    expect(printFiles()).toEqual(before);
  });
});

describe('公开栏 version of a quarter as a PDF', () => {
  it('carries the title of every item published in the quarter, and the 校验 head', async () => {
    const quarter = await ok('disclosure', 'quarter', { villageId: 'yangjia', quarter: '2026Q3' });
    const published = quarter.entries.filter((e: { version: number }) => e.version > 0);
    expect(published.length).toBeGreaterThan(3);
    const head = await ok('village', 'headLink', { villageId: 'yangjia' });
    const { fileName, pdf } = await printed('disclosure', 'boardPdf', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-supervisor');
    expect(fileName).toBe('杨家村2026年第三季度村务公开.pdf');
    const text = squeezed(pdf.pages.map((p) => p.text).join(''));
    expect(text).toContain('杨家村2026年第三季度村务公开');
    for (const e of published) {
      const item = await ok('disclosure', 'item', { villageId: 'yangjia', quarter: '2026Q3', itemId: e.itemId });
      expect(text).toContain(squeezed(item.latest.title));
    }
    expect(text).toContain('村务监督委员会主任：杨树林监督电话：13905437216');
    expect(pdf.pages.flatMap((p) => p.codes)).toContain(codeUrl(`H${head.token}`, 'check'));
    expect(pdf.title).toBe('杨家村2026年第三季度村务公开');
  });

  it('is refused to a villager and to another village’s cadre, and nothing is stored', async () => {
    const before = printFiles();
    expect((await host.call('disclosure', 'boardPdf', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-villager')).body.error.code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await host.call('disclosure', 'boardPdf', { villageId: 'yangjia', quarter: '2026Q3' }, 'dajiang-secretary')).body.error.code).toBe(
      'PERMISSION_DENIED',
    );
    expect(printFiles()).toEqual(before);
  });
});

describe('ledger statements as PDFs', () => {
  it('prints a published month with the totals the ledger view computes, for a villager too', async () => {
    const { months } = await ok('finance', 'months', { villageId: 'yangjia' }, 'yangjia-villager');
    const month = months.find((m: { state: string }) => m.state === 'published').month as string;
    const view = await ok('finance', 'month', { villageId: 'yangjia', month }, 'yangjia-villager');
    const { fileName, pdf } = await printed('finance', 'statementPdf', { villageId: 'yangjia', period: month }, 'yangjia-villager');
    const label = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
    expect(fileName).toBe(`杨家村${label}收支明细.pdf`);
    const text = squeezed(pdf.pages.map((p) => p.text).join(''));
    const income = view.rows.filter((r: { direction: string }) => r.direction === '收入').length;
    expect(text).toContain(`收入${formatFen(view.incomeFen)}元（${income}笔）`);
    expect(text).toContain(`支出${formatFen(view.expenseFen)}元（${view.rows.length - income}笔）`);
    expect(text).toContain(`按收支算出的月末余额${formatFen(view.computedClosingFen)}元`);
    expect(text).toContain(`登记的月末余额${formatFen(view.declaredClosingFen)}元`);
    expect(text).toContain(`本月账目（${view.rows.length}笔）`);
    for (const r of view.rows) expect(text).toContain(formatFen(r.amountFen));
    expect(text).not.toContain('仅供核对');
  });

  it('prints a quarter’s 收支汇总 with the report’s totals and each month', async () => {
    const report = await ok('finance', 'report', { villageId: 'yangjia', period: '2026Q3' });
    const { pdf } = await printed('finance', 'statementPdf', { villageId: 'yangjia', period: '2026Q3' }, 'yangjia-accountant');
    const text = squeezed(pdf.pages.map((p) => p.text).join(''));
    expect(text).toContain('杨家村2026年第三季度收支汇总');
    expect(text).toContain(`收入${formatFen(report.incomeFen)}元`);
    expect(text).toContain(`支出${formatFen(report.expenseFen)}元`);
    for (const m of report.months as string[]) expect(text).toContain(`${m.slice(0, 4)}年${Number(m.slice(5, 7))}月明细`);
    for (const c of report.byCategory as { account: string; amountFen: number }[]) expect(text).toContain(`${c.account}${formatFen(c.amountFen)}`);
  });

  it('prints a month not yet signed only for the 两委 and the panel, marked as not for posting', async () => {
    const before = printFiles();
    expect((await host.call('finance', 'statementPdf', { villageId: 'yangjia', period: '2026-11' }, 'yangjia-villager')).body.error.code).toBe('NOT_FOUND');
    expect((await host.call('finance', 'statementPdf', { villageId: 'yangjia', period: '2026-11' }, 'dajiang-secretary')).body.error.code).toBe('NOT_FOUND');
    expect((await host.call('finance', 'statementPdf', { villageId: 'yangjia', period: '2026' }, 'yangjia-accountant')).body.error.code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(printFiles()).toEqual(before);
    const { pdf } = await printed('finance', 'statementPdf', { villageId: 'yangjia', period: '2026-11' }, 'yangjia-accountant');
    expect(squeezed(pdf.pages[0].text)).toContain('本表仅供核对，不能张贴公示');
  });
});
