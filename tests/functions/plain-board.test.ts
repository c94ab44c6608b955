import { PLAIN_ITEM_ID } from '../../cloudfunctions/core/disclosure/plain-item';
import { functionsHost } from '../helpers/host';
import { readPdf, squeezed } from '../helpers/pdf';

/**
 * The notice-board version prints the quarter's published 明白账 first: its words, the 广播稿
 * and the 短信, read back from the PDF as a viewer reads it, before every other item.
 */
jest.setTimeout(120_000);

const host = functionsHost();
const ref = { villageId: 'yangjia', quarter: '2026Q3', itemId: PLAIN_ITEM_ID };

/** The first characters of a text as the PDF holds it: long enough to be its own, short enough to sit on one page. */
const opening = (text: string) => squeezed(text).slice(0, 24);

describe('公开栏 version with the quarter’s 明白账', () => {
  it('prints the 明白账, its 广播稿 and its 短信 before the quarter’s other items', async () => {
    await host.ok('plain', 'draft', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-secretary');
    await host.ok('disclosure', 'submit', ref, 'yangjia-secretary');
    await host.ok('disclosure', 'review', { ...ref, decision: 'approve' }, 'yangjia-supervisor');
    const view = await host.ok('plain', 'summary', { villageId: 'yangjia', period: '2026Q3' }, 'yangjia-villager');
    expect(view.published).toMatchObject({ quarter: '2026Q3', itemId: PLAIN_ITEM_ID });

    const file = await host.ok('disclosure', 'boardPdf', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-supervisor');
    const res = await fetch(host.url + file.url);
    expect(res.status).toBe(200);
    const pdf = await readPdf(Buffer.from(await res.arrayBuffer()));
    const text = squeezed(pdf.pages.map((p) => p.text).join(''));

    const at = (piece: string) => {
      const i = text.indexOf(piece);
      expect({ piece, found: i >= 0 }).toEqual({ piece, found: true });
      return i;
    };
    const heading = at('明白账：本季度的账，一段话说清楚');
    const title = at(`1.${squeezed(view.summary.title)}`);
    const words = at(opening(view.summary.text));
    const broadcast = at(`广播稿（约两分钟）：${opening(view.summary.broadcast)}`);
    const sms = at(`短信：${squeezed(view.summary.sms)}`);
    expect([heading, title, words, broadcast, sms]).toEqual([...[heading, title, words, broadcast, sms]].sort((a, b) => a - b));

    // Every other published item comes after the 明白账, its category headings too.
    const quarter = await host.ok('disclosure', 'quarter', { villageId: 'yangjia', quarter: '2026Q3' });
    const others = quarter.entries.filter((e: { itemId: string; version: number }) => e.version > 0 && e.itemId !== PLAIN_ITEM_ID);
    expect(others.length).toBeGreaterThan(3);
    expect(at('党务（')).toBeGreaterThan(sms);
    for (const e of others) {
      const item = await host.ok('disclosure', 'item', { villageId: 'yangjia', quarter: '2026Q3', itemId: e.itemId });
      expect({ item: item.latest.title, after: text.indexOf(squeezed(item.latest.title), sms) > sms }).toEqual({ item: item.latest.title, after: true });
    }
    // Printed once: not again among the categories.
    expect(text.indexOf(opening(view.summary.text), sms)).toBe(-1);
  });
});
