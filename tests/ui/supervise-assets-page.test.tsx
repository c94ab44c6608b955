/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SuperviseAssetsPage from '../../src/packages/supervise/assets';
import { assetWithContract } from '../helpers/assets';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 (Beijing). The 会计 lets a building to an outside party
// without recording any meeting's decision: the 三资 rules raise 没有集体决议 at once.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

const ACC = 'yangjia-accountant';
const TITLE = '老供销社门市的租赁合同（滨州惠民商贸有限公司）';
const CARD = `预警：没有集体决议：${TITLE}`;

beforeAll(async () => {
  await assetWithContract(
    ui.host,
    {
      villageId: 'yangjia',
      name: '老供销社门市',
      use: 'operating',
      kind: 'building',
      location: '村中心十字路口',
      acquiredOn: '1998-05-01',
      originalFen: 12_000_000,
      state: 'idle',
      keeper: '杨会计',
    },
    {
      kind: 'lease',
      counterparty: { name: '滨州惠民商贸有限公司', personId: null },
      startOn: '2026-12-01',
      endOn: '2029-11-30',
      priceFenPerYear: 2_400_000,
      schedule: 'yearly',
      depositFen: 0,
      award: { method: 'negotiated', reason: '只有一家报名，按评估价协商' },
      decision: null,
    },
    ACC,
  );
});

function openAs(persona: string) {
  return openPage(SuperviseAssetsPage, '/packages/supervise/assets/index', { villageId: 'yangjia' }, persona);
}

const buttonOf = (scope: HTMLElement, text: string) => within(scope).getByText(text).closest('.nut-button') as HTMLElement;

describe('三资预警 (the village’s warnings, for the 两委 and the 监委会)', () => {
  it('lets the 会计 answer but not close', async () => {
    openAs(ACC);
    const card = await screen.findByLabelText(CARD);
    expect(within(card).getByText('红灯')).toBeTruthy();
    expect(within(card).getByLabelText('答复预警')).toBeTruthy();
    expect(within(card).queryByLabelText('预警销号')).toBeNull();
  });

  it('refuses to close a warning nobody answered, in the server’s words; then the 监委会 answers and closes it', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    openAs('yangjia-supervisor');
    const open = await screen.findByLabelText('待处理的预警');
    let card = await within(open).findByLabelText(CARD);
    expect(within(card).getByText('待答复')).toBeTruthy();
    expect(within(card).getByText('村里答复以后才能销号。')).toBeTruthy();

    // 销号 first: refused, and said on the card.
    const closing = within(card).getByLabelText('预警销号');
    await type(closing, '怎么解决的（销号时填写，村民可见）', '已补开村民代表会议');
    await waitFor(() => expect(buttonOf(closing, '销号').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(closing, '销号'));
    expect(await within(closing).findByText('这条预警还没有人答复，答复了才能销号。')).toBeTruthy();
    expect(within(card).getByText('待答复')).toBeTruthy();

    // An answer needs what was done and in what way.
    const answering = within(card).getByLabelText('答复预警');
    await type(answering, '写清楚做了什么、什么时候办完（村民可见）', '12月5日召开村民代表会议补充表决，同意出租');
    expect(buttonOf(answering, '答复').className).toContain('nut-button-disabled');
    fireEvent.click(within(answering).getByText('说明'));
    await waitFor(() => expect(buttonOf(answering, '答复').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(answering, '答复'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已答复' })));
    card = await screen.findByLabelText(CARD);
    await waitFor(() => expect(within(card).getByText('已答复')).toBeTruthy());
    expect(within(card).getByText(/^答复（说明） · .+ · 2026年11月23日：12月5日召开村民代表会议补充表决，同意出租$/)).toBeTruthy();
    expect(within(card).queryByText('这条预警还没有人答复，答复了才能销号。')).toBeNull();

    const closeNow = within(card).getByLabelText('预警销号');
    await type(closeNow, '怎么解决的（销号时填写，村民可见）', '决议已补录，合同有效');
    await waitFor(() => expect(buttonOf(closeNow, '销号').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(closeNow, '销号'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已销号' })));

    const done = await screen.findByLabelText('已销号的预警');
    const closed = await within(done).findByLabelText(CARD);
    expect(within(closed).getByText('绿灯')).toBeTruthy();
    expect(within(closed).getByText(/^销号 · .+ · 2026年11月23日：决议已补录，合同有效$/)).toBeTruthy();
    expect(within(closed).queryByLabelText('预警销号')).toBeNull();
    const warning = (await ui.host.ok('assets', 'village', { villageId: 'yangjia' })).warnings.find(
      (w: { kind: string; subject: { name: string } }) => w.kind === 'no_decision' && w.subject.name === TITLE,
    );
    expect(warning).toMatchObject({ state: 'closed', closed: { text: '决议已补录，合同有效' } });
  });

  it('shows a villager the warnings without a way to answer or close them', async () => {
    openAs('yangjia-villager');
    const card = await screen.findByLabelText(CARD);
    expect(within(card).queryByLabelText('答复预警')).toBeNull();
    expect(screen.getByText(/只有村两委和村务监督委员会可以答复和销号。/)).toBeTruthy();
  });
});
