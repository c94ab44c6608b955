/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CatalogPage from '../../src/packages/township/catalog';
import OverviewPage from '../../src/packages/township/overview';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';

const ui = pagesOnTestHost();
afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

function open(path: string, params: Record<string, string>, persona: string | null) {
  setDevPersona(persona);
  (Current as { router: unknown }).router = { params, path };
}

/** The data rows of the table, top to bottom, as the village names a reader sees first. */
function villageOrder(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0].textContent?.replace('›', '').trim() ?? '');
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

function cellsOf(village: string): string[] {
  return within(screen.getByRole('row', { name: village }))
    .getAllByRole('cell')
    .map((c) => c.textContent?.trim() ?? '');
}

describe('各村公开情况 (township overview)', () => {
  it('shows a village that missed items with the words, not only red, and puts it first', async () => {
    open('/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'township-admin');
    render(<OverviewPage />);
    expect(await screen.findByText('缺 2 项')).toBeTruthy();
    // 村, 按时公开, 逾期公开, 未公开(逾期), 未到期
    expect(cellsOf('大姜村')).toEqual(['大姜村 ›', '22', '0', '缺 2 项', '0']);
    expect(cellsOf('杨家村')).toEqual(['杨家村 ›', '24', '0', '0', '0']);
    expect(villageOrder()[0]).toBe('大姜村');
    expect(screen.getByText(/1 个村共缺 2 项/)).toBeTruthy();
  });

  it('counts late publication apart from on-time, and steps between quarters', async () => {
    open('/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q3' }, 'township-discipline');
    render(<OverviewPage />);
    await screen.findByRole('row', { name: '堤圈村' });
    expect(screen.getByText('2026年第三季度')).toBeTruthy();
    expect(cellsOf('堤圈村')).toEqual(['堤圈村 ›', '16', '8', '0', '0']);
    expect(screen.getByText(/没有逾期未公开的项目/)).toBeTruthy();

    fireEvent.click(screen.getByText('上一季度'));
    expect(await screen.findByText('缺 2 项')).toBeTruthy();
    expect(screen.getByText('2026年第二季度')).toBeTruthy();
    expect(cellsOf('堤圈村')).toEqual(['堤圈村 ›', '24', '0', '0', '0']);

    fireEvent.click(screen.getByText('下一季度'));
    await waitFor(() => expect(cellsOf('堤圈村')[2]).toBe('8'));
  });

  it('sorts by 村名 on request', async () => {
    open('/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'township-admin');
    render(<OverviewPage />);
    await screen.findByText('缺 2 项');
    fireEvent.click(screen.getByText('按村名'));
    await waitFor(() => expect(villageOrder()).toEqual(['大姜村', '堤圈村', '豆腐李村', '杨家村']));
    fireEvent.click(screen.getByText('按未公开'));
    await waitFor(() => expect(villageOrder()[0]).toBe('大姜村'));
  });

  it('opens a village’s quarter when its row is tapped', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);
    open('/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'township-admin');
    render(<OverviewPage />);
    fireEvent.click(await screen.findByText('缺 2 项'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/quarter/index?villageId=dajiang&quarter=2026Q2' });
  });

  it('opens on the quarter being reported: the previous calendar quarter in China time', async () => {
    // 2026-01-01 00:30 in Shanghai is still 2025 in UTC: the quarter reported then is 2025Q4.
    jest.useFakeTimers({ now: new Date('2025-12-31T16:30:00Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'] });
    open('/packages/township/overview/index', { townshipId: 'huangsheng' }, 'township-admin');
    render(<OverviewPage />);
    expect(await screen.findByText('2025年第四季度')).toBeTruthy();
    await screen.findByRole('row', { name: '杨家村' });
    expect(cellsOf('杨家村')[1]).toBe('24');
  });

  it('tells a villager this table is not theirs', async () => {
    open('/packages/township/overview/index', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'yangjia-villager');
    render(<OverviewPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByText('缺 2 项')).toBeNull();
  });
});

describe('公开目录 (township catalog)', () => {
  const openCatalog = (persona: string | null) => {
    open('/packages/township/catalog/index', { townshipId: 'huangsheng' }, persona);
    return render(<CatalogPage />);
  };

  it('lists the items by category, in catalog order', async () => {
    openCatalog(null);
    expect(await screen.findByText('党组织设置与班子分工')).toBeTruthy();
    for (const c of ['党务', '村务', '财务', '资金', '资产', '资源']) expect(screen.getByText(c)).toBeTruthy();
    const titles = Array.from(document.querySelectorAll('.catalog__item')).map((e) => e.getAttribute('aria-label'));
    expect(titles.slice(0, 5)).toEqual(['党组织设置与班子分工', '党员发展与组织关系转接', '党费收缴与使用', '三会一课与主题党日', '重大事项决策与四议两公开执行']);
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
