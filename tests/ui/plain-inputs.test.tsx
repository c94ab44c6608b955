/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import LedgerPage from '../../src/packages/cadre/ledger';
import { setDevPersona } from '../../src/services/dev-persona';
import type { MonthView } from '../../types/finance';
import { pagesOnTestHost } from './fetch-to-host';
import { box, pickDate, type } from './inputs';
import { storeDigest } from '../helpers/snapshot';

const ui = pagesOnTestHost();

async function monthOf(villageId: string, month: string): Promise<MonthView> {
  const res = await ui.host.call('finance', 'month', { villageId, month }, `${villageId}-accountant`);
  return res.body.data;
}

describe('inputs take what a Chinese keyboard types, and say what they cannot take', () => {
  it('keeps a full-width amount as typed and records it to the fen; letters in an amount are refused with a message', async () => {
    setDevPersona('diquan-accountant');
    (Current as { router: unknown }).router = { params: { villageId: 'diquan', month: '2026-10' }, path: '/packages/cadre/ledger/index' };
    render(<LedgerPage />);
    const form = await screen.findByLabelText('手工记账', {}, { timeout: 5000 });
    fireEvent.click(within(within(form).getByLabelText('支出科目')).getByText('管理费用-办公费'));
    pickDate(form, '日期', '2026-10-09');
    await type(form, '摘要', '买办公用纸');
    await type(form, '金额（元）', '１２a');
    // Nothing dropped behind the person's back: the box shows what was typed.
    expect(((await box(form, '金额（元）')) as HTMLInputElement).value).toBe('１２a');
    fireEvent.click(within(form).getByText('记一笔'));
    expect(within(form).getByRole('alert').textContent).toContain('金额只能填数字');
    expect((await monthOf('diquan', '2026-10')).rows.filter((r) => r.summary === '买办公用纸')).toHaveLength(0);

    await type(form, '金额（元）', '３５６．５０');
    fireEvent.click(within(form).getByText('记一笔'));
    await waitFor(async () => expect((await monthOf('diquan', '2026-10')).rows.find((r) => r.summary === '买办公用纸')?.amountFen).toBe(35650));
  });
});

describe('titles and names refuse emoji and control characters, saying so', () => {
  it('refuses a catalog item named with an emoji, and a matter title with a line break, writing nothing', async () => {
    const before = storeDigest(ui.host.store);
    const emoji = await ui.host.call('disclosure', 'catalogAdd', { townshipId: 'huangsheng', category: '村务', title: '村内道路🚧维修' }, 'township-admin');
    expect(emoji.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('不能有表情符号') });
    const control = await ui.host.call(
      'matters',
      'propose',
      { villageId: 'yangjia', title: '修路\n集资', summary: '村东头的路坏了，需要修，大家出一点钱。', decisionBody: 'villagers' },
      'yangjia-secretary',
    );
    expect(control.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('控制字符') });
    expect(storeDigest(ui.host.store)).toBe(before);
    const fine = await ui.host.call(
      'disclosure',
      'catalogAdd',
      { townshipId: 'huangsheng', category: '村务', title: '村内道路维修（2026）' },
      'township-admin',
    );
    expect(fine.body.ok).toBe(true);
  });
});
