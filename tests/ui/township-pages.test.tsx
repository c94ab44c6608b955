/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CatalogPage from '../../src/packages/township/catalog';
import OverviewPage from '../../src/packages/township/overview';
import type { TownshipTicketRow } from '../../types/tickets';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';
import { phoneClockAt } from './phone-clock';

const ui = pagesOnTestHost();
afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

/** The village cards, top to bottom, by the name a reader sees first. */
function villageOrder(): string[] {
  return screen.getAllByRole('listitem').map((r) => r.getAttribute('aria-label') ?? '');
}

/** Taro's Input draws its native <input> a moment after it mounts. */
async function typeInto(placeholder: string, value: string) {
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!el) throw new Error(`no input “${placeholder}” yet`);
    return el;
  });
  fireEvent.input(input, { target: { value } });
}

const card = (village: string) => screen.getByRole('listitem', { name: village });

/** The parts of a village's 公开 figure: 按时 N, 逾期 N, 缺 N 项 (and 未到期 N while due). */
function publicOf(village: string): string[] {
  return Array.from(card(village).querySelectorAll('.township-overview__part')).map((e) => e.textContent?.trim() ?? '');
}

/** A labelled figure of a village, by what it says aloud ("杨家村满意率…"). */
const figure = (village: string, what: string) => within(card(village)).getByLabelText(new RegExp(`^${village}${what}`));
const figureText = (village: string, what: string) => figure(village, what).querySelector('.township-overview__value')?.textContent?.replace('›', '').trim();

/** A sort button, chosen (“✓ …”) or not. */
const sortButton = (label: string) => screen.getByText(new RegExp(`^(✓ )?${label}$`), { selector: '.nut-button *' });

const stubNavigate = () => jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);

describe('各村公开与监督情况 (township overview): 公开', () => {
  it('shows a village that missed items with the words, not only red, and puts it first', async () => {
    openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'township-admin');
    expect(await screen.findByText('缺 2 项')).toBeTruthy();
    expect(publicOf('大姜村')).toEqual(['按时 22', '逾期 0', '缺 2 项']);
    expect(publicOf('杨家村')).toEqual(['按时 24', '逾期 0', '缺 0 项']);
    expect(card('大姜村').className).toContain('township-overview__village--behind');
    expect(villageOrder()[0]).toBe('大姜村');
    expect(screen.getByText(/1 个村共缺 2 项/)).toBeTruthy();
  });

  it('counts late publication apart from on-time, and steps between quarters', async () => {
    openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q3' }, 'township-discipline');
    await screen.findByRole('listitem', { name: '堤圈村' });
    expect(screen.getByText('2026年第三季度')).toBeTruthy();
    expect(publicOf('堤圈村')).toEqual(['按时 16', '逾期 8', '缺 0 项']);
    expect(screen.getByText(/没有逾期未公开的项目/)).toBeTruthy();

    fireEvent.click(screen.getByText('上一季度'));
    expect(await screen.findByText('缺 2 项')).toBeTruthy();
    expect(screen.getByText('2026年第二季度')).toBeTruthy();
    expect(publicOf('堤圈村')).toEqual(['按时 24', '逾期 0', '缺 0 项']);

    fireEvent.click(screen.getByText('下一季度'));
    await waitFor(() => expect(publicOf('堤圈村')[1]).toBe('逾期 8'));
  });

  it('sorts by 村名 on request', async () => {
    openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'township-admin');
    await screen.findByText('缺 2 项');
    fireEvent.click(sortButton('按村名'));
    await waitFor(() => expect(villageOrder()).toEqual(['大姜村', '堤圈村', '豆腐李村', '杨家村']));
    expect(sortButton('按村名').closest('.nut-button')?.textContent).toBe('✓ 按村名');
    fireEvent.click(sortButton('按未公开'));
    await waitFor(() => expect(villageOrder()[0]).toBe('大姜村'));
  });

  it('opens a village’s quarter when its 公开 figure is tapped', async () => {
    const navigate = stubNavigate();
    openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'township-admin');
    fireEvent.click(await screen.findByText('缺 2 项'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/quarter/index?villageId=dajiang&quarter=2026Q2' });
    expect(figure('大姜村', '2026年第二季度公开').getAttribute('aria-label')).toBe('大姜村2026年第二季度公开：按时 22 项，逾期公开 0 项，缺 2 项，查看');
  });

  it("opens on the quarter being reported by the server's clock in China time, whatever the phone's clock says", async () => {
    // 2026-01-01 00:30 in Shanghai is still 2025 in UTC: the quarter reported then is 2025Q4.
    // The phone's own clock is two years off and must not matter.
    const saved = ui.host.clock.now();
    ui.host.clock.set(new Date('2025-12-31T16:30:00Z'));
    phoneClockAt(new Date('2027-08-01T03:00:00Z'));
    try {
      openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng' }, 'township-admin');
      expect(await screen.findByText('2025年第四季度')).toBeTruthy();
      await screen.findByRole('listitem', { name: '杨家村' });
      expect(publicOf('杨家村')[0]).toBe('按时 24');
    } finally {
      ui.host.clock.set(saved);
    }
  });

  it('tells a villager this table is not theirs', async () => {
    openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'yangjia-villager');
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByText('缺 2 项')).toBeNull();
  });
});

describe('各村公开与监督情况 (township overview): 码上监督', () => {
  const DAY = 24 * 3600 * 1000;
  const ok = (action: string, data: unknown, persona: string) => ui.host.ok('tickets', action, data, persona);
  type Row = TownshipTicketRow;
  const rowsNow = async (): Promise<Row[]> => (await ok('township', { townshipId: 'huangsheng' }, 'township-admin')).rows;
  let before: Row;

  // 堤圈村: one suggestion left unanswered past its 10 days; one answered in time, rated 满意 and
  // 销号. 豆腐李村: one answered late, by the township, not rated yet.
  beforeAll(async () => {
    before = (await rowsNow()).find((r) => r.villageId === 'diquan')!;
    await ok('file', { villageId: 'diquan', kind: 'suggestion', text: '建议在村东头再装两盏路灯。', anonymous: true }, 'diquan-villager');
    const late = await ok('file', { villageId: 'doufuli', kind: 'suggestion', text: '建议村里办一次消防演练。', anonymous: true }, 'doufuli-villager');
    ui.host.clock.advance(11 * DAY);
    await ui.host.post('/dev/tick', '{}');
    await ok('answer', { villageId: 'doufuli', ticketId: late.id, text: '镇里已安排在下月组织消防演练。' }, 'township-admin');
    const answered = await ok('file', { villageId: 'diquan', kind: 'suggestion', text: '建议把垃圾清运改到每周两次。', anonymous: true }, 'diquan-villager');
    await ok('answer', { villageId: 'diquan', ticketId: answered.id, text: '已和保洁公司商定，下周起每周两次。' }, 'diquan-supervisor');
    await ok('rate', { villageId: 'diquan', ticketId: answered.id, rating: '满意' }, 'diquan-villager');
    await ok('close', { villageId: 'diquan', ticketId: answered.id, result: '已改为每周清运两次。' }, 'diquan-supervisor');
  });

  const openOverview = async (persona = 'township-admin') => {
    openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, persona);
    await screen.findByRole('listitem', { name: '堤圈村' });
  };

  it('shows each village’s overdue count in words and its rates with the counts behind them', async () => {
    const diquan = (await rowsNow()).find((r) => r.villageId === 'diquan')!;
    // What the test did, as the server counts it.
    expect(diquan).toMatchObject({
      received: before.received + 2,
      answered: before.answered + 1,
      answeredOnTime: before.answeredOnTime + 1,
      closed: before.closed + 1,
      satisfied: before.satisfied + 1,
      rated: before.rated + 1,
      overdueOpen: before.overdueOpen + 1,
    });
    await openOverview();
    const pct = (n: number, d: number) => `${Math.floor((n * 100) / d)}%`;
    expect(figureText('堤圈村', '超期未答复')).toBe(`超期 ${diquan.overdueOpen} 件未答复共 ${diquan.open} 件`);
    expect(within(figure('堤圈村', '超期未答复')).getByText(`超期 ${diquan.overdueOpen} 件`).className).toContain('township-overview__alarm');
    expect(figureText('堤圈村', '按时答复率')).toBe(`${pct(diquan.answeredOnTime, diquan.answered)}（${diquan.answeredOnTime}/${diquan.answered}）`);
    expect(figureText('堤圈村', '销号率')).toBe(`${pct(diquan.closed, diquan.received)}（${diquan.closed}/${diquan.received}）`);
    expect(figureText('堤圈村', '满意率')).toBe(`${pct(diquan.satisfied, diquan.rated)}（${diquan.satisfied}/${diquan.rated}）`);
    expect(figure('堤圈村', '超期未答复').getAttribute('aria-label')).toBe(`堤圈村超期未答复 ${diquan.overdueOpen} 件，查看问题台账`);
    expect(figure('堤圈村', '满意率').getAttribute('aria-label')).toBe(
      `堤圈村满意率 ${pct(diquan.satisfied, diquan.rated)}，评价 ${diquan.rated} 次中满意或基本满意 ${diquan.satisfied} 次，查看`,
    );
    const total = (await rowsNow()).reduce((n, r) => n + r.overdueOpen, 0);
    expect(screen.getByText(new RegExp(`全镇超期未答复 ${total} 件`))).toBeTruthy();
  });

  it('shows “—” and says why when a village has nothing to rate, and opens nothing from it', async () => {
    const yangjia = (await rowsNow()).find((r) => r.villageId === 'yangjia')!;
    expect(yangjia.rated).toBe(0);
    const navigate = stubNavigate();
    await openOverview();
    const none = figure('杨家村', '满意率');
    expect(none.getAttribute('aria-label')).toBe('杨家村满意率：还没有评价');
    expect(none.getAttribute('role')).toBeNull();
    expect(figureText('杨家村', '满意率')).toBe('—还没有评价');
    fireEvent.click(none);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('sorts by 超期 and by each rate, worst first and villages with no data last', async () => {
    await openOverview();
    fireEvent.click(sortButton('按超期'));
    await waitFor(() => expect(villageOrder()[0]).toBe('堤圈村'));
    expect(screen.getByText('超期未答复多的村排在前面。')).toBeTruthy();
    const rows = await rowsNow();
    for (const [label, rate] of [
      ['按时答复率', (r: Row) => [r.answeredOnTime, r.answered]],
      ['按销号率', (r: Row) => [r.closed, r.received]],
      ['按满意率', (r: Row) => [r.satisfied, r.rated]],
    ] as const) {
      fireEvent.click(sortButton(label));
      await waitFor(() => expect(sortButton(label).closest('.nut-button')?.textContent).toBe(`✓ ${label}`));
      // The villages with a figure, lowest first, then those with none.
      const shown = villageOrder().map((name) => rows.find((r) => r.villageName === name)!);
      expect(shown).toHaveLength(rows.length);
      const ratio = (r: Row) => rate(r)[0] / rate(r)[1];
      const rated = shown.filter((r) => rate(r)[1] > 0);
      expect(shown.slice(0, rated.length)).toEqual(rated);
      expect(rated.map(ratio)).toEqual(rated.map(ratio).sort((a, b) => a - b));
      expect(rated.length).toBeGreaterThan(0);
    }
    // 豆腐李村 answered late and 销号 nothing: it heads both of those.
    fireEvent.click(sortButton('按时答复率'));
    await waitFor(() => expect(villageOrder().slice(0, 2)).toEqual(['豆腐李村', '堤圈村']));
    fireEvent.click(sortButton('按销号率'));
    await waitFor(() => expect(villageOrder().slice(0, 2)).toEqual(['豆腐李村', '堤圈村']));
  });

  it('opens the overdue list behind the number, not the village’s quarter', async () => {
    const navigate = stubNavigate();
    await openOverview();
    fireEvent.click(within(figure('堤圈村', '超期未答复')).getByText(/^超期 \d+ 件$/));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/supervise/tickets/index?villageId=diquan&show=overdue' });

    fireEvent.click(figure('堤圈村', '按时答复率'));
    fireEvent.click(figure('堤圈村', '销号率'));
    fireEvent.click(figure('堤圈村', '满意率'));
    expect(navigate.mock.calls.slice(1).map((c) => (c[0] as { url: string }).url)).toEqual([
      '/packages/supervise/tickets/index?villageId=diquan&show=answered',
      '/packages/supervise/tickets/index?villageId=diquan&show=closed',
      '/packages/supervise/tickets/index?villageId=diquan&show=rated',
    ]);
    expect(navigate.mock.calls.some((c) => (c[0] as { url: string }).url.startsWith('/pages/quarter/'))).toBe(false);
  });

  it('opens any village’s whole 问题台账, also one with nothing overdue', async () => {
    const navigate = stubNavigate();
    await openOverview();
    const quiet = screen
      .getAllByRole('listitem')
      .map((l) => l.getAttribute('aria-label') ?? '')
      .find((name) => figure(name, '超期未答复').textContent?.includes('0 件'));
    expect(quiet).toBeDefined();
    fireEvent.click(figure(quiet as string, '超期未答复'));
    expect(navigate).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/supervise\/tickets\/index\?villageId=[a-z]+&show=all$/) });
  });

  it('shows a village’s secretary the server’s refusal, and no figures', async () => {
    const refused = await ui.host.call('disclosure', 'township', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'yangjia-secretary');
    expect(refused.body.ok).toBe(false);
    openPage(OverviewPage, '/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'yangjia-secretary');
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.getByText(refused.body.error.message)).toBeTruthy();
    expect(screen.queryByRole('listitem')).toBeNull();
    expect(screen.queryByText(/全镇超期未答复/)).toBeNull();
  });
});

describe('公开目录 (township catalog)', () => {
  const openCatalog = (persona: string | null) => {
    return openPage(CatalogPage, '/packages/township/catalog/index', { townshipId: 'huangsheng' }, persona);
  };

  it('lists the items by category, in catalog order', async () => {
    openCatalog(null);
    expect(await screen.findByText('党组织设置与班子分工')).toBeTruthy();
    for (const c of ['党务', '村务', '财务', '资金', '资产', '资源']) expect(screen.getByText(c)).toBeTruthy();
    const titles = Array.from(document.querySelectorAll('.catalog__item')).map((e) => e.getAttribute('aria-label'));
    expect(titles.slice(0, 5)).toEqual([
      '党组织设置与班子分工',
      '党员发展与组织关系转接',
      '党费收缴与使用',
      '三会一课与主题党日',
      '重大事项决策与四议两公开执行',
    ]);
    expect(titles).toHaveLength(24);
  });

  it.each([
    ['a villager', 'yangjia-villager'],
    ['the 镇纪委', 'township-discipline'],
    ['a visitor', null],
  ])('shows %s no edit buttons', async (_who, persona) => {
    openCatalog(persona);
    expect(await screen.findByText(/目录由镇管理员维护/)).toBeTruthy();
    expect(screen.getByText('债权债务')).toBeTruthy();
    expect(screen.queryByText('改名')).toBeNull();
    expect(screen.queryByText('撤下')).toBeNull();
    expect(screen.queryByText('新增目录项')).toBeNull();
    expect(screen.queryByPlaceholderText('新增目录项名称')).toBeNull();
  });

  it('lets the 镇管理员 add an item, which is required from this quarter on', async () => {
    openCatalog('township-admin');
    await screen.findByText('新增目录项', { selector: '.nut-button *' });
    fireEvent.click(screen.getByText('资金', { selector: '.nut-button *' }));
    await typeInto('新增目录项名称', '村集体经营性收入');
    fireEvent.click(screen.getByText('新增目录项', { selector: '.nut-button *' }));

    const added = await screen.findByLabelText('村集体经营性收入');
    expect(within(added).getByText('自 2026年第四季度 起要求')).toBeTruthy();
    // Filed under 资金, after the four it already had.
    const titles = Array.from(document.querySelectorAll('.catalog__item')).map((e) => e.getAttribute('aria-label'));
    expect(titles.indexOf('村集体经营性收入')).toBe(titles.indexOf('债权债务') + 1);
    // Another reader sees it too: it was saved, not just drawn.
    const saved = await ui.host.call('disclosure', 'catalog', { townshipId: 'huangsheng' });
    expect(saved.body.data.items.map((i: { title: string }) => i.title)).toContain('村集体经营性收入');
  });

  it('lets the 镇管理员 rename an item', async () => {
    openCatalog('township-admin');
    const row = await screen.findByLabelText('招待费、办公费等非生产性开支');
    fireEvent.click(within(row).getByText('改名'));
    await typeInto('目录项名称', '非生产性开支');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByLabelText('非生产性开支')).toBeTruthy();
    expect(screen.queryByText('招待费、办公费等非生产性开支')).toBeNull();
  });

  it('asks before retiring an item, then shows it greyed with the quarter it stops', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }) as never);
    openCatalog('township-admin');
    const row = await screen.findByLabelText('资源流转与变更');
    fireEvent.click(within(row).getByText('撤下'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '撤下后从本季度起不再要求公开，以前季度已公开的内容保留。' });

    await waitFor(() => expect(within(screen.getByLabelText('资源流转与变更')).getByText('已撤下')).toBeTruthy());
    const retired = screen.getByLabelText('资源流转与变更');
    expect(within(retired).getByText('自 2026年第四季度 起不再要求')).toBeTruthy();
    expect(within(retired).queryByText('改名')).toBeNull();
    expect(retired.className).toContain('catalog__item--retired');
  });

  it('keeps the item when the 镇管理员 cancels the retire question', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }) as never);
    openCatalog('township-admin');
    const row = await screen.findByLabelText('资源收益分配');
    fireEvent.click(within(row).getByText('撤下'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 100));
    expect(within(screen.getByLabelText('资源收益分配')).queryByText('已撤下')).toBeNull();
    const saved = await ui.host.call('disclosure', 'catalog', { townshipId: 'huangsheng' });
    expect(saved.body.data.items.find((i: { title: string }) => i.title === '资源收益分配').retired).toBe(false);
  });
});
