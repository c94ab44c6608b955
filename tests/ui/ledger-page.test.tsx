/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import LedgerPage from '../../src/packages/cadre/ledger';
import { defaultMonth, EMPTY_ROW_FORM, gapText, isFirstMonth, quarterOfMonth, rowInputOf, type MonthEntry } from '../../src/services/ledger-form';
import { formatFen } from '../../src/services/money';
import type { LedgerLine } from '../helpers/ledger-file';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import type { MonthView } from '../../types/finance';
import { pagesOnTestHost } from './fetch-to-host';
import { box, dateIn, pickDate, type } from './inputs';
import { PLAIN_PNG } from '../helpers/photo-metadata';
import { answerYesTo } from './modals';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23: every village has published its books up to 2026-09
// (豆腐李村's 2026-09 waits for a second signature); 2026-10 (just ended) and 2026-11 (the
// current month) are open and empty.
const ui = pagesOnTestHost();

// 结账 asks first (it cannot be undone); these tests answer yes. Other questions the page
// asks (deleting a row) go to Taro's own dialog, which the tests answer by tapping.
answerYesTo('结账？');

function openAs(persona: string, params: Record<string, string>) {
  return openPage(LedgerPage, '/packages/cadre/ledger/index', params, persona);
}

const monthOf = (villageId: string, month: string): Promise<MonthView> => ui.host.ok('finance', 'month', { villageId, month }, `${villageId}-accountant`);

const summary = () => screen.findByLabelText('本月汇总');
const rowCards = () => screen.queryAllByLabelText(/^账目：/);

async function xlsxFile(lines: LedgerLine[], name: string): Promise<File> {
  return new File([Buffer.from(await ledgerXlsx(lines), 'base64')], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

async function pickSheet(file: File) {
  const card = await screen.findByLabelText('导入账目');
  fireEvent.change(within(card).getByLabelText('导入账目（Excel 或 CSV）'), { target: { files: [file] } });
  return card;
}

describe('记账与月结 (the 会计’s ledger page)', () => {
  it('opens on last month, the one waiting to be closed, with the balance it will open on', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia' });
    const card = await summary();
    expect(within(card).getByText('2026年10月')).toBeTruthy();
    expect(within(card).getByLabelText('状态：未结账')).toBeTruthy();
    expect(within(card).getByLabelText('收入：0.00 元（0 笔）')).toBeTruthy();
    // 2026-10 closes on September's published closing balance.
    const september = await monthOf('yangjia', '2026-09');
    const opening = formatFen(september.declaredClosingFen as number);
    expect(within(card).getByLabelText(`月初余额：${opening} 元（上月公示的月末余额）`)).toBeTruthy();
    expect(within(card).getByLabelText(`按收支算出的月末余额：${opening} 元`)).toBeTruthy();
    // October was due for 公示 by 15 November; on 23 November the page says it is late, in words.
    expect(within(card).getByLabelText('截止：应在 11月10日 前结账、11月15日 前签字公示；已逾期，请尽快结账并请理财小组签字。')).toBeTruthy();

    const chooser = screen.getByLabelText('选择月份');
    expect(within(chooser).getByText('2026年10月 未结账').closest('[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true');
    expect(within(chooser).getByText('2026年9月 已公示')).toBeTruthy();
    expect(screen.getByLabelText('月末结账')).toBeTruthy();
    expect(screen.getByText('这个月还没有记账。')).toBeTruthy();

    // The current month takes rows but cannot be closed before it ends.
    fireEvent.click(within(chooser).getByText('2026年11月（本月） 未结账'));
    expect(await screen.findByText('这个月还没过完，月底之后才能结账。')).toBeTruthy();
    expect(screen.queryByLabelText('月末结账')).toBeNull();

    // A published month is read-only.
    fireEvent.click(within(screen.getByLabelText('选择月份')).getByText('2026年9月 已公示'));
    expect(await screen.findByText(/这个月已经签字公示，不能再修改/)).toBeTruthy();
    expect(screen.queryByLabelText('手工记账')).toBeNull();
    expect(screen.queryByText('删除')).toBeNull();
    expect(rowCards().length).toBe(september.rows.length);
  });

  it('lists every problem row of an import and imports nothing; the fixed file imports all 60 rows', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia' });
    await summary();
    const lines = ledgerLines('2026-10', 60);
    const bad = lines.map((l) => [...l] as LedgerLine);
    bad[6][3] = '12.345';

    let card = await pickSheet(await xlsxFile(bad, '十月账.xlsx'));
    const problem = await within(card).findByText(/^第 8 行：/, undefined, { timeout: 5000 });
    expect(problem.textContent).toContain('金额“12.345”不对');
    expect(within(card).getByText('有 1 行需要修改，改好后重新选择文件。现在不会导入任何一行。')).toBeTruthy();
    expect(within(card).getByText(/共 60 行/)).toBeTruthy();
    expect(within(card).queryByText('确认导入')).toBeNull();
    expect((await monthOf('yangjia', '2026-10')).rows).toHaveLength(0);

    card = await pickSheet(await xlsxFile(lines, '十月账（改好）.xlsx'));
    // Parsing and importing go through the real host (a worker for the sheet): allow a loaded machine time.
    const confirm = await within(card).findByText('确认导入', undefined, { timeout: 5000 });
    expect(within(card).queryByText(/^第 \d+ 行：/)).toBeNull();
    const income = fenOf(lines, '收入');
    const expense = fenOf(lines, '支出');
    expect(within(card).getByText(`收入合计 ${formatFen(income)} 元，支出合计 ${formatFen(expense)} 元。`)).toBeTruthy();
    fireEvent.click(confirm);

    expect(await screen.findByText('已导入 60 笔', undefined, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('本月账目（60 笔）')).toBeTruthy());
    expect(rowCards()).toHaveLength(60);
    const totals = await summary();
    expect(within(totals).getByLabelText(`收入：${formatFen(income)} 元（20 笔）`)).toBeTruthy();
    expect(within(totals).getByLabelText(`支出：${formatFen(expense)} 元（40 笔）`)).toBeTruthy();
    const first = screen.getByLabelText('账目：2026-10-01 补助第0笔');
    expect(within(first).getByText('收入 1,000.00 元')).toBeTruthy();
    expect(within(first).getByText('2026-10-01 · 补助收入')).toBeTruthy();
    // The text matcher sees the full-width gap between the two as a plain space.
    expect(within(first).getByText('对方：黄升镇财政所 经手人：王会计')).toBeTruthy();
    expect((await monthOf('yangjia', '2026-10')).rows).toHaveLength(60);
  });

  it('records one row typed in, with a voucher photo, and deletes it after asking', async () => {
    openAs('doufuli-accountant', { villageId: 'doufuli', month: '2026-10' });
    await summary();
    const form = screen.getByLabelText('手工记账');
    // 管理费用's sub-accounts read as the import file names them.
    const spending = within(form).getByLabelText('支出科目');
    expect(within(form).getByLabelText('收入科目')).toBeTruthy();
    fireEvent.click(within(spending).getByText('管理费用-招待费'));

    // The phone's calendar offers the month's own days, with date and the rest marked as needed.
    const day = within(form).getByLabelText('日期') as HTMLInputElement;
    expect([day.min, day.max]).toEqual(['2026-10-01', '2026-10-31']);
    expect(within(form).getAllByLabelText('必填').length).toBeGreaterThanOrEqual(4);
    pickDate(form, '日期', '2026-11-02');
    await type(form, '金额（元）', '356.50');
    await type(form, '摘要', '镇工作组误餐');
    fireEvent.click(within(form).getByText('记一笔'));
    expect(within(form).getByRole('alert').textContent).toContain('日期不在2026年10月');

    pickDate(form, '日期', '2026-10-08');
    await type(form, '金额（元）', '12.345');
    fireEvent.click(within(form).getByText('记一笔'));
    expect(within(form).getByRole('alert').textContent).toContain('小数点后两位');
    expect((await monthOf('doufuli', '2026-10')).rows).toHaveLength(0);

    await type(form, '金额（元）', '356.50');
    await type(form, '对方单位或个人', '黄升镇家常菜馆');
    await type(form, '经手人', '李红霞');
    const png = new File([new Uint8Array(PLAIN_PNG)], '餐费发票.png', { type: 'image/png' });
    const picker = within(form).getByLabelText('添加凭证照片');
    expect(picker.getAttribute('accept')).toBe('image/*');
    fireEvent.change(picker, { target: { files: [png] } });
    expect(await within(form).findByText('餐费发票.png，1 KB')).toBeTruthy();
    fireEvent.click(within(form).getByText('记一笔'));

    const row = await screen.findByLabelText('账目：2026-10-08 镇工作组误餐');
    expect(within(row).getByText('支出 356.50 元')).toBeTruthy();
    expect(within(row).getByText('2026-10-08 · 管理费用-招待费')).toBeTruthy();
    expect(within(row).getByText('对方：黄升镇家常菜馆 经手人：李红霞')).toBeTruthy();
    expect(within(row).getByText('看凭证 1')).toBeTruthy();
    await waitFor(async () => expect(within(await summary()).getByLabelText('支出：356.50 元（1 笔）')).toBeTruthy());
    const [saved] = (await monthOf('doufuli', '2026-10')).rows;
    expect(saved).toMatchObject({ date: '2026-10-08', amountFen: 35650, account: '管理费用-招待费', counterparty: '黄升镇家常菜馆', handler: '李红霞' });
    expect(saved.vouchers.map((v) => v.name)).toEqual(['餐费发票.png']);
    // The form is ready for the next receipt: same date and 经手人, the rest empty.
    expect(dateIn(form, '日期')).toBe('2026-10-08');
    expect(((await box(form, '金额（元）')) as HTMLInputElement).value).toBe('');

    fireEvent.click(within(row).getByText('删除'));
    fireEvent.click(await screen.findByText('确定删除'));
    await waitFor(() => expect(screen.queryByLabelText('账目：2026-10-08 镇工作组误餐')).toBeNull());
    expect(await screen.findByText('这个月还没有记账。')).toBeTruthy();
    expect((await monthOf('doufuli', '2026-10')).rows).toHaveLength(0);
  });

  it('refuses to close a month whose closing balance does not add up, saying by how much before asking; closes it once it does, and reopens it', async () => {
    const lines = ledgerLines('2026-10', 6);
    await ui.host.ok('finance', 'commitImport', { villageId: 'diquan', fileName: '十月.xlsx', fileBase64: await ledgerXlsx(lines) }, 'diquan-accountant');
    const september = await monthOf('diquan', '2026-09');
    const computed = (september.declaredClosingFen as number) + fenOf(lines, '收入') - fenOf(lines, '支出');
    const declared = computed - 10000;

    openAs('diquan-accountant', { villageId: 'diquan' });
    const close = await screen.findByLabelText('月末结账');
    fireEvent.click(within(close).getByText('结账'));
    expect(within(close).getByRole('alert').textContent).toContain('请填写月末余额');
    // Only the first month in the system asks for an opening balance.
    expect(within(close).queryByPlaceholderText('月初余额（元）')).toBeNull();

    await type(close, '月末余额（元，按银行对账单和现金）', formatFen(declared));
    // Before closing, the page already says the figure is off.
    expect(within(close).getByText(/相差 100\.00 元/)).toBeTruthy();
    fireEvent.click(within(close).getByText('结账'));
    // Refused at once, with the difference: nothing to confirm, nothing saved.
    const refused = within(close).getByRole('alert').textContent;
    expect(refused).toContain(`账不平，不能结账：按收支算出的月末余额是 ${formatFen(computed)} 元，填写的是 ${formatFen(declared)} 元，`);
    expect(refused).toContain('相差 100.00 元：登记的月末余额比按收支算出的少 100.00 元');
    expect(Taro.showModal).not.toHaveBeenCalledWith(expect.objectContaining({ title: '结账？' }));
    expect((await monthOf('diquan', '2026-10')).state).toBe('open');

    await type(close, '月末余额（元，按银行对账单和现金）', formatFen(computed));
    fireEvent.click(within(close).getByText('结账'));
    // Asked first, saying what cannot be undone.
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '结账？', content: expect.stringMatching(/^结账后这个月不能再记账/) })),
    );

    const card = await summary();
    await waitFor(() => expect(within(card).getByLabelText('状态：已结账待签字')).toBeTruthy());
    expect(within(card).getByLabelText(`登记的月末余额：${formatFen(computed)} 元`)).toBeTruthy();
    expect(within(card).getByLabelText(`按收支算出的月末余额：${formatFen(computed)} 元`)).toBeTruthy();
    expect(within(card).queryByRole('status')).toBeNull();
    expect(screen.queryByLabelText('月末结账')).toBeNull();
    // Who signs, and how many are needed, as the panel sees it.
    expect(within(screen.getByLabelText('签字情况')).getByText('已签 0/3；还需 2 人')).toBeTruthy();
    expect(screen.queryByLabelText('手工记账')).toBeNull();
    expect(screen.queryByText('删除')).toBeNull();
    expect((await monthOf('diquan', '2026-10')).state).toBe('closed');

    const reopen = screen.getByLabelText('重新打开');
    await type(reopen, '重新打开的原因', '看错');
    fireEvent.click(within(reopen).getByText('重新打开'));
    expect(within(reopen).getByRole('alert').textContent).toContain('至少 4 个字');
    await type(reopen, '重新打开的原因', '月末余额抄错了，按银行对账单重填');
    fireEvent.click(within(reopen).getByText('重新打开'));
    await waitFor(async () => expect(within(await summary()).getByLabelText('状态：未结账')).toBeTruthy());
    expect(await screen.findByLabelText('月末结账')).toBeTruthy();
    expect((await monthOf('diquan', '2026-10')).state).toBe('open');
  });

  it('shows the 理财小组’s query on a row and lets the 会计 answer it', async () => {
    const lines = ledgerLines('2026-10', 4);
    await ui.host.ok('finance', 'commitImport', { villageId: 'dajiang', fileName: '十月.xlsx', fileBase64: await ledgerXlsx(lines) }, 'dajiang-accountant');
    const opening = (await monthOf('dajiang', '2026-09')).declaredClosingFen as number;
    const closing = opening + fenOf(lines, '收入') - fenOf(lines, '支出');
    await ui.host.ok('finance', 'closeMonth', { villageId: 'dajiang', month: '2026-10', declaredClosingFen: closing }, 'dajiang-accountant');
    const target = (await monthOf('dajiang', '2026-10')).rows.find((r) => r.summary === '支出第1笔');
    await ui.host.ok('finance', 'queryRow', { villageId: 'dajiang', rowId: target?.id, reason: '这笔办公费的发票在哪里？' }, 'dajiang-finance');

    openAs('dajiang-accountant', { villageId: 'dajiang' });
    const card = await summary();
    expect(within(card).getByLabelText('状态：已结账待签字')).toBeTruthy();
    expect(within(card).getByLabelText('待答复的质询：1 笔')).toBeTruthy();
    // The books add up: no gap is reported.
    expect(within(card).queryByRole('status')).toBeNull();
    expect(screen.getByText('待答复的质询（1 笔）')).toBeTruthy();

    const row = screen.getByLabelText('账目：2026-10-02 支出第1笔');
    expect(within(row).getByText('理财小组质询：这笔办公费的发票在哪里？')).toBeTruthy();
    await type(row, '答复质询', '发票已贴在十月凭证册第 3 页，可随时查看。');
    fireEvent.click(within(row).getByText('答复'));

    await waitFor(() =>
      expect(within(screen.getByLabelText('账目：2026-10-02 支出第1笔')).getByText('会计答复：发票已贴在十月凭证册第 3 页，可随时查看。')).toBeTruthy(),
    );
    await waitFor(async () => expect(within(await summary()).getByLabelText('待答复的质询：0 笔')).toBeTruthy());
    expect(screen.queryByPlaceholderText('答复质询')).toBeNull();
    expect((await monthOf('dajiang', '2026-10')).rows.find((r) => r.id === target?.id)?.query?.answer).toBe('发票已贴在十月凭证册第 3 页，可随时查看。');
  });

  it('exports a month as Excel and drafts the quarter’s 财务 disclosure from signed months', async () => {
    const downloads: { name: string; href: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.getAttribute('href') ?? '' });
    });
    try {
      openAs('yangjia-accountant', { villageId: 'yangjia', month: '2026-09' });
      const tools = await screen.findByLabelText('导出与公开');
      fireEvent.click(within(tools).getByText('导出本月 Excel'));
      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(downloads[0].name).toMatch(/2026年9月收支明细\.xlsx$/);
      // The file is in storage, at the address the page downloads: a workbook (a zip).
      const file = await (globalThis.fetch as unknown as (u: string) => Promise<{ status: number; text: () => Promise<string> }>)(downloads[0].href);
      expect(file.status).toBe(200);
      expect((await file.text()).startsWith('PK')).toBe(true);

      fireEvent.click(within(tools).getByText('生成本季度财务公开'));
      expect(await screen.findByText('已生成 3 项草稿，请到“起草季度公开”提交审核')).toBeTruthy();
      const drafts = await ui.host.ok('disclosure', 'drafts', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-accountant');
      expect(drafts.items.map((d: { title: string }) => d.title)).toEqual(expect.arrayContaining(['2026年第三季度收支汇总']));

      // No month of 2026Q4 is signed yet: the server says so.
      fireEvent.click(within(screen.getByLabelText('选择月份')).getByText('2026年10月 未结账'));
      await waitFor(() => expect(within(screen.getByLabelText('本月汇总')).getByText('2026年10月')).toBeTruthy());
      fireEvent.click(within(screen.getByLabelText('导出与公开')).getByText('生成本季度财务公开'));
      await waitFor(() =>
        expect(within(screen.getByLabelText('导出与公开')).getByRole('alert').textContent).toBe('2026年第四季度还没有签字公示的月份，公示后再生成。'),
      );
    } finally {
      click.mockRestore();
    }
  });

  it('tells a villager the page is the 会计’s', async () => {
    openAs('yangjia-villager', { villageId: 'yangjia' });
    expect(await screen.findByText('只有村会计可以记账和结账')).toBeTruthy();
    expect(screen.getByText(/村里已经公示的收支，请在“村里的钱”里查看/)).toBeTruthy();
    expect(screen.queryByLabelText('本月汇总')).toBeNull();
    expect(screen.queryByText('导入账目（Excel 或 CSV）')).toBeNull();
    expect(screen.queryByText('记一笔')).toBeNull();
  });
});

describe('the ledger page’s form rules', () => {
  const entry = (month: string, state: MonthEntry['state']): MonthEntry => ({ month, state, rows: 0, openQueries: 0 });

  it('opens on the oldest month not yet published, else the newest', () => {
    expect(defaultMonth([entry('2026-11', 'open'), entry('2026-10', 'open'), entry('2026-09', 'published')])).toBe('2026-10');
    expect(defaultMonth([entry('2026-11', 'open'), entry('2026-10', 'closed'), entry('2026-09', 'closed'), entry('2026-08', 'published')])).toBe('2026-09');
    expect(defaultMonth([entry('2026-09', 'published'), entry('2026-08', 'published')])).toBe('2026-09');
    expect(defaultMonth([])).toBeNull();
  });

  it('asks for 月初余额 only in the first month kept', () => {
    const fresh = [entry('2026-11', 'open'), entry('2026-10', 'open')];
    expect(isFirstMonth(fresh, '2026-10')).toBe(true);
    expect(isFirstMonth(fresh, '2026-11')).toBe(false);
  });

  it('names the quarter of a month', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-10', '2026-12'].map(quarterOfMonth)).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q4', '2026Q4']);
  });

  it('says by how much the books are off, or nothing when they agree', () => {
    expect(gapText(100000, 100000)).toBeNull();
    expect(gapText(null, 100000)).toBeNull();
    expect(gapText(100000, 112345)).toBe('相差 123.45 元：登记的月末余额比按收支算出的多 123.45 元。');
  });

  it('reads a typed row: dates as people write them, amounts exact to the fen', () => {
    const form = { ...EMPTY_ROW_FORM, date: '２０２６年10月8日', accountId: 'huangsheng:out-4', amount: '1,280', summary: ' 县检查组工作餐 ' };
    expect(rowInputOf(form, 'yangjia', '2026-10')).toEqual({
      villageId: 'yangjia',
      date: '2026-10-08',
      accountId: 'huangsheng:out-4',
      amountFen: 128000,
      counterparty: '',
      summary: '县检查组工作餐',
      handler: '',
    });
    expect(rowInputOf({ ...form, date: '2026-02-30' }, 'yangjia', '2026-02')).toContain('日期不对');
    expect(rowInputOf({ ...form, accountId: null }, 'yangjia', '2026-10')).toBe('请选择科目。');
    expect(rowInputOf({ ...form, amount: '0' }, 'yangjia', '2026-10')).toBe('金额不能是 0。');
    expect(rowInputOf({ ...form, summary: '  ' }, 'yangjia', '2026-10')).toContain('请填写摘要');
  });
});
