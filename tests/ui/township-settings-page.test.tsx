/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SettingsPage from '../../src/packages/township/settings';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';

const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

function openAs(persona: string) {
  setDevPersona(persona);
  (Current as { router: unknown }).router = { params: { townshipId: 'huangsheng' }, path: '/packages/township/settings/index' };
  return render(<SettingsPage />);
}

const choice = (title: string) => screen.getByText(new RegExp(`^(✓ )?${title}$`)).closest('[aria-pressed]') as HTMLElement;

describe('镇里的设置 (township settings)', () => {
  it('shows the 镇纪委 how the 民主理财小组 signs, without letting them change it', async () => {
    const page = openAs('township-discipline');
    expect(await screen.findByText('✓ 过半数成员签字')).toBeTruthy();
    await screen.findByText('只有镇管理员可以更改。');
    fireEvent.click(choice('一人签字即可'));
    expect(choice('过半数成员签字').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('次月 15 日')).toBeTruthy();
    page.unmount();
  });

  it('lets the 镇管理员 switch to one signature, which the server keeps', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    openAs('township-admin');
    await screen.findByText('✓ 过半数成员签字');
    fireEvent.click(choice('一人签字即可'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存，下一次签字起按新规则' })));
    expect(await screen.findByText('✓ 一人签字即可')).toBeTruthy();
    const stored = await ui.host.send('village', 'settings', { townshipId: 'huangsheng' }, 'township-admin');
    expect(stored.body.data.ledgerSignatures).toBe('one');
  });
});
