/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PeoplePage from '../../src/packages/cadre/people';
import { setDevPersona } from '../../src/services/dev-persona';
import type { RosterPerson } from '../../types/roster';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';

// The demo host's clock is 2026-11-23 10:00 in China. 杨家村's roster is the demo's; its 两委 and
// 监委会 are people on it with accounts, most villagers have none.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

function openAs(persona: string) {
  setDevPersona(persona);
  (Current as { router: unknown }).router = { params: { villageId: 'yangjia' }, path: '/packages/cadre/people/index' };
  return render(<PeoplePage />);
}

/** The first page of the roster, as the 书记 reads it from the server. */
async function firstPage(): Promise<{ total: number; people: RosterPerson[] }> {
  const res = await ui.host.call('roster', 'list', { villageId: 'yangjia', page: 1 }, 'yangjia-secretary');
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.data;
}

/** A person's row: by name, and by ID number and household, as two villagers may share a name. */
function rowOf(p: RosterPerson): HTMLElement {
  const rows = screen
    .getAllByText(`${p.name}（${p.relation}）`)
    .map((title) => title.closest('.nut-cell') as HTMLElement)
    .filter((row) => row.textContent?.includes(`${p.idMasked} · 户号 ${p.householdNo}`));
  expect(rows).toHaveLength(1);
  return rows[0];
}
const buttonOf = (scope: HTMLElement, text: string) => within(scope).getByText(text).closest('.nut-button') as HTMLElement;

describe('花名册与角色 (the roster with each person’s roles)', () => {
  it('shows the 书记 the roster with masked ID numbers and who is verified', async () => {
    const { total, people } = await firstPage();
    openAs('yangjia-secretary');
    expect(await screen.findByText(`花名册共 ${total} 人（第 1 页）`)).toBeTruthy();
    const someone = people[0];
    const row = rowOf(someone);
    expect(row.textContent).toMatch(/已认证|未认证/);
    expect(row.textContent).not.toMatch(/\d{17}[\dXx]/);
  });

  it('keeps the roster from a villager, in words', async () => {
    openAs('yangjia-villager');
    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('加载失败');
    expect(refused.textContent).toContain('您没有权限进行此操作');
  });

  it('lets the 书记 make a villager a 民主理财小组成员, which the roster shows after a reload', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const { people } = await firstPage();
    const villager = people.find((p) => p.assignedRoles.length === 0) as RosterPerson;
    const page = openAs('yangjia-secretary');
    await screen.findByText(/^花名册共 \d+ 人/);
    fireEvent.click(rowOf(villager));
    const card = await screen.findByLabelText(`编辑 ${villager.name}`);
    // The rebinding is the 监委会's, not the 书记's.
    expect(within(card).queryByText('解除微信绑定，让本人重新认证')).toBeNull();
    const role = within(card).getByText('民主理财小组成员').closest('.nut-cell') as HTMLElement;
    expect(role.textContent).toContain('不担任');
    fireEvent.click(role);
    expect(role.textContent).toContain('✓ 担任');
    fireEvent.click(buttonOf(card, '保存角色'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '角色已更新' })));
    page.unmount();

    openAs('yangjia-secretary');
    await screen.findByText(/^花名册共 \d+ 人/);
    expect(rowOf(villager).textContent).toContain('民主理财小组成员');
  });

  it('refuses the 书记 a 监委会 role, in words, and changes nothing', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const { people } = await firstPage();
    const villager = people.find((p) => p.assignedRoles.length === 0) as RosterPerson;
    openAs('yangjia-secretary');
    await screen.findByText(/^花名册共 \d+ 人/);
    fireEvent.click(rowOf(villager));
    const card = await screen.findByLabelText(`编辑 ${villager.name}`);
    fireEvent.click(within(card).getByText('村务监督委员会主任'));
    fireEvent.click(buttonOf(card, '保存角色'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('由镇里指定'), icon: 'none' })));
    expect((await firstPage()).people.find((p) => p.id === villager.id)?.assignedRoles).not.toContain('supervisor_chair');
  });

  it('lets the 监委会主任 release a verified person’s WeChat with a reason, and no roles to give', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const { people } = await firstPage();
    // Someone other than the 监委会 themselves: here, the 会计.
    const bound = people.find((p) => p.verified && p.assignedRoles.includes('accountant')) as RosterPerson;
    const page = openAs('yangjia-supervisor');
    await screen.findByText(/^花名册共 \d+ 人/);
    fireEvent.click(rowOf(bound));
    const card = await screen.findByLabelText(`编辑 ${bound.name}`);
    expect(within(card).queryByText('保存角色')).toBeNull();
    expect(buttonOf(card, '解除微信绑定，让本人重新认证').className).toContain('nut-button-disabled');
    await type(card, '至少 4 个字', '换了手机，旧微信无法登录');
    await waitFor(() => expect(buttonOf(card, '解除微信绑定，让本人重新认证').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(card, '解除微信绑定，让本人重新认证'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已解除绑定' })));
    page.unmount();

    openAs('yangjia-supervisor');
    await screen.findByText(/^花名册共 \d+ 人/);
    expect(rowOf(bound).textContent).toContain('未认证');
  });

  it('opens a person’s household (我家) for the 监委会, where it is asked why; the 书记 has no such way', async () => {
    const { people } = await firstPage();
    const someone = people.find((p) => p.assignedRoles.length === 0) as RosterPerson;
    const secretary = openAs('yangjia-secretary');
    await screen.findByText(/^花名册共 \d+ 人/);
    fireEvent.click(rowOf(someone));
    expect(within(await screen.findByLabelText(`编辑 ${someone.name}`)).queryByText('查看这一户（我家）')).toBeNull();
    secretary.unmount();

    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    openAs('yangjia-supervisor');
    await screen.findByText(/^花名册共 \d+ 人/);
    fireEvent.click(rowOf(someone));
    const card = await screen.findByLabelText(`编辑 ${someone.name}`);
    fireEvent.click(buttonOf(card, '查看这一户（我家）'));
    expect(nav).toHaveBeenCalledWith({ url: `/pages/household/index?villageId=yangjia&personId=${encodeURIComponent(someone.id)}` });
  });
});
