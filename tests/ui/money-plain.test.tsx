/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { amountText } from '../../cloudfunctions/core/plain/rules';
import MoneyPage from '../../src/pages/money';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

const ui = pagesOnTestHost();

const open = (params: Record<string, string>) => openPage(MoneyPage, '/pages/money/index', params);
const squeezed = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '');

describe('村里的钱 in plain words (明白账 on the money page)', () => {
  it('opens a published month with that month’s 明白账, its numbers links, and not a quarter', async () => {
    setDevPersona('yangjia-villager');
    open({ villageId: 'yangjia' });
    const card = await screen.findByLabelText('2026年9月明白账');
    const view = await ui.host.ok('plain', 'summary', { villageId: 'yangjia', period: '2026-09' }, 'yangjia-villager');
    expect(squeezed(card)).toContain(view.summary.text.replace(/\s+/g, ''));
    expect(within(card).getAllByRole('link').length).toBeGreaterThan(5);
    // Before the month's figures: the plain words come first.
    const figures = screen.getByLabelText('2026年9月收支');
    expect(card.compareDocumentPosition(figures) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // A quarter on screen has no month's 明白账; another month on record opens with its own.
    fireEvent.click(screen.getByText('本季度'));
    await screen.findByLabelText('2026年第三季度收支');
    expect(screen.queryByLabelText('2026年9月明白账')).toBeNull();
    fireEvent.click(screen.getByText('按年份查看'));
    const archive = await screen.findByLabelText('按年份查看');
    fireEvent.click(await within(archive).findByText('2025年'));
    fireEvent.click(within(archive).getByText('11月'));
    expect(await screen.findByLabelText('2025年11月明白账')).toBeTruthy();
  });

  it('says in plain words what changed since the villager last looked, and that the money on the books moved', async () => {
    setDevPersona('doufuli-villager');
    const first = open({ villageId: 'doufuli' });
    const words = await screen.findByLabelText('有什么变化');
    expect(squeezed(words)).toMatch(/^最近公示了\d+月、\d+月、\d+月的账。/);
    await waitFor(async () => expect((await ui.host.ok('finance', 'money', { villageId: 'doufuli' }, 'doufuli-villager')).lastViewedAt).not.toBeNull());
    first.unmount();
    ui.host.clock.advance(60_000);

    // The demo leaves 豆腐李村's September waiting for a second signature: signed now, it is what is new.
    await ui.host.ok('finance', 'sign', { villageId: 'doufuli', month: '2026-09' }, 'doufuli-finance-3');
    const sep = await ui.host.ok('finance', 'month', { villageId: 'doufuli', month: '2026-09' }, 'doufuli-villager');
    const aug = await ui.host.ok('finance', 'month', { villageId: 'doufuli', month: '2026-08' }, 'doufuli-villager');
    open({ villageId: 'doufuli' });
    const after = await screen.findByLabelText('有什么变化');
    const change = sep.declaredClosingFen - aug.declaredClosingFen;
    expect(squeezed(after)).toBe(
      `上次看过后，新公示了9月的账。收入${amountText(sep.incomeFen)}，支出${amountText(sep.expenseFen)}。` +
        `账上的钱从${amountText(aug.declaredClosingFen)}变成${amountText(sep.declaredClosingFen)}。` +
        (change === 0 ? '和9月初比，没有变。' : `比9月初${change > 0 ? '多' : '少'}了${amountText(Math.abs(change))}。`),
    );
    // Each number links to the month it comes from.
    expect(within(after).getAllByRole('link').length).toBeGreaterThanOrEqual(5);
    expect(within(screen.getByLabelText('自上次查看以来')).getAllByText(/^新公示：/)).toHaveLength(1);
  });
});
