/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AssetsPage from '../../src/pages/assets';
import MoneyPage from '../../src/pages/money';
import QuestionsPage from '../../src/packages/supervise/questions';
import { landWithContract } from '../helpers/assets';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 (Beijing); 杨家村's October books are open for the 会计.
// A piece of land is let by 公开竞价 from 1 March, 8,000 元 a year paid yearly; 3,000 元 of it
// came in with October's books, so 5,000 元 is owed.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

const ACC = 'yangjia-accountant';
const TITLE = '南岗耕地的发包合同（赵建军）';

async function letLand(): Promise<string> {
  const { contract } = await landWithContract(
    ui.host,
    { villageId: 'yangjia', name: '南岗耕地', landKind: 'arable', areaMu100: 2000, location: '村南岗上', state: 'uncontracted' },
    {
      kind: 'outsource',
      counterparty: { name: '赵建军', personId: null },
      startOn: '2026-03-01',
      endOn: '2031-02-28',
      priceFenPerYear: 800_000,
      schedule: 'yearly',
      depositFen: 100_000,
      award: {
        method: 'auction',
        bids: [
          { bidder: '钱卫东', fen: 750_000 },
          { bidder: '赵建军', fen: 800_000 },
          { bidder: '孙立新', fen: 700_000 },
        ],
      },
      decision: { kind: 'meeting', body: 'representatives', date: '2026-02-20', note: '同意南岗耕地公开竞价发包五年' },
    },
    ACC,
  );
  const { accounts } = await ui.host.ok('finance', 'accounts', { villageId: 'yangjia' }, ACC);
  const income = accounts.find((a: { direction: string; name: string }) => a.direction === '收入' && /发包|承包/.test(a.name));
  await ui.host.ok(
    'finance',
    'addRow',
    {
      villageId: 'yangjia',
      date: '2026-10-15',
      accountId: income.id,
      amountFen: 300_000,
      counterparty: '赵建军',
      summary: '收南岗耕地承包费（部分）',
      handler: '杨会计',
      contractId: contract.id,
    },
    ACC,
  );
  return contract.id;
}

let contractId = '';
beforeAll(async () => {
  contractId = await letLand();
});

describe('集体的资产与资源 (the villagers’ page)', () => {
  it('is one tap from 村里的钱', async () => {
    const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never);
    openPage(MoneyPage, '/pages/money/index', { villageId: 'yangjia' }, 'yangjia-villager');
    fireEvent.click(await screen.findByText('集体的资产与资源'));
    expect(go).toHaveBeenCalledWith({ url: '/pages/assets/index?villageId=yangjia' });
  });

  it('shows what the village owns and is owed, and each contract with who, until when, how much, its bids and who approved it', async () => {
    openPage(AssetsPage, '/pages/assets/index', { villageId: 'yangjia' }, 'yangjia-villager');
    const totals = await screen.findByLabelText('村里有什么');
    // The demo's own registers may add to the totals: the land let here is among them.
    expect(within(totals).getByLabelText(/^土地和水面：发包 \d+(\.\d+)?亩/)).toBeTruthy();
    expect(within(totals).getByLabelText(/^欠款：[\d,.]+ 元$/)).toBeTruthy();

    const card = await screen.findByLabelText('合同：南岗耕地（赵建军）');
    expect(within(card).getByText('履行中')).toBeTruthy();
    expect(within(card).getByLabelText('给了谁：赵建军')).toBeTruthy();
    expect(within(card).getByLabelText('到什么时候：2031年2月28日（从2026年3月1日起，共5年）')).toBeTruthy();
    expect(within(card).getByLabelText('每年多少钱：8,000.00 元')).toBeTruthy();
    expect(within(card).getByLabelText('每亩每年：400.00 元')).toBeTruthy();
    expect(within(card).getByLabelText('到今天应交：8,000.00 元')).toBeTruthy();
    // The 3,000 元 is in October's books, still open: a villager sees it once they are signed and published.
    expect(within(card).getByLabelText('已经交了：0.00 元')).toBeTruthy();
    expect(within(card).getByLabelText('欠款：8,000.00 元')).toBeTruthy();
    expect(within(card).getByText('交的钱记在村里的账上，那个月的账签字公示以后，这里才算上。')).toBeTruthy();
    // Every bid, highest first, the winning one said.
    expect(within(card).getByLabelText('怎么定的：公开竞价（3人出价）')).toBeTruthy();
    const bids = within(card).getByLabelText('竞价记录');
    expect(Array.from(bids.children, (b) => b.textContent)).toEqual(['赵建军 出价 8,000.00 元（成交）', '钱卫东 出价 7,500.00 元', '孙立新 出价 7,000.00 元']);
    expect(within(card).getByLabelText('谁批准的：村民代表会议 2026年2月20日：同意南岗耕地公开竞价发包五年')).toBeTruthy();
    // The payments are one tap further.
    expect(within(card).queryByLabelText('付款计划和收款记录')).toBeNull();
    fireEvent.click(within(card).getByText('付款计划和收款记录'));
    const details = within(card).getByLabelText('付款计划和收款记录');
    expect(within(details).getByText('2026年3月1日 应交 8,000.00 元：没交，欠 8,000.00 元')).toBeTruthy();
    expect(within(details).getByText('已公示的账上还没有收到。')).toBeTruthy();
    expect(within(details).queryByText(/收南岗耕地承包费/)).toBeNull();

    // The arrears are a red warning, in words.
    const warning = screen.getByLabelText(`预警：租金逾期未收：${TITLE}`);
    expect(within(warning).getByText('红灯')).toBeTruthy();
    expect(within(warning).getByText('待答复')).toBeTruthy();
    expect(within(warning).getByText(/^南岗耕地的发包合同（赵建军）2026年3月1日起应交的租金还没收齐/)).toBeTruthy();
  });

  it('opens a linked contract marked, with its payments, and sends a question about it to the 监委会 titled by the contract', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const page = openPage(AssetsPage, '/pages/assets/index', { villageId: 'yangjia', contractId }, 'yangjia-villager');
    const card = await screen.findByLabelText('合同：南岗耕地（赵建军）');
    expect(card.className).toContain('village-assets__picked');
    expect(card.id).toBe(`va-${contractId}`);
    expect(within(card).getByLabelText('付款计划和收款记录')).toBeTruthy();

    fireEvent.click(within(card).getByText('问一问这份合同'));
    await type(card, '想问这份合同什么？', '剩下的五千元什么时候收？');
    fireEvent.click(within(card).getByText('提交问题'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已交给村务监督委员会，答复会出现在“我的”' })));
    page.unmount();

    const { tickets } = await ui.host.ok('tickets', 'queue', { villageId: 'yangjia' }, 'yangjia-supervisor');
    const asked = tickets.find((t: { text: string }) => t.text === '剩下的五千元什么时候收？');
    expect(asked).toMatchObject({
      subject: { type: 'contract', id: contractId, title: TITLE },
      link: `/pages/assets/index?villageId=yangjia&contractId=${contractId}`,
    });

    // The 监委会 reads it with the contract named, one tap from the contract.
    const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never);
    openPage(QuestionsPage, '/packages/supervise/questions/index', { villageId: 'yangjia' }, 'yangjia-supervisor');
    const question = await screen.findByLabelText('提问：剩下的五千元什么时候收？');
    fireEvent.click(within(question).getByText(`关于：合同“${TITLE}” ›`));
    expect(go).toHaveBeenCalledWith({ url: `/pages/assets/index?villageId=yangjia&contractId=${contractId}` });
  });
});
