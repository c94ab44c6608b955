/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ContractView, VillageAssetsView } from '../../types/assets';
import CadreAssetsPage from '../../src/packages/cadre/assets';
import { parseMu } from '../../src/packages/cadre/assets/forms';
import LedgerPage from '../../src/packages/cadre/ledger';
import { pagesOnTestHost } from './fetch-to-host';
import { box, pickDate, type } from './inputs';
import { answerYesTo } from './modals';
import { openPage } from './open-page';

// The test host's clock is 2026-11-23 (Beijing): a yearly contract that began on 2026-01-01 owes
// its first year's rent from 2 January. Each test makes its own land, by its own name.
const ui = pagesOnTestHost();
const ACC = 'yangjia-accountant';

answerYesTo('解除合同？');

const openAssets = (persona = ACC) => openPage(CadreAssetsPage, '/packages/cadre/assets/index', { villageId: 'yangjia' }, persona);
const village = (): Promise<VillageAssetsView> => ui.host.ok('assets', 'village', { villageId: 'yangjia' }, ACC);

async function landOf(name: string): Promise<string> {
  const r = await ui.host.ok(
    'assets',
    'addResource',
    { villageId: 'yangjia', name, landKind: 'arable', areaMu100: 1000, location: '村西', state: 'uncontracted' },
    ACC,
  );
  return r.id;
}

/** A contract made through the host, as the page would: 公开竞价, yearly, approved by the 代表会议. */
async function contractOn(landId: string, party: string, startOn: string): Promise<ContractView> {
  return ui.host.ok(
    'assets',
    'addContract',
    {
      villageId: 'yangjia',
      subject: { type: 'resource', id: landId },
      kind: 'outsource',
      counterparty: { name: party, personId: null },
      startOn,
      endOn: '2031-09-30',
      priceFenPerYear: 600_000,
      schedule: 'yearly',
      depositFen: 0,
      award: { method: 'auction', bids: [{ bidder: party, fen: 600_000 }] },
      decision: { kind: 'meeting', body: 'representatives', date: '2026-09-20', note: '同意公开竞价发包' },
    },
    ACC,
  );
}

/** Fills the contract form with two bids, 李建国's the higher; the winner and price come from it. */
async function fillAuction(form: HTMLElement) {
  fireEvent.click(within(form).getByText('公开竞价'));
  await type(form, '第 1 位竞买人', '李建国');
  await type(form, '第 1 位的出价（元/年）', '8000');
  fireEvent.click(within(form).getByText('再加一位竞买人'));
  await type(form, '第 2 位竞买人', '王五');
  await type(form, '第 2 位的出价（元/年）', '7500');
  pickDate(form, '开始日期', '2026-01-01');
  pickDate(form, '结束日期', '2030-12-31');
}

describe('三资台账与合同 (the 会计’s registers and contracts)', () => {
  it('registers a piece of land and a contract won by 公开竞价, then lists it with what is owed', async () => {
    openAssets();
    await screen.findByLabelText('三资概况', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByText('登记土地、水面等资源'));
    let form = screen.getByLabelText('登记资源');
    await type(form, '名称，如 东洼耕地', '村东河滩地');
    fireEvent.click(within(form).getByText('耕地'));
    await type(form, '面积（亩）', '12.5');
    await type(form, '在哪里，如 村东 四至', '村东河边');
    fireEvent.click(within(form).getByText('登记'));

    const land = await screen.findByLabelText('资源：村东河滩地', undefined, { timeout: 5000 });
    expect(within(land).getByText('耕地 12.5亩 · 村东河边')).toBeTruthy();
    expect(within(land).getByText('未发包')).toBeTruthy();
    expect((await village()).resources.find((r) => r.name === '村东河滩地')).toMatchObject({ areaMu100: 1250, landKind: 'arable', state: 'uncontracted' });

    fireEvent.click(within(land).getByText('发包（登记合同）'));
    form = screen.getByLabelText('登记合同：村东河滩地');
    // Land is let by 发包, paid yearly, unless the 会计 says otherwise.
    expect(within(form).getByText('✓ 发包')).toBeTruthy();
    expect(within(form).getByText('✓ 每年')).toBeTruthy();
    await fillAuction(form);
    // The top bid names the winner and the price.
    expect(within(form).getByText('最高出价：李建国 8,000.00 元/年')).toBeTruthy();
    expect(((await box(form, '承包方的名字或单位名称')) as HTMLInputElement).value).toBe('李建国');
    expect(((await box(form, '每年价款（元）')) as HTMLInputElement).value).toBe('8000.00');
    await type(form, '押金（元，没有可不填）', '500');
    fireEvent.click(within(form).getByText('村民代表会议'));
    pickDate(form, '开会日期', '2025-12-20');
    await type(form, '会议记录要点，如 到会 35 人，同意 32 人', '到会 31 人，同意 29 人');
    fireEvent.click(within(form).getByText('登记合同'));

    const card = await screen.findByLabelText('合同：村东河滩地 · 李建国', undefined, { timeout: 5000 });
    expect(within(card).getByText('履行中')).toBeTruthy();
    expect(within(card).getByLabelText('合同期：2026-01-01 至 2030-12-31（5年）')).toBeTruthy();
    expect(within(card).getByLabelText('每年价款：8,000.00 元（每亩 640.00 元）')).toBeTruthy();
    expect(within(card).getByLabelText('欠款：8,000.00 元')).toBeTruthy();
    expect(within(card).getByLabelText('已收：0.00 元')).toBeTruthy();
    expect(within(card).getByText('公开竞价：李建国 8,000.00 元；王五 7,500.00 元')).toBeTruthy();
    expect(within(card).getByText('同意的会议：村民代表会议（2025-12-20）：到会 31 人，同意 29 人')).toBeTruthy();
    fireEvent.click(within(card).getByText('看分期和收款'));
    expect(within(card).getByLabelText('2026-01-01 应交 8,000.00 元：欠 8,000.00 元')).toBeTruthy();
    expect(within(card).getByLabelText('2027-01-01 应交 8,000.00 元：未到期')).toBeTruthy();

    // The land now reads as let out, and takes no second contract while this one runs.
    const letLand = screen.getByLabelText('资源：村东河滩地');
    expect(within(letLand).getByText('发包')).toBeTruthy();
    expect(within(letLand).queryByText('发包（登记合同）')).toBeNull();
    const saved = (await village()).contracts.find((c) => c.counterparty.name === '李建国' && c.subject.name === '村东河滩地');
    expect(saved).toMatchObject({ priceFenPerYear: 800_000, depositFen: 50_000, schedule: 'yearly', arrearsFen: 800_000 });
    expect(saved?.award).toEqual({
      method: 'auction',
      bids: [
        { bidder: '李建国', fen: 800_000 },
        { bidder: '王五', fen: 750_000 },
      ],
    });
  });

  it('shows the server’s refusal on the form and saves nothing; says plainly that no decision will be warned of', async () => {
    await landOf('北岗坡地');
    openAssets();
    const land = await screen.findByLabelText('资源：北岗坡地', undefined, { timeout: 5000 });
    fireEvent.click(within(land).getByText('发包（登记合同）'));
    const form = screen.getByLabelText('登记合同：北岗坡地');
    await fillAuction(form);
    fireEvent.click(within(form).getByText('没有开会决议'));
    expect(within(form).getByText(/没有集体决议的合同会被标出警示（没有集体决议），监委会和镇里都会看到/)).toBeTruthy();

    // The page's own check comes first, in words…
    await type(form, '每年价款（元）', '7000.5.5');
    fireEvent.click(within(form).getByText('登记合同'));
    expect(within(form).getByRole('alert').textContent).toContain('每年价款：');
    // …and what only the server judges, it says: a 公开竞价 is won at the top bid.
    await type(form, '每年价款（元）', '7000');
    fireEvent.click(within(form).getByText('登记合同'));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('公开竞价的成交价应是最高出价。'));
    expect((await village()).contracts.filter((c) => c.subject.name === '北岗坡地')).toHaveLength(0);
  });

  it('corrects a piece of land with a reason, and ends a contract early', async () => {
    const landId = await landOf('南湾地');
    await contractOn(landId, '赵六', '2026-10-01');
    openAssets();
    const land = await screen.findByLabelText('资源：南湾地', undefined, { timeout: 5000 });
    fireEvent.click(within(land).getByText('修改'));
    const edit = screen.getByLabelText('修改资源：南湾地');
    await type(edit, '面积（亩）', '10.55');
    fireEvent.click(within(edit).getByText('保存修改'));
    expect(within(edit).getByRole('alert').textContent).toContain('请写明修改的原因');
    await type(edit, '修改的原因', '重新丈量后更正面积');
    fireEvent.click(within(edit).getByText('保存修改'));
    await waitFor(() => expect(within(screen.getByLabelText('资源：南湾地')).getByText('耕地 10.55亩 · 村西')).toBeTruthy());

    const card = screen.getByLabelText('合同：南湾地 · 赵六');
    fireEvent.click(within(card).getByText('解除合同'));
    const end = screen.getByLabelText('解除合同：南湾地');
    pickDate(end, '解除日期', '2026-11-20');
    await type(end, '为什么解除', '承包方外出务工，自愿退包');
    fireEvent.click(within(end).getByText('解除合同'));
    await waitFor(() => expect(within(screen.getByLabelText('合同：南湾地 · 赵六')).getByText('已解除')).toBeTruthy());
    expect(within(screen.getByLabelText('合同：南湾地 · 赵六')).getByText('已于 2026-11-20 解除：承包方外出务工，自愿退包')).toBeTruthy();
    // Free again: it can be let anew.
    expect(within(screen.getByLabelText('资源：南湾地')).getByText('发包（登记合同）')).toBeTruthy();
  });

  it('registers an asset and lets it by 协商 with the reason, without a decision, which the contract then says', async () => {
    openAssets();
    await screen.findByLabelText('三资概况', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByText('登记资产'));
    let form = screen.getByLabelText('登记资产');
    await type(form, '资产名称，如 村委会办公楼', '村小学旧校舍');
    fireEvent.click(within(form).getByText('经营性'));
    fireEvent.click(within(form).getByText('房屋建筑'));
    pickDate(form, '购置日期', '2008-09-01');
    await type(form, '原值（元）', '１２0,000');
    fireEvent.click(within(form).getByText('闲置'));
    await type(form, '保管人', '杨会计');
    fireEvent.click(within(form).getByText('登记'));

    const asset = await screen.findByLabelText('资产：村小学旧校舍', undefined, { timeout: 5000 });
    expect(within(asset).getByText('经营性 · 房屋建筑')).toBeTruthy();
    expect(within(asset).getByText('原值 120,000.00 元，2008-09-01 购置；闲置自 2026-11-23')).toBeTruthy();

    fireEvent.click(within(asset).getByText('出租（登记合同）'));
    form = screen.getByLabelText('登记合同：村小学旧校舍');
    expect(within(form).getByText('✓ 租赁')).toBeTruthy();
    fireEvent.click(within(form).getByText('协商'));
    await type(form, '协商的原因，如 公开竞价流拍', '两次公开竞价无人报名');
    await type(form, '承包方的名字或单位名称', '黄升镇绿源合作社');
    pickDate(form, '开始日期', '2026-11-01');
    pickDate(form, '结束日期', '2029-10-31');
    await type(form, '每年价款（元）', '12000');
    fireEvent.click(within(form).getByText('每季度'));
    fireEvent.click(within(form).getByText('没有开会决议'));
    fireEvent.click(within(form).getByText('登记合同'));

    const card = await screen.findByLabelText('合同：村小学旧校舍 · 黄升镇绿源合作社', undefined, { timeout: 5000 });
    expect(within(card).getByText('协商：两次公开竞价无人报名')).toBeTruthy();
    expect(within(card).getByLabelText('付款方式：每季度')).toBeTruthy();
    expect(within(card).getByText(/没有记录同意这份合同的会议/)).toBeTruthy();
    expect(within(screen.getByLabelText('资产：村小学旧校舍')).getByText('出租')).toBeTruthy();
  });

  it('tells anyone but the 会计 that the registers are kept by the 会计', async () => {
    openAssets('yangjia-villager');
    expect(await screen.findByText('只有村会计可以登记三资', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText('登记资产')).toBeNull();
  });
});

describe('the ledger’s contract picker', () => {
  it('offers the contract an income row pays, best match first, and the rent reaches the contract', async () => {
    const landId = await landOf('西河滩地');
    const contract = await contractOn(landId, '孙七', '2026-10-01');
    openPage(LedgerPage, '/packages/cadre/ledger/index', { villageId: 'yangjia', month: '2026-10' }, ACC);
    const form = await screen.findByLabelText('手工记账', undefined, { timeout: 5000 });
    // An expense pays no contract: no picker.
    fireEvent.click(within(within(form).getByLabelText('支出科目')).getByText('管理费用-招待费'));
    expect(within(form).queryByLabelText('合同收入')).toBeNull();

    fireEvent.click(within(within(form).getByLabelText('收入科目')).getByText('发包及上交收入'));
    pickDate(form, '日期', '2026-10-15');
    await type(form, '金额（元）', '2000');
    await type(form, '对方单位或个人', '孙七');
    await type(form, '摘要', '收西河滩地承包费');
    const label = '西河滩地 · 孙七 · 发包 2026–2031';
    const picker = await within(form).findByLabelText('合同收入', undefined, { timeout: 5000 });
    // 不是合同收入 until the 会计 picks; the contract this row names comes first.
    await waitFor(() => {
      const choices = Array.from(picker.querySelectorAll('[aria-pressed]')).map((b) => [b.textContent, b.getAttribute('aria-pressed')]);
      expect(choices.slice(0, 2)).toEqual([
        ['✓ 不是合同收入', 'true'],
        [label, 'false'],
      ]);
    });
    fireEvent.click(within(picker).getByText(label));
    expect(within(picker).getByText(`✓ ${label}`)).toBeTruthy();
    fireEvent.click(within(form).getByText('记一笔'));

    await screen.findByLabelText('账目：2026-10-15 收西河滩地承包费', undefined, { timeout: 5000 });
    const after: ContractView = await ui.host.ok('assets', 'contract', { villageId: 'yangjia', contractId: contract.id }, ACC);
    expect(after.receivedFen).toBe(200_000);
    expect(after.receipts).toEqual([expect.objectContaining({ date: '2026-10-15', amountFen: 200_000, summary: '收西河滩地承包费' })]);
    // The form is ready for the next receipt, back on 不是合同收入.
    expect(within(form).queryByText(`✓ ${label}`)).toBeNull();
  });
});

describe('the registers’ form rules', () => {
  it('reads an area in 亩 to the hundredth, exactly', () => {
    expect(parseMu('12.5')).toEqual({ ok: true, mu100: 1250 });
    expect(parseMu('１２．０５亩')).toEqual({ ok: true, mu100: 1205 });
    expect(parseMu('0.01')).toEqual({ ok: true, mu100: 1 });
    expect(parseMu('12.345')).toEqual({ ok: false, message: '面积最多保留两位小数，例如 12.55 亩。' });
    expect(parseMu('0')).toEqual({ ok: false, message: '面积应大于 0。' });
    expect(parseMu('十亩')).toEqual({ ok: false, message: '面积只能填数字，例如 12.5。' });
    expect(parseMu('')).toEqual({ ok: false, message: '请填写面积（亩）。' });
  });
});
