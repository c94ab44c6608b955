/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import MoneyPage from '../../src/pages/money';
import { setDevPersona } from '../../src/services/dev-persona';
import { formatFen } from '../../src/services/money';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

const ui = pagesOnTestHost();

function open(params: Record<string, string>) {
  return openPage(MoneyPage, '/pages/money/index', params);
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
    // The demo leaves 豆腐李村's September waiting for a second signature: it is signed before the
    // villager looks, so October can be closed on it later.
    await api('sign', { villageId: 'doufuli', month: '2026-09' }, 'doufuli-finance-3');
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
    await api(
      'closeMonth',
      { villageId: 'doufuli', month: '2026-10', declaredClosingFen: sep.declaredClosingFen + fenOf(lines, '收入') - fenOf(lines, '支出') },
      'doufuli-accountant',
    );
    ui.host.clock.advance(60_000);
    await api('sign', { villageId: 'doufuli', month: '2026-10' }, 'doufuli-finance');
    await api('sign', { villageId: 'doufuli', month: '2026-10' }, 'doufuli-finance-2');

    open({ villageId: 'doufuli' });
    const after = await screen.findByLabelText('自上次查看以来');
    await waitFor(() => expect(within(after).getAllByText(/^新公示：/)).toHaveLength(1));
    expect(within(after).getByText(/^新公示：2026年10月，收入/)).toBeTruthy();
  });

  it('says why this year is not compared with last year, and opens any year on record and its months', async () => {
    open({ villageId: 'yangjia' });
    fireEvent.click(await screen.findByText('本年'));
    // The demo's 2025 has July–December only: words, not a percentage of half a year.
    const year = await screen.findByLabelText('2026年收支');
    expect(within(year).getByText('去年只有 7–12 月的账（缺 1–6 月），无法比较全年。')).toBeTruthy();
    expect(within(year).queryByText(/比去年同期/)).toBeNull();

    fireEvent.click(screen.getByText('按年份查看'));
    const archive = await screen.findByLabelText('按年份查看');
    fireEvent.click(await within(archive).findByText('2025年'));
    expect(Array.from(within(archive).getByLabelText('2025年的月份').querySelectorAll('.nut-button'), (b) => b.textContent)).toEqual([
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
    ]);
    fireEvent.click(within(archive).getByText('11月'));
    expect(await screen.findByLabelText('2025年11月收支')).toBeTruthy();
    expect(await screen.findByLabelText('2025年11月明细')).toBeTruthy();
    fireEvent.click(within(archive).getByText('全年'));
    const older = await screen.findByLabelText('2025年收支');
    expect(within(older).getByText('去年同期（7–12月）没有公示的账，无法比较。')).toBeTruthy();
  });

  it('says plainly which rows deserve a second look', async () => {
    open({ villageId: 'doufuli' });
    expect(await screen.findByText('值得留意的账目')).toBeTruthy();
    expect(screen.getAllByText(/本月招待费合计 2,240\.00 元，超过 2,000\.00 元/).length).toBeGreaterThan(0);
  });
});
