/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MoneyPage from '../../src/pages/money';
import { setDevPersona } from '../../src/services/dev-persona';
import { formatFen } from '../../src/services/money';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import { pagesOnTestHost } from './fetch-to-host';

const ui = pagesOnTestHost();

function open(params: Record<string, string>) {
  (Current as { router: unknown }).router = { params, path: '/pages/money/index' };
  return render(<MoneyPage />);
}

async function api(action: string, data: unknown, persona: string) {
  const res = await ui.host.send('finance', action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

describe('村里的钱 (money page)', () => {
  it('shows the balance, the month by category as bars with their amounts, and the month’s rows', async () => {
    open({ villageId: 'yangjia' });
    const sep = await api('month', { villageId: 'yangjia', month: '2026-09' }, 'yangjia-villager');
    const balance = await screen.findByLabelText('余额');
    expect(within(balance).getByText(`${formatFen(sep.declaredClosingFen)} 元`)).toBeTruthy();
    const period = screen.getByLabelText('2026年9月收支');
    expect(within(period).getByText(new RegExp(`^收入 ${formatFen(sep.incomeFen).replace(/\./g, '\\.')} 元`))).toBeTruthy();
    const spending = within(period).getByLabelText('支出按科目');
    expect(within(spending).getAllByRole('listitem').length).toBeGreaterThan(2);
    expect(await screen.findByLabelText(`账目：${sep.rows[0].date} ${sep.rows[0].summary}`)).toBeTruthy();
    fireEvent.click(screen.getByText('本年'));
    expect(await screen.findByLabelText('2026年收支')).toBeTruthy();
  });

  it('lists under 自上次查看以来 exactly the month published since the villager last looked', async () => {
    setDevPersona('doufuli-villager');
    const first = open({ villageId: 'doufuli' });
    const since = await screen.findByLabelText('自上次查看以来');
    expect(within(since).getByText('最近公示的月份')).toBeTruthy();
    // Opening the page marks it seen.
    await waitFor(async () => expect((await api('money', { villageId: 'doufuli' }, 'doufuli-villager')).lastViewedAt).not.toBeNull());
    first.unmount();
    ui.host.clock.advance(60_000);

    const lines = ledgerLines('2026-10', 8);
    await api('commitImport', { villageId: 'doufuli', fileName: 'oct.xlsx', fileBase64: await ledgerXlsx(lines) }, 'doufuli-accountant');
    const sep = await api('month', { villageId: 'doufuli', month: '2026-09' }, 'doufuli-accountant');
    await api('closeMonth', { villageId: 'doufuli', month: '2026-10', declaredClosingFen: sep.declaredClosingFen + fenOf(lines, '收入') - fenOf(lines, '支出') }, 'doufuli-accountant');
    ui.host.clock.advance(60_000);
    await api('sign', { villageId: 'doufuli', month: '2026-10' }, 'doufuli-finance');

    open({ villageId: 'doufuli' });
    const after = await screen.findByLabelText('自上次查看以来');
    await waitFor(() => expect(within(after).getAllByText(/^新公示：/)).toHaveLength(1));
    expect(within(after).getByText(/^新公示：2026年10月，收入/)).toBeTruthy();
  });

  it('says plainly which rows deserve a second look', async () => {
    open({ villageId: 'doufuli' });
    expect(await screen.findByText('值得留意的账目')).toBeTruthy();
    expect(screen.getAllByText(/本月招待费合计 2,240\.00 元，超过 2,000\.00 元/).length).toBeGreaterThan(0);
  });
});
