/** @jest-environment jsdom */
/** 一事一议, the villager page: voting, open and secret, with the turnout, the result, the receipt and the publication. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { itemUrl } from '../../src/services/disclosure';
import { type } from './inputs';
import {
  atReview,
  confirmModal,
  everyoneElse,
  get,
  inThreeDays,
  meetingCard,
  ok,
  openAs,
  phoneOnHostClock,
  RECEIPT,
  SECRET_NOTE,
  turnoutOf,
} from './matters-fixture';

describe('一事一议 (villager page)', () => {
  phoneOnHostClock();

  it('lets an eligible voter vote once after confirming, shows the turnout rise, the result, and the publication', async () => {
    const v = 'dajiang';
    let m = await atReview({ villageId: v, title: '新建村文化广场', summary: '在村委会西侧空地建文化广场，供村民活动。' });
    const review = m.meetings[0];
    const page = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    let card = await meetingCard(review);
    expect(within(card).getByText(turnoutOf(review))).toBeTruthy();
    expect(within(card).getByText(`还差 ${review.quorumShort} 人达到法定人数`)).toBeTruthy();

    // Cancelling the confirmation sends nothing.
    let modal = confirmModal(false);
    fireEvent.click(within(card).getByText('不同意'));
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定投“不同意”吗？投票后不能更改。' })));
    expect((await get(v, m.id)).meetings[0].present).toBe(0);
    expect(within(card).getByText('同意')).toBeTruthy();

    modal.mockRestore();
    modal = confirmModal(true);
    fireEvent.click(within(card).getByText('同意'));
    expect(await within(card).findByText('✓ 您已投票')).toBeTruthy();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定投“同意”吗？投票后不能更改。' }));
    const after = (await get(v, m.id)).meetings[0];
    expect(after).toMatchObject({ present: 1, online: 1, quorumShort: review.quorumShort - 1 });
    await waitFor(() => expect(within(card).getByText(turnoutOf(after))).toBeTruthy());
    expect(within(card).getByText(`还差 ${after.quorumShort} 人达到法定人数`)).toBeTruthy();
    // No second tap is offered.
    for (const c of ['同意', '不同意', '弃权']) expect(within(card).queryByText(c)).toBeNull();
    page.unmount();

    // The server remembers: reopening says so too.
    const reopened = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    card = await meetingCard(review);
    expect(within(card).getByText('✓ 您已投票')).toBeTruthy();
    expect(within(card).queryByText('同意')).toBeNull();
    reopened.unmount();

    // The rest in person; closed, the counts and the rules applied are shown.
    await everyoneElse(v, review.id, '同意');
    m = await ok('close', { villageId: v, meetingId: review.id }, `${v}-supervisor`);
    const closed = m.meetings[0];
    const c2 = openAs(`${v}-villager`, { villageId: v, matterId: m.id });
    card = await meetingCard(closed);
    expect(within(card).getByText('表决已结束')).toBeTruthy();
    expect(within(card).getByText('✓ 结果：通过')).toBeTruthy();
    expect(within(card).getByText(`同意 ${closed.present} 票，不同意 0 票，弃权 0 票`)).toBeTruthy();
    for (const line of closed.result!.rules) expect(within(card).getByText(line)).toBeTruthy();
    expect(within(screen.getByLabelText('办理进度')).getByText('决议 · 正在进行')).toBeTruthy();
    c2.unmount();

    // 决议 at the 村民代表会议: the 村民 is a representative and votes.
    m = await ok('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, `${v}-director`);
    const decision = m.meetings[1];
    expect(decision.body).toBe('representatives');
    confirmModal(true);
    const voting = openAs(`${v}-villager`, { villageId: v, matterId: m.id });
    card = await meetingCard(decision);
    fireEvent.click(within(card).getByText('弃权'));
    expect(await within(card).findByText('✓ 您已投票')).toBeTruthy();
    expect(within(card).getByText('您投的是“弃权”。')).toBeTruthy();
    await everyoneElse(v, decision.id, '同意');
    await ok('close', { villageId: v, meetingId: decision.id }, `${v}-supervisor`);
    voting.unmount();
    m = await ok('publish', { villageId: v, matterId: m.id, text: '经村民代表会议表决通过，新建村文化广场。' }, `${v}-secretary`);
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    openAs(`${v}-villager`, { villageId: v, matterId: m.id });
    const published = await screen.findByLabelText('公开');
    fireEvent.click(within(published).getByText('查看决议公开（可校验）'));
    expect(nav).toHaveBeenCalledWith({ url: itemUrl({ villageId: v, quarter: m.resolution!.quarter, itemId: m.resolution!.itemId }) });
    expect(within(published).queryByText('查看实施结果公开')).toBeNull();
    const steps = screen.getByLabelText('办理进度');
    expect(within(steps).getByText('实施结果公开 · 正在进行')).toBeTruthy();
    expect(within(steps).getByText('经村民代表会议表决通过，新建村文化广场。')).toBeTruthy();
  });

  it('gives a secret voter a receipt to keep, and after closing finds it in the published list with the choice', async () => {
    const v = 'diquan';
    const m = await atReview({
      villageId: v,
      title: '调整村集体土地承包方案',
      summary: '第二轮承包到期的地块，提议按人口重新调整。',
      decisionBody: 'households',
      secret: true,
    });
    const x = m.meetings[0];
    confirmModal(true);
    const page = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    let card = await meetingCard(x);
    expect(within(card).getByText('不记名投票')).toBeTruthy();
    expect(within(card).getByText(SECRET_NOTE)).toBeTruthy();
    fireEvent.click(within(card).getByText('不同意'));
    expect(await within(card).findByText('请保存回执号')).toBeTruthy();
    const receipt = within(within(card).getByLabelText('回执号')).getByText(RECEIPT).textContent as string;
    expect(Taro.getStorageSync(`receipt:${x.id}`)).toBe(receipt);
    page.unmount();

    // Later, on the same phone, the receipt is still there.
    const later = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    card = await meetingCard(x);
    expect(within(card).getByText('✓ 您已投票')).toBeTruthy();
    expect(within(card).getByText('您的回执号')).toBeTruthy();
    expect(within(card).getByText(receipt)).toBeTruthy();
    later.unmount();

    const rest = await everyoneElse(v, x.id);
    await ok('recordPaperBox', { villageId: v, meetingId: x.id, counts: { 同意: rest - 1, 不同意: 0, 弃权: 1 } }, `${v}-supervisor`);
    await ok('close', { villageId: v, meetingId: x.id }, `${v}-supervisor`);

    openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    card = await meetingCard(x);
    const check = within(card).getByLabelText('核对回执');
    expect(await within(check).findByText('✓ 找到了：这张票记的是“不同意”')).toBeTruthy();
    expect(await within(check).findByDisplayValue(receipt)).toBeTruthy();
    // The full list stays folded until asked for.
    expect(within(check).queryByLabelText('全部回执')).toBeNull();
    fireEvent.click(within(check).getByText(`查看全部回执（${rest + 1} 张）`));
    const all = within(check).getByLabelText('全部回执');
    expect(within(all).getAllByRole('listitem')).toHaveLength(rest + 1);
    expect(within(all).getByLabelText(`回执 ${receipt}：不同意`)).toBeTruthy();
    // A receipt copied wrongly is not found, in words.
    await type(check, '输入回执号，例如 ABCD-EFGH-JKLM-NPQR', 'AAAA-AAAA-AAAA-AAAA');
    expect(await within(check).findByText('没有找到这个回执号。请看看有没有抄错；确实没有，请告诉村务监督委员会。')).toBeTruthy();
    // Typed by hand in lower case without dashes, it is found.
    await type(check, '输入回执号，例如 ABCD-EFGH-JKLM-NPQR', receipt.replace(/-/g, ' ').toLowerCase());
    expect(await within(check).findByText('✓ 找到了：这张票记的是“不同意”')).toBeTruthy();
  });
});
