/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import FollowUpsPage from '../../src/packages/supervise/followups';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 10:00 in China. The demo's 监委会 of 杨家村 left one point of
// 2026Q3 open: the main street repair, to be settled once it is accepted.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

const SEEDED = '主街道路维修工程待验收，验收后公开结算金额。';
const NEW_POINT = '核实低保名单中一户是否仍符合条件';

function openAs(persona: string, params: Record<string, string> = { villageId: 'yangjia', quarter: '2026Q3' }) {
  return openPage(FollowUpsPage, '/packages/supervise/followups/index', params, persona);
}

const pointCard = (text: string) => screen.findByLabelText(`督办：${text}`);
const buttonOf = (scope: HTMLElement, text: string) => within(scope).getByText(text).closest('.nut-button') as HTMLElement;

describe('督办事项 (the 监委会’s follow-up points of a quarter)', () => {
  it('shows the quarter’s open point with the day it was written down', async () => {
    openAs('yangjia-supervisor');
    expect(await screen.findByText('2026年第三季度督办事项')).toBeTruthy();
    const card = await pointCard(SEEDED);
    expect(within(card).getByText('督办中')).toBeTruthy();
    expect(within(card).getByText(/^\d{4}-\d{2}-\d{2} 记录$/)).toBeTruthy();
    // Closing needs what was done, in at least four characters.
    expect(buttonOf(card, '销号').className).toContain('nut-button-disabled');
  });

  it('says so when a quarter has no points', async () => {
    openAs('dajiang-supervisor', { villageId: 'dajiang', quarter: '2026Q4' });
    expect(await screen.findByText('本季度还没有督办事项')).toBeTruthy();
  });

  it('refuses a villager’s point in words, and records nothing', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    openAs('yangjia-villager');
    await pointCard(SEEDED);
    await type(document.body, '新的督办事项（如报告会上村民提出的问题）', '村里的路灯什么时候修');
    await waitFor(() => expect(buttonOf(document.body, '记录督办事项').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(document.body, '记录督办事项'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('您没有权限进行此操作'), icon: 'none' })));
    const points = (await ui.host.call('disclosure', 'quarter', { villageId: 'yangjia', quarter: '2026Q3' })).body.data.followUps;
    expect(points.map((f: { text: string }) => f.text)).toEqual([SEEDED]);
  });

  it('lets the 监委会主任 record a point and close it with what was done, which stays after a reload', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const page = openAs('yangjia-supervisor');
    await pointCard(SEEDED);
    await type(document.body, '新的督办事项（如报告会上村民提出的问题）', NEW_POINT);
    await waitFor(() => expect(buttonOf(document.body, '记录督办事项').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(document.body, '记录督办事项'));
    const card = await pointCard(NEW_POINT);
    expect(within(card).getByText('督办中')).toBeTruthy();
    expect(within(card).getByText('2026-11-23 记录')).toBeTruthy();

    const result = '经入户核查仍符合条件，已在公开栏说明。';
    await type(card, '办理结果（销号时填写，村民可见）', result);
    await waitFor(() => expect(buttonOf(card, '销号').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(card, '销号'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已销号' })));
    page.unmount();

    openAs('yangjia-supervisor');
    const closed = await pointCard(NEW_POINT);
    expect(within(closed).getByText('已销号')).toBeTruthy();
    expect(within(closed).getByText(`2026-11-23 销号：${result}`)).toBeTruthy();
    expect(within(await pointCard(SEEDED)).getByText('督办中')).toBeTruthy();
  });
});
