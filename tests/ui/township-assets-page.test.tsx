/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { WARNING_KIND_LABEL, type WarningKind } from '../../types/assets';
import TownshipAssetsPage from '../../src/packages/township/assets';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 (Beijing). Two villages of 黄胜镇 let land without a
// recorded decision, one of them with rent overdue: warnings of two kinds in two villages.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

async function letLand(villageId: string, name: string, startOn: string) {
  const accountant = `${villageId}-accountant`;
  const land = await ui.host.ok(
    'assets',
    'addResource',
    { villageId, name, landKind: 'arable', areaMu100: 1000, location: '村北', state: 'uncontracted' },
    accountant,
  );
  await ui.host.ok(
    'assets',
    'addContract',
    {
      villageId,
      subject: { type: 'resource', id: land.id },
      kind: 'outsource',
      counterparty: { name: '刘长青', personId: null },
      startOn,
      endOn: '2030-12-31',
      priceFenPerYear: 300_000,
      schedule: 'yearly',
      depositFen: 0,
      award: { method: 'negotiated', reason: '零散地块，无人竞价' },
      decision: null,
    },
    accountant,
  );
}

beforeAll(async () => {
  await letLand('yangjia', '杨家北洼地', '2026-12-01');
  await letLand('doufuli', '豆腐李北洼地', '2026-06-01');
});

function openAs(persona: string) {
  return openPage(TownshipAssetsPage, '/packages/township/assets/index', { townshipId: 'huangsheng' }, persona);
}

const KINDS = Object.keys(WARNING_KIND_LABEL) as WarningKind[];
const kindOfLabel = (label: string) => KINDS.find((k) => label.startsWith(`预警：${WARNING_KIND_LABEL[k]}：`)) as WarningKind;

/** The cards in the order shown: their village and kind. */
function shown() {
  const list = screen.getByLabelText('预警列表');
  return within(list)
    .getAllByLabelText(/^预警：/)
    .map((card) => ({
      village: card.querySelector('.asset-warning__village')?.textContent ?? '',
      kind: kindOfLabel(card.getAttribute('aria-label') ?? ''),
      light: card.querySelector('.nut-tag')?.textContent ?? '',
    }));
}

describe('各村三资预警 (the township’s view)', () => {
  it('lists every village’s open warnings and sorts them by village, kind and level', async () => {
    openAs('township-discipline');
    await screen.findByLabelText('预警列表');
    await waitFor(() => expect(shown().length).toBeGreaterThanOrEqual(3));
    const villages = new Set(shown().map((w) => w.village));
    expect([...villages]).toEqual(expect.arrayContaining(['杨家村', '豆腐李村']));

    // By default the red ones first.
    const lights = shown().map((w) => w.light);
    expect(lights).toEqual([...lights].sort((a, b) => ['红灯', '黄灯'].indexOf(a) - ['红灯', '黄灯'].indexOf(b)));

    fireEvent.click(screen.getByText('按村'));
    await waitFor(() => expect(screen.getByText('✓ 按村')).toBeTruthy());
    const byVillage = shown().map((w) => w.village);
    expect(byVillage).toEqual([...byVillage].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    // Each village's warnings stand together.
    expect(new Set(byVillage).size).toBe(byVillage.filter((v, i) => v !== byVillage[i - 1]).length);

    fireEvent.click(screen.getByText('按类别'));
    await waitFor(() => expect(screen.getByText('✓ 按类别')).toBeTruthy());
    const byKind = shown().map((w) => KINDS.indexOf(w.kind));
    expect(byKind).toEqual([...byKind].sort((a, b) => a - b));
    expect(byKind).toContain(KINDS.indexOf('overdue'));
    expect(byKind).toContain(KINDS.indexOf('no_decision'));

    // Each village's totals beside them.
    const doufuli = screen.getByLabelText('豆腐李村三资');
    expect(within(doufuli).getByText(/未销号/)).toBeTruthy();
    expect(within(doufuli).getByText(/^发包的土地：/).textContent).toMatch(/^发包的土地：\d+(\.\d+)?亩/);
    expect(within(doufuli).getByText(/^欠 [\d,.]+ 元$/)).toBeTruthy();
    // The discipline inspector reads the settings; only the admin changes them.
    expect(await screen.findByText('只有镇管理员可以更改。')).toBeTruthy();
  });

  it('lets the 镇管理员 save a reference price per 亩, and refuses one that is not an amount', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    openAs('township-admin');
    const card = await screen.findByLabelText('三资预警设置');
    const arable = within(card).getByLabelText('耕地参考价');
    await type(arable, '不检查', '六百');
    fireEvent.click(await within(card).findByText('保存预警设置'));
    expect(await within(card).findByText(/^耕地参考价：金额只能填数字/)).toBeTruthy();

    await type(arable, '不检查', '600.5');
    fireEvent.click(within(card).getByText('保存预警设置'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存，各村下次检查时按新设置预警' })));
    // The form reads back what was saved, to the fen.
    await waitFor(() => expect((within(card).getByLabelText('耕地参考价').querySelector('input') as HTMLInputElement).value).toBe('600.50'));
    const saved = await ui.host.ok('assets', 'settings', { townshipId: 'huangsheng' }, 'township-admin');
    expect(saved).toMatchObject({ termLimitYears: 30, expiringDays: 90, idleMonths: 6, referencePriceFen: { arable: 60_050 } });
  });
});
