/** @jest-environment jsdom */
/** 一事一议, the villager page: proposing a matter and co-signing one. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { mattersApi, matterUrl } from '../../src/services/matters';
import { ApiCallError } from '../../src/services/transport';
import type { MatterView } from '../../types/matters';
import { type } from './inputs';
import { buttonOf, confirmModal, COSIGN_NOTE, get, ok, openAs, phoneOnHostClock, ui } from './matters-fixture';

describe('一事一议 (villager page)', () => {
  phoneOnHostClock();

  it('counts a co-signature once and then says 您已联名', async () => {
    const v = 'doufuli';
    // The 会计 proposes as a villager (not a representative), so the adults' threshold counts.
    const m: MatterView = await ok(
      'propose',
      { villageId: v, title: '修缮村小学院墙', summary: '村小学围墙倒塌一段，学生上学不安全，提议修缮。', decisionBody: 'villagers' },
      `${v}-accountant`,
    );
    const { needed } = m.cosign!;
    expect(needed).toBeGreaterThan(2);
    // A fifth of the representatives is the other way there: fewer of them may be needed.
    const reps = (
      await ui.host.store.collection<{ _id: string; representative: boolean }>('people').find({ where: { villageId: v, inRoster: true }, limit: 1000 })
    ).filter((p) => p.representative).length;
    const repsNeeded = Math.max(1, Math.ceil(reps / 5));
    const still = (signed: number) =>
      needed - signed <= repsNeeded
        ? `已有 ${signed} 人联名，再有 ${needed - signed} 人联名就够了`
        : `已有 ${signed} 人联名，再有 ${needed - signed} 位村民联名，或者 ${repsNeeded} 位村民代表联名，就够了`;

    const page = openAs(`${v}-supervisor`, { villageId: v, matterId: m.id });
    const card = await screen.findByLabelText('村民联名');
    expect(within(card).getByText(still(1))).toBeTruthy();
    expect(within(card).getByText(`联名人数够了，议题就交给村两委商议。要求是：${m.cosign!.basis}。`)).toBeTruthy();
    expect(within(screen.getByLabelText('办理进度')).getByText('提议 · 正在征集联名')).toBeTruthy();
    // Asked first, since a co-signature cannot be taken back: saying no changes nothing.
    const asked = confirmModal(false);
    fireEvent.click(within(card).getByText('我也联名'));
    await waitFor(() => expect(asked).toHaveBeenCalledWith(expect.objectContaining({ title: '联名提议？', confirmText: '确认联名' })));
    expect((await get(v, m.id, `${v}-supervisor`)).cosign).toMatchObject({ count: 1, mine: false });
    asked.mockRestore();
    confirmModal(true);
    fireEvent.click(within(card).getByText('我也联名'));
    expect(await within(card).findByText(still(2))).toBeTruthy();
    expect(buttonOf(card, '您已联名').className).toContain('nut-button-disabled');
    expect((await get(v, m.id, `${v}-supervisor`)).cosign).toMatchObject({ count: 2, mine: true });
    page.unmount();

    openAs(`${v}-supervisor`, { villageId: v, matterId: m.id });
    const again = await screen.findByLabelText('村民联名');
    expect(buttonOf(again, '您已联名').className).toContain('nut-button-disabled');
    expect(within(again).queryByText('我也联名')).toBeNull();
  });

  it('lets a verified villager propose a matter, which then collects co-signatures with theirs the first', async () => {
    const v = 'doufuli';
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    const list = openAs(`${v}-accountant`, { villageId: v });
    fireEvent.click(await screen.findByText('我要提议'));
    const form = await screen.findByLabelText('我要提议');
    expect(await within(form).findByText(COSIGN_NOTE)).toBeTruthy();
    expect(buttonOf(form, '✓ 村民代表会议').getAttribute('aria-pressed')).toBe('true');

    // Too short a title is said before anything is sent.
    const propose = jest.spyOn(mattersApi, 'propose');
    await type(form, '议题名称（4–60 字）', '修路');
    await type(form, '要办什么事、为什么（10–2000 字）', '村南小路坑洼不平，老人孩子走路容易摔倒，提议铺水泥路面。');
    fireEvent.click(within(form).getByText('提交提议'));
    expect(await within(form).findByText('议题名称要 4 到 60 个字。')).toBeTruthy();
    expect(propose).not.toHaveBeenCalled();

    // A refusal is shown in the server's words, and the form keeps what was typed.
    propose.mockRejectedValueOnce(new ApiCallError('PERMISSION_DENIED', '联名提议需要年满 18 周岁。'));
    await type(form, '议题名称（4–60 字）', '硬化村南小路');
    fireEvent.click(within(form).getByText('提交提议'));
    expect(await within(form).findByText('联名提议需要年满 18 周岁。')).toBeTruthy();
    expect(nav).not.toHaveBeenCalled();

    fireEvent.click(buttonOf(form, '村民会议（18 周岁以上村民）'));
    expect(buttonOf(form, '✓ 村民会议（18 周岁以上村民）').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(form).getByText('提交提议'));
    await waitFor(() => expect(nav).toHaveBeenCalledTimes(1));
    expect(propose).toHaveBeenLastCalledWith({
      villageId: v,
      title: '硬化村南小路',
      summary: '村南小路坑洼不平，老人孩子走路容易摔倒，提议铺水泥路面。',
      decisionBody: 'villagers',
    });
    const url = (nav.mock.calls[0][0] as { url: string }).url;
    const matterId = /matterId=([^&]+)/.exec(url)?.[1] ?? '';
    expect(url).toBe(matterUrl(v, matterId));
    const m = await get(v, matterId);
    expect(m).toMatchObject({ title: '硬化村南小路', origin: 'villagers', status: 'cosigning', decisionBody: 'villagers' });
    list.unmount();

    openAs(`${v}-accountant`, { villageId: v, matterId });
    const head = await screen.findByLabelText('议题：硬化村南小路');
    expect(within(head).getByText('征集联名中')).toBeTruthy();
    const card = screen.getByLabelText('村民联名');
    expect(within(card).getByText(m.cosign!.progress)).toBeTruthy();
    expect(m.cosign!.progress).toMatch(/^已有 1 人联名，再有 \d+ /);
    expect(buttonOf(card, '您已联名').className).toContain('nut-button-disabled');
    expect(within(screen.getByLabelText('办理进度')).getByText('提议 · 正在征集联名')).toBeTruthy();
  });

  it('tells someone not yet verified how to become able to propose, instead of the form', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    openAs('yangjia-newcomer', { villageId: 'yangjia' });
    fireEvent.click(await screen.findByText('我要提议'));
    const card = await screen.findByLabelText('我要提议');
    expect(await within(card).findByText('请先在“我的”里完成村民身份认证，才能提议。')).toBeTruthy();
    expect(within(card).queryByPlaceholderText('议题名称（4–60 字）')).toBeNull();
    expect(within(card).queryByText('提交提议')).toBeNull();
    fireEvent.click(within(card).getByText('去认证村民身份'));
    expect(nav).toHaveBeenCalledWith({ url: '/pages/verify/index?villageId=yangjia' });
  });
});
