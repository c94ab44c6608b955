import { E2E_LAST_MONTH, appForThisFile } from './app';
import { measureLayout, settled, smallPhone } from './layout';

// Some 40 page loads on a busy 2-core machine.
jest.setTimeout(600000);

const app = appForThisFile();

const item = (id: string) => `/pages/item/index?villageId=yangjia&quarter=2026Q3&itemId=${encodeURIComponent(`huangsheng:${id}`)}`;

/** Pages a villager opens, by name, path and the persona who opens them. 长辈模式 applies to all. */
const VILLAGER: [name: string, path: string, persona: string | undefined][] = [
  ['index-finder', '/pages/index/index', undefined],
  ['village-home', '/pages/village/index?scene=hs-yangjia', 'yangjia-villager'],
  ['quarter', '/pages/quarter/index?villageId=yangjia&quarter=2026Q3', 'yangjia-villager'],
  // Two name lists with masked ID numbers in a table of four and five columns.
  ['item-dibao', item('2-2'), 'yangjia-villager'],
  ['item-subsidy', item('2-3'), 'yangjia-villager'],
  ['money', '/pages/money/index?villageId=yangjia', 'yangjia-villager'],
  ['tickets', '/pages/tickets/index?villageId=yangjia', 'yangjia-villager'],
  ['matters', '/pages/matters/index?villageId=yangjia', 'yangjia-villager'],
  ['mine', '/pages/mine/index', 'yangjia-villager'],
  ['verify', '/pages/verify/index?villageId=yangjia', 'yangjia-newcomer'],
  ['withdrawn-code', '/pages/village/index?scene=hs-yangjia-2023', undefined],
  ['check', `/packages/board/check/index?villageId=yangjia&quarter=2026Q3&itemId=${encodeURIComponent('huangsheng:2-2')}&version=1`, 'yangjia-villager'],
];

/** Pages of the 监委会, the 民主理财小组, the 两委 and the township. */
const WORKERS: [name: string, path: string, persona: string][] = [
  ['supervise-review', '/packages/supervise/review/index?villageId=yangjia', 'yangjia-supervisor'],
  ['supervise-tickets', '/packages/supervise/tickets/index?villageId=yangjia', 'yangjia-supervisor'],
  ['supervise-questions', '/packages/supervise/questions/index?villageId=yangjia', 'yangjia-supervisor'],
  ['supervise-meeting', '/packages/supervise/meeting/index?villageId=yangjia', 'yangjia-supervisor'],
  ['supervise-bindings', '/packages/supervise/bindings/index?villageId=yangjia', 'yangjia-supervisor'],
  ['supervise-followups', '/packages/supervise/followups/index?villageId=yangjia&quarter=2026Q3', 'yangjia-supervisor'],
  ['supervise-audit', '/packages/supervise/audit/index?villageId=yangjia', 'yangjia-supervisor'],
  ['ledger-review', '/packages/supervise/ledger-review/index?villageId=yangjia', 'yangjia-finance'],
  ['cadre-disclose', '/packages/cadre/disclose/index?villageId=yangjia', 'yangjia-secretary'],
  ['cadre-matters', '/packages/cadre/matters/index?villageId=yangjia', 'yangjia-secretary'],
  ['cadre-people', '/packages/cadre/people/index?villageId=yangjia', 'yangjia-secretary'],
  ['cadre-roster', '/packages/cadre/roster/index?villageId=yangjia', 'yangjia-secretary'],
  ['cadre-assigned', '/packages/cadre/assigned/index?villageId=yangjia', 'yangjia-secretary'],
  ['cadre-ledger', `/packages/cadre/ledger/index?villageId=yangjia&month=${E2E_LAST_MONTH.key}`, 'yangjia-accountant'],
  ['township-overview', '/packages/township/overview/index?townshipId=huangsheng', 'township-admin'],
];

/** Normal type: 12 px is the floor for reading on a phone; 长辈模式 promises larger type, 16 px. */
const MIN_FONT = { normal: 12, elder: 16 };

async function walk(name: string, path: string, persona: string | undefined, elder: boolean) {
  const page = await smallPhone(app, persona, { elder });
  await page.goto(`${app.base}${path}`);
  await settled(page);
  await app.shot(page, `layout-360${elder ? '-elder' : ''}-${name}`);
  const report = await measureLayout(page, { minFont: elder ? MIN_FONT.elder : MIN_FONT.normal });
  await page.context().close();
  return report;
}

const EMPTY = { smallText: [], overflow: [], squeezedTitles: [], brokenIds: [], borderlessInputs: [] };

describe('at 360×640', () => {
  it.each([...VILLAGER, ...WORKERS])('the %s page has readable text, fits the screen, and shows fields and IDs whole', async (name, path, persona) => {
    expect(await walk(name, path, persona, false)).toEqual(EMPTY);
  });
});

describe('at 360×640 in 长辈模式', () => {
  it.each(VILLAGER)('the %s page has no text under 16 px and still fits the screen', async (name, path, persona) => {
    expect(await walk(name, path, persona, true)).toEqual(EMPTY);
  });
});

it('gives each item title on the quarter page most of its row, in both modes', async () => {
  for (const elder of [false, true]) {
    const page = await smallPhone(app, 'yangjia-villager', { elder });
    await page.goto(`${app.base}/pages/quarter/index?villageId=yangjia&quarter=2026Q3`);
    await page.getByText('2026年第三季度低保、特困救助发放名单').waitFor();
    await settled(page);
    const shares = await page.locator('.nut-cell', { hasText: '查看 ›' }).evaluateAll((cells) =>
      // The title's column (a short title does not fill it, so the column is what it was given).
      cells.map((c) => (c.querySelector('.nut-cell-left') as HTMLElement).getBoundingClientRect().width / c.getBoundingClientRect().width),
    );
    expect(shares.length).toBeGreaterThanOrEqual(20);
    // The issue saw ~180 px of a 360 px phone (about half the row once padding is taken off).
    expect(Math.min(...shares)).toBeGreaterThan(0.65);
    await page.context().close();
  }
});

it('shows the tab bar with a picture and a readable word for each tab', async () => {
  const page = await smallPhone(app, 'yangjia-villager', { elder: false });
  await page.goto(`${app.base}/pages/mine/index`);
  await settled(page);
  const tabs = await page.locator('.weui-tabbar__item').evaluateAll((items) =>
    items.map((a) => {
      const img = a.querySelector('img') as HTMLImageElement | null;
      const label = a.querySelector('.weui-tabbar__label') as HTMLElement;
      const box = img?.getBoundingClientRect();
      return {
        label: label.textContent?.trim(),
        labelPx: parseFloat(getComputedStyle(label).fontSize),
        drawn: !!img && img.complete && img.naturalWidth > 0 && (box?.width ?? 0) >= 20,
        chosen: a.classList.contains('weui-bar__item_on'),
        red: (() => {
          // The chosen tab's picture is in the brand red, the other grey: read its ink.
          if (!img?.naturalWidth) return false;
          const c = document.createElement('canvas');
          c.width = img.naturalWidth;
          c.height = img.naturalHeight;
          const g = c.getContext('2d') as CanvasRenderingContext2D;
          g.drawImage(img, 0, 0);
          const d = g.getImageData(0, 0, c.width, c.height).data;
          let r = 0;
          let gr = 0;
          for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] <= 128) continue;
            r += d[i];
            gr += d[i + 1];
          }
          return r > gr * 1.5;
        })(),
      };
    }),
  );
  expect(tabs.map((t) => t.label)).toEqual(['首页', '我的']);
  expect(tabs.map((t) => t.chosen)).toEqual([false, true]);
  for (const t of tabs) {
    expect(t.drawn).toBe(true);
    expect(t.red).toBe(t.chosen);
    expect(t.labelPx).toBeGreaterThanOrEqual(14);
  }
  await page.context().close();
});
