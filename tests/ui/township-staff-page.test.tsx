/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import StaffPage from '../../src/packages/township/staff';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 10:00 in China; an invitation holds for 7 days. 黄升镇 has
// one 镇管理员 (王建华) and one 镇纪委 (刘振东).
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

function openAs(persona: string) {
  return openPage(StaffPage, '/packages/township/staff/index', { townshipId: 'huangsheng' }, persona);
}

const buttonOf = (text: string) => screen.getByText(text).closest('.nut-button') as HTMLElement;
/** A role to invite for, in the invitation's group (the staff list names the same roles). */
const roleChoice = (label: string) =>
  within(screen.getByText('邀请镇级人员').closest('.nut-cell-group') as HTMLElement)
    .getByText(label)
    .closest('.nut-cell') as HTMLElement;
/** The roles a staff member's row shows, by name: the row's extra text. */
const rolesOf = (name: string) => screen.getByText(name).closest('.nut-cell')?.textContent?.replace(name, '') ?? '';

describe('镇级人员 (the township admin’s staff page)', () => {
  it('lists the township’s staff with their roles, and what can be taken away', async () => {
    openAs('township-admin');
    await screen.findByText('王建华');
    expect(rolesOf('王建华')).toBe('镇管理员');
    expect(rolesOf('刘振东')).toBe('镇纪委');
    expect(screen.getByText('取消“镇管理员”')).toBeTruthy();
    expect(screen.getByText('取消“镇纪委”')).toBeTruthy();
  });

  it('keeps the staff list from the 镇纪委, in words', async () => {
    openAs('township-discipline');
    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('您没有权限进行此操作');
    expect(screen.queryByText('取消“镇管理员”')).toBeNull();
  });

  it('will not take away the only admin, and says why', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    openAs('township-admin');
    fireEvent.click(await screen.findByText('取消“镇管理员”'));
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '这是镇里唯一的管理员，请先邀请另一位管理员再取消。', icon: 'none' })),
    );
    expect(rolesOf('王建华')).toBe('镇管理员');
  });

  it('makes a one-time invitation for the chosen role, and lists the person once they have used it', async () => {
    const page = openAs('township-admin');
    await screen.findByText('王建华');
    expect(buttonOf('生成邀请码').className).toContain('nut-button-disabled');
    await type(document.body, '姓名', '孙纪检');
    // 镇纪委 is chosen to start with; choosing one role unchooses the other.
    expect(roleChoice('镇纪委').textContent).toContain('✓ 选中');
    fireEvent.click(roleChoice('镇管理员'));
    expect(roleChoice('镇管理员').textContent).toContain('✓ 选中');
    expect(roleChoice('镇纪委').textContent).not.toContain('✓ 选中');
    fireEvent.click(roleChoice('镇纪委'));
    await waitFor(() => expect(buttonOf('生成邀请码').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf('生成邀请码'));
    const shown = await screen.findByRole('status');
    const code = /[2-9A-Z]{8}/.exec(shown.textContent ?? '')?.[0] ?? '';
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    expect(shown.textContent).toContain('请本人在“我的”里输入这个邀请码。只能用一次，2026-11-30 10:00 前有效。');

    await ui.host.store.collection(PERSONAS).set('town-joiner', { label: 'town-joiner', openid: 'dev-openid-town-joiner', villageId: null, roles: [] });
    const claimed = await ui.host.call('identity', 'claimStaff', { code }, 'town-joiner');
    expect(claimed.body.data).toEqual({ townshipId: 'huangsheng', roles: ['township_discipline'] });
    page.unmount();

    openAs('township-admin');
    await screen.findByText('孙纪检');
    expect(rolesOf('孙纪检')).toBe('镇纪委');
    expect(screen.getAllByText('取消“镇纪委”')).toHaveLength(2);
  });
});
