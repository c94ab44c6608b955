/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LedgerReviewPage from '../../src/packages/supervise/ledger-review';
import type { MonthView } from '../../types/finance';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { C } from '../../cloudfunctions/core/collections';
import { answerYesTo } from './modals';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23: every village's books are published up to 2026-09 but
// 豆腐李村's 2026-09, signed by one of its 民主理财小组's three; 2026-10 is open with nothing
// recorded yet.
const ui = pagesOnTestHost();

// 签字公示 asks first (it cannot be undone); these tests answer yes. Other questions the page
// asks (deleting a row) go to Taro's own dialog, which the tests answer by tapping.
answerYesTo('签字公示？', '签字？');

function openAs(persona: string, params: Record<string, string>) {
  return openPage(LedgerReviewPage, '/packages/supervise/ledger-review/index', params, persona);
}

const monthOf = (villageId: string, month: string): Promise<MonthView> => ui.host.ok('finance', 'month', { villageId, month }, `${villageId}-accountant`);

/**
 * What the 会计 does before the panel sees anything: imports twelve rows of 2026-10 and closes
 * the month at the closing balance they add up to.
 */
async function closeOctober(villageId: string) {
  const lines = ledgerLines('2026-10', 12);
  await ui.host.ok('finance', 'commitImport', { villageId, fileName: 'x.xlsx', fileBase64: await ledgerXlsx(lines) }, `${villageId}-accountant`);
  const september = await monthOf(villageId, '2026-09');
  const declaredClosingFen = (september.declaredClosingFen ?? 0) + fenOf(lines, '收入') - fenOf(lines, '支出');
  await ui.host.ok('finance', 'closeMonth', { villageId, month: '2026-10', declaredClosingFen }, `${villageId}-accountant`);
}

const summary = () => screen.findByLabelText('本月汇总');
const rowOf = (label: string) => screen.findByLabelText(`账目：${label}`);
const pressed = (text: string) => within(screen.getByLabelText('选择月份')).getByText(text).closest('[aria-pressed]')?.getAttribute('aria-pressed');

describe('民主理财审核 (monthly ledger review page)', () => {
  it('opens on the closed month; a query blocks signing until the 会计 answers, then signing publishes the month', async () => {
    await closeOctober('dajiang');
    // One of the group's three signed before the query: the next signature publishes.
    await ui.host.ok('finance', 'sign', { villageId: 'dajiang', month: '2026-10' }, 'dajiang-finance-2');
    openAs('dajiang-finance', { villageId: 'dajiang' });

    const card = await summary();
    expect(within(card).getByText('2026年10月')).toBeTruthy();
    expect(within(card).getByText('待审核签字')).toBeTruthy();
    expect(within(card).getByText(/账平/)).toBeTruthy();
    expect(within(card).queryByText(/账不平/)).toBeNull();
    expect(within(card).getByText('没有等待答复的质询')).toBeTruthy();
    // Each month says where it stands in words; the newer, still open one is not the default.
    expect(pressed('2026年10月 · 待审核签字')).toBe('true');
    expect(pressed('2026年11月 · 未结账')).toBe('false');
    expect(pressed('2026年9月 · 已公示')).toBe('false');

    expect(screen.getAllByLabelText(/^账目：/)).toHaveLength(12);
    const row = await rowOf('2026-10-02 支出第1笔');
    expect(within(row).getByText('101.50 元')).toBeTruthy();
    expect(within(row).getByText('支出')).toBeTruthy();
    expect(within(row).getByText('经手人：王会计')).toBeTruthy();
    expect(within(row).getByText('收款方：沾化区文印社')).toBeTruthy();

    fireEvent.click(within(row).getByText('质询'));
    await type(row, '质询原因（会计需要答复）', '办公费是买的什么？请附发票');
    fireEvent.click(within(row).getByText('提交质询'));
    expect(await within(row).findByText('等待会计答复')).toBeTruthy();
    expect(within(row).getByText('质询：办公费是买的什么？请附发票')).toBeTruthy();
    // Already waiting for an answer: nothing more to ask on this row, while the others still can be queried.
    expect(within(row).queryByText('质询')).toBeNull();
    expect(within(await rowOf('2026-10-03 支出第2笔')).getByText('质询')).toBeTruthy();
    expect(within(await summary()).getByText('还有 1 笔质询等待会计答复')).toBeTruthy();

    fireEvent.click(screen.getByText('签字公示'));
    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('还有 1 笔质询没有答复');
    expect((await monthOf('dajiang', '2026-10')).state).toBe('closed');

    const queried = (await monthOf('dajiang', '2026-10')).rows.find((r) => r.summary === '支出第1笔');
    await ui.host.ok('finance', 'answerQuery', { villageId: 'dajiang', rowId: queried?.id, answer: '打印纸 5 箱，发票已附' }, 'dajiang-accountant');

    const toast = jest.spyOn(Taro, 'showToast');
    fireEvent.click(screen.getByText('签字公示'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已签字，本月账目已公示' })));
    await waitFor(() => expect(within(screen.getByLabelText('本月汇总')).getByText('已公示')).toBeTruthy());
    expect(within(await summary()).getByText('已于 2026年11月23日 公示')).toBeTruthy();
    expect(within(await rowOf('2026-10-02 支出第1笔')).getByText('会计答复：打印纸 5 箱，发票已附')).toBeTruthy();
    // Published: read-only, and the refusal is gone.
    expect(screen.queryByText('签字公示')).toBeNull();
    expect(screen.queryByText('质询')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(pressed('2026年10月 · 已公示')).toBe('true');
    expect((await monthOf('dajiang', '2026-10')).state).toBe('published');
  });

  it('shows the panel and the 会计 who has signed and how many more are needed', async () => {
    // 杨家村's 民主理财小组 has three members, of whom two must sign.
    await closeOctober('yangjia');
    const page = openAs('yangjia-finance', { villageId: 'yangjia' });
    const me = (await ui.host.ok('identity', 'whoami', {}, 'yangjia-finance')).villages.find((v: { villageId: string }) => v.villageId === 'yangjia').name;
    expect(within(await screen.findByLabelText('签字情况')).getByText('已签 0/3；还需 2 人')).toBeTruthy();
    expect(screen.getByText('民主理财小组共 3 人，过半数成员签字才公示（3 人中 2 人）。')).toBeTruthy();

    const toast = jest.spyOn(Taro, 'showToast');
    fireEvent.click(screen.getByText('签字'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: `已签字，已签 1/3：${me}；还需 1 人` })));
    await waitFor(() => expect(within(screen.getByLabelText('签字情况')).getByText(`已签 1/3：${me}；还需 1 人`)).toBeTruthy());
    expect(within(screen.getByLabelText('签字情况')).getByText(`${me} · 2026年11月23日 10:00 签字`)).toBeTruthy();
    expect(screen.getByText(`您已签字。已签 1/3：${me}；还需 1 人，够数后本月账目自动公示。`)).toBeTruthy();
    expect(screen.queryByText('签字')).toBeNull();
    expect(within(await summary()).getByText('待审核签字')).toBeTruthy();
    page.unmount();

    // The 会计 sees the same, and neither queries nor signs.
    openAs('yangjia-accountant', { villageId: 'yangjia' });
    expect(within(await screen.findByLabelText('签字情况')).getByText(`已签 1/3：${me}；还需 1 人`)).toBeTruthy();
    expect(screen.getByText('会计已结账，等待民主理财小组审核签字。')).toBeTruthy();
    expect(screen.queryByText(/^签字/)).toBeNull();
    expect(screen.queryByText('质询')).toBeNull();
  });

  it('shows the demo’s month waiting for a second signature to another member, who publishes it', async () => {
    // The demo leaves 豆腐李村's latest closed month (2026-09) with one signature of three.
    const first = (await ui.host.ok('identity', 'whoami', {}, 'doufuli-finance')).villages.find((v: { villageId: string }) => v.villageId === 'doufuli').name;
    openAs('doufuli-finance-2', { villageId: 'doufuli' });
    const card = await summary();
    expect(within(card).getByText('2026年9月')).toBeTruthy();
    expect(within(card).getByText('待审核签字')).toBeTruthy();
    expect(within(screen.getByLabelText('签字情况')).getByText(`已签 1/3：${first}；还需 1 人`)).toBeTruthy();
    const toast = jest.spyOn(Taro, 'showToast');
    fireEvent.click(screen.getByText('签字公示'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已签字，本月账目已公示' })));
    expect((await monthOf('doufuli', '2026-09')).state).toBe('published');
  });

  it('shows by how much the books of a month closed before 结账 checked them are off, and refuses to sign them', async () => {
    await closeOctober('diquan');
    // Closed before 结账 refused books that do not add up: the declared balance 12.34 元 off.
    const doc = await ui.host.store.collection<{ _id: string; declaredClosingFen: number }>(C.ledgerMonths).get('diquan:2026-10');
    await ui.host.store.collection(C.ledgerMonths).update('diquan:2026-10', { declaredClosingFen: (doc?.declaredClosingFen ?? 0) + 1234 });
    const page = openAs('diquan-finance', { villageId: 'diquan' });
    const card = await summary();
    expect(within(card).getByText('账不平：相差 12.34 元')).toBeTruthy();
    expect(within(card).getByText(/会计登记的月末余额比按收支算出的多 12.34 元/)).toBeTruthy();

    // The first of the group's signatures: the button says 签字 (publishing needs another).
    fireEvent.click(screen.getByText('签字'));
    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('账不平，不能签字');
    expect(refused.textContent).toContain('相差 12.34 元');
    expect((await monthOf('diquan', '2026-10')).state).toBe('closed');
    page.unmount();

    // The 会计 sees the same closed month but neither queries nor signs it.
    openAs('diquan-accountant', { villageId: 'diquan' });
    expect(within(await summary()).getByText('待审核签字')).toBeTruthy();
    expect(screen.getByText('会计已结账，等待民主理财小组审核签字。')).toBeTruthy();
    expect(screen.queryByText('签字公示')).toBeNull();
    expect(screen.queryByText('质询')).toBeNull();
  });

  it('shows a villager the latest published month, read-only', async () => {
    openAs('yangjia-villager', { villageId: 'yangjia' });
    const card = await summary();
    expect(within(card).getByText('2026年9月')).toBeTruthy();
    expect(within(card).getByText('已于 2026年10月6日 公示')).toBeTruthy();
    expect(screen.getAllByLabelText(/^账目：/).length).toBeGreaterThan(3);
    expect(within(await rowOf('2026-09-05 9月村级组织运转经费补助')).getByText('收入')).toBeTruthy();
    // Months not yet published are not listed to villagers at all.
    const chooser = screen.getByLabelText('选择月份');
    expect(within(chooser).queryByText(/未结账|待审核签字/)).toBeNull();
    expect(within(chooser).queryByText(/2026年10月/)).toBeNull();
    expect(screen.queryByText('质询')).toBeNull();
    expect(screen.queryByText('签字公示')).toBeNull();
  });

  it('shows the plain-words warnings of a row', async () => {
    openAs('doufuli-villager', { villageId: 'doufuli', month: '2026-08' });
    const row = await rowOf('2026-08-09 县检查组工作餐');
    expect(within(row).getByText('提示：本月招待费合计 2,240.00 元，超过 2,000.00 元')).toBeTruthy();
  });

  it('tells a villager a month is not published yet', async () => {
    openAs('doufuli-villager', { villageId: 'doufuli', month: '2026-10' });
    expect((await screen.findByRole('alert')).textContent).toContain('2026年10月的账还没有公示');
    expect(screen.queryByLabelText(/^账目：/)).toBeNull();
  });
});
