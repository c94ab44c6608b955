/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MinePage from '../../src/pages/mine';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';

const ui = pagesOnTestHost();

async function ok(fn: string, action: string, data: unknown, persona: string) {
  const res = await ui.host.call(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${res.body.error.message}`);
  return res.body.data;
}

describe('我的: messages', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows each message with its village and whether it is read or past, and opening one marks it read', async () => {
    const t = await ok(
      'tickets',
      'file',
      { villageId: 'diquan', kind: 'suggestion', category: '村务类', text: '建议把村里的健身器材修一修。', anonymous: false },
      'diquan-villager',
    );
    await ok('tickets', 'answer', { villageId: 'diquan', ticketId: t.id, text: '本月内修好。' }, 'diquan-supervisor');
    const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never);
    setDevPersona('diquan-villager');
    (Current as { router: unknown }).router = { params: {}, path: '/pages/mine/index' };
    render(<MinePage />);
    const list = await screen.findByLabelText('消息', {}, { timeout: 5000 });
    const answer = within(list).getByLabelText(/^未读：您提的建议有了答复|^未读：.*有了答复/);
    expect(within(answer).getByText(/堤圈村 · /)).toBeTruthy();
    fireEvent.click(within(answer).getByText(/有了答复/));
    await waitFor(() => expect(go).toHaveBeenCalledWith({ url: '/pages/tickets/index?villageId=diquan&tab=mine' }));
    const after = (await ok('identity', 'inbox', {}, 'diquan-villager')).messages.find((m: { text: string }) => m.text.includes('有了答复'));
    expect(after.read).toBe(true);
  });
});
