/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CheckPage from '../../src/packages/board/check';
import QuestionsPage from '../../src/packages/supervise/questions';
import ItemPage from '../../src/pages/item';
import QuarterPage from '../../src/pages/quarter';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

const ui = pagesOnTestHost();

/** Types into Taro's native input or textarea (the custom element around it shares the placeholder). */
async function typeInto(placeholder: string, value: string) {
  const all = await screen.findAllByPlaceholderText(placeholder);
  const el = (document.querySelector(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`) ?? all[0]) as HTMLInputElement;
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
    fireEvent.input(el, { target: { value } });
    return;
  }
  // Taro's textarea element reports its value in a CustomEvent's detail, as the mini-program does.
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

describe('quarter page', () => {
  it('shows where every item of a past quarter stands, with missing ones said in words', async () => {
    openPage(QuarterPage, '/pages/quarter/index', { villageId: 'dajiang', quarter: '2026Q2' });
    expect(await screen.findByText(/应公开 24 项：按时公开 22 项，逾期公开 0 项，超过截止日期未公开 2 项/)).toBeTruthy();
    // The list fills in a category group at a time.
    await waitFor(() => expect(screen.getAllByText('未公开·已逾期')).toHaveLength(2));
    // Every past quarter can be opened.
    const picker = screen.getByLabelText('选择季度');
    for (const q of ['2026年第三季度', '2026年第二季度', '2026年第一季度', '2025年第四季度']) expect(within(picker).getByText(q)).toBeTruthy();
    fireEvent.click(within(picker).getByText('2025年第四季度'));
    expect(await screen.findByText(/^应公开 24 项：按时公开 24 项/)).toBeTruthy();
  });

  it('lets a verified villager rate the quarter once, and shows the totals', async () => {
    setDevPersona('doufuli-villager');
    openPage(QuarterPage, '/pages/quarter/index', { villageId: 'doufuli', quarter: '2026Q3' });
    const card = await screen.findByLabelText('村民评价');
    expect(within(card).getByText('还没有人评价。')).toBeTruthy();
    fireEvent.click(within(card).getByText('基本满意'));
    expect(await screen.findByText('您的评价：基本满意（每季度评价一次）')).toBeTruthy();
    expect(screen.getByText(/满意 0 人\s基本满意 1 人\s不满意 0 人/)).toBeTruthy();
  });

  it('lists the 监委会’s follow-up points with whether each is closed', async () => {
    openPage(QuarterPage, '/pages/quarter/index', { villageId: 'yangjia', quarter: '2026Q2' });
    expect(await screen.findByText('村民反映村东库房租金偏低，请两委核实同类库房市场租金。')).toBeTruthy();
    expect(screen.getByText('已销号')).toBeTruthy();
  });
});

describe('item page', () => {
  it('finds the verified villager’s own name in a subsidy list, marked in words as well as colour', async () => {
    setDevPersona('yangjia-villager');
    openPage(ItemPage, '/pages/item/index', { villageId: 'yangjia', quarter: '2026Q3', itemId: encodeURIComponent('huangsheng:2-3') });
    // The demo village has two household heads named 杨德福; the masked ID numbers tell them apart.
    const item = (await ui.host.call('disclosure', 'item', { villageId: 'yangjia', quarter: '2026Q3', itemId: 'huangsheng:2-3' })).body.data;
    const named = item.latest.body.flatMap((b: { rows?: string[][] }) => b.rows ?? []).filter((r: string[]) => r[0] === '杨德福').length;
    expect(named).toBeGreaterThan(0);
    expect(await screen.findByText(`找到 ${named} 行写着“杨德福”，已用 ★ 标出。`)).toBeTruthy();
    expect(screen.getAllByLabelText('找到：杨德福')).toHaveLength(named);
    await typeInto('查找我的名字：输入姓名', '王不在');
    expect(await screen.findByText('名单里没有“王不在”。')).toBeTruthy();
  });

  it('offers the name search only on a list of people, not on 月度收支明细 whose rows are months', async () => {
    setDevPersona('yangjia-villager');
    const view = openPage(ItemPage, '/pages/item/index', { villageId: 'yangjia', quarter: '2026Q3', itemId: encodeURIComponent('huangsheng:3-1') });
    expect(await screen.findByText(/月度收支明细$/)).toBeTruthy();
    expect(screen.queryByLabelText('查找我的名字')).toBeNull();
    expect(screen.queryByPlaceholderText('查找我的名字：输入姓名')).toBeNull();
    view.unmount();
    // A land list names its households under 户主: there it is offered.
    openPage(ItemPage, '/pages/item/index', { villageId: 'yangjia', quarter: '2026Q3', itemId: encodeURIComponent('huangsheng:2-3') });
    expect(await screen.findByLabelText('查找我的名字')).toBeTruthy();
  });

  it('shows a corrected item’s reason and opens version 1', async () => {
    openPage(ItemPage, '/pages/item/index', { villageId: 'yangjia', quarter: '2026Q2', itemId: 'huangsheng:2-3' });
    expect(await screen.findByText(/第 2 版（最新）/)).toBeTruthy();
    expect(screen.getByText(/本版更正原因：杨德福户确权面积录入有误/)).toBeTruthy();
    fireEvent.click(screen.getByText(/^第 1 版/));
    expect(await screen.findByText(/第 1 版（旧版本）/)).toBeTruthy();
  });

  it('sends a question to the 监委会, whose queue links back to the item', async () => {
    setDevPersona('diquan-villager');
    openPage(ItemPage, '/pages/item/index', { villageId: 'diquan', quarter: '2026Q3', itemId: 'huangsheng:3-3' });
    await typeInto('写下您的问题', '书记的报酬为什么比上季度高？');
    const toast = jest.spyOn(Taro, 'showToast');
    fireEvent.click(screen.getByText('提交问题'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已交给村务监督委员会，答复会出现在“我的”' })));

    setDevPersona('diquan-supervisor');
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never);
    openPage(QuestionsPage, '/packages/supervise/questions/index', { villageId: 'diquan' });
    expect(await screen.findByText('书记的报酬为什么比上季度高？')).toBeTruthy();
    fireEvent.click(screen.getByText('关于：2026年第三季度公开内容“2026年第三季度村干部报酬与误工补贴” ›'));
    expect(nav).toHaveBeenCalledWith({ url: '/pages/item/index?villageId=diquan&quarter=2026Q3&itemId=huangsheng%3A3-3' });
  });
});

describe('校验 page', () => {
  it('says the item checks out, and says so no longer once its amount is changed in the database', async () => {
    const first = openPage(CheckPage, '/packages/board/check/index', { villageId: 'doufuli', quarter: '2026Q1', itemId: 'huangsheng:1-3', version: '1' });
    expect(await screen.findByText('✓ 校验通过：哈希链完整，内容与审核公开时一致')).toBeTruthy();
    first.unmount();
    ui.host.store.db.prepare(`UPDATE "c_disclosure_versions" SET data = json_set(data, '$.amountFen', 1) WHERE id = ?`).run('doufuli:2026Q1:huangsheng:1-3:v1');
    render(<CheckPage />);
    expect(await screen.findByText('✗ 哈希链已断开：这一版的内容或记录被改动过')).toBeTruthy();
    expect(screen.getByText('✗ 内容已被改动：与审核时的数字指纹不符')).toBeTruthy();
  });
});
