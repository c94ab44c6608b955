/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TownshipCodesPage from '../../src/packages/township/codes';
import { ApiCallError } from '../../src/services/transport';
import { villageApi } from '../../src/services/village';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { answerModal } from './modals';
import { openPage } from './open-page';

const ui = pagesOnTestHost();
afterEach(() => {
  jest.restoreAllMocks();
});

const REASON = '原因（必填），如：海报丢失';
const VILLAGES = ['杨家村', '豆腐李村', '大姜村', '堤圈村'];

function open(persona: string | null) {
  return openPage(TownshipCodesPage, '/packages/township/codes/index', { townshipId: 'huangsheng' }, persona);
}

/** A village's card, once its codes have loaded (drawing the pictures takes a moment the first time). */
async function card(village: string): Promise<HTMLElement> {
  const el = await screen.findByLabelText(`一村一码：${village}`, undefined, { timeout: 15000 });
  await waitFor(() => expect(within(el).queryByText('正在加载…')).toBeNull(), { timeout: 15000 });
  return el;
}

function buttonOf(scope: HTMLElement, label: string): HTMLElement {
  const b = within(scope).getByText(label).closest('.nut-button');
  if (!b) throw new Error(`no button ${label}`);
  return b as HTMLElement;
}

function codeInUse(scope: HTMLElement): string {
  const line = within(scope).getByText(/^码号：/).textContent ?? '';
  return line.replace('码号：', '');
}

describe('各村二维码 (township codes)', () => {
  it('shows the 镇管理员 every village with the code on its poster, and links to printing them all', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);
    open('township-admin');
    for (const v of VILLAGES) {
      const c = await card(v);
      expect(within(c).getByText('✓ 在用')).toBeTruthy();
      expect(within(c).getByRole('img', { name: `${v}现在用的二维码` })).toBeTruthy();
      expect(within(c).getByText(/^发码日期：\d{4}年\d{1,2}月\d{1,2}日$/)).toBeTruthy();
    }
    expect(codeInUse(await card('杨家村'))).toBe('hs-yangjia');
    expect(codeInUse(await card('大姜村'))).toBe('hs-dajiang');
    // 杨家村 replaced a poster before: the old code is listed as stopped.
    expect(within(await card('杨家村')).getByText(/^hs-yangjia-2023 · 已停用于 2024年11月23日$/)).toBeTruthy();

    fireEvent.click(screen.getByText('打印全镇各村海报'));
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/board/poster/index?townshipId=huangsheng' });
  });

  it('keeps both buttons off until a reason is written', async () => {
    const modal = answerModal(true);
    open('township-admin');
    const c = await card('豆腐李村');
    expect(within(c).getByText(/先写明原因/)).toBeTruthy();
    expect(buttonOf(c, '停用此码').className).toContain('nut-button-disabled');
    expect(buttonOf(c, '重新发码').className).toContain('nut-button-disabled');
    fireEvent.click(within(c).getByText('停用此码'));

    await type(c, REASON, '丢');
    expect(buttonOf(c, '停用此码').className).toContain('nut-button-disabled');
    await type(c, REASON, '   ');
    expect(buttonOf(c, '停用此码').className).toContain('nut-button-disabled');
    fireEvent.click(within(c).getByText('停用此码'));
    await new Promise((r) => setTimeout(r, 50));
    expect(modal).not.toHaveBeenCalled();

    await type(c, REASON, '海报丢失');
    await waitFor(() => expect(buttonOf(c, '停用此码').className).not.toContain('nut-button-disabled'));
    expect(within(c).queryByText(/先写明原因/)).toBeNull();
  });

  it('reissues a code after asking: a new code, the old one stopped with its reason, and a poster to print', async () => {
    const modal = answerModal(true);
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);
    open('township-admin');
    const c = await card('杨家村');
    const old = codeInUse(c);
    await type(c, REASON, '海报被撕');
    fireEvent.click(within(c).getByText('重新发码'));

    await waitFor(() => expect(modal).toHaveBeenCalled());
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '给杨家村重新发码？' });
    expect(modal.mock.calls[0][0]?.content).toContain('旧海报上的码扫了会提示已停用，需要打印新海报');

    await waitFor(() => expect(codeInUse(c)).not.toBe(old), { timeout: 15000 });
    expect(codeInUse(c)).toMatch(/^yangjia-[a-z0-9]{6}$/);
    const history = within(c).getByLabelText('以前的码');
    expect(within(history).getByText(new RegExp(`^${old} · 已停用于`))).toBeTruthy();
    expect(within(history).getByText('原因：海报被撕')).toBeTruthy();

    // The old poster no longer leads anywhere; the new code does.
    const stale = await villageApi.resolveCode(old).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiCallError);
    expect((stale as ApiCallError).message).toContain('二维码无效或已停用');
    expect(await villageApi.resolveCode(codeInUse(c))).toEqual({ villageId: 'yangjia' });

    fireEvent.click(within(c).getByText('打印本村海报'));
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/board/poster/index?villageId=yangjia' });
  });

  it('disables a code after asking, leaving the village without one until a new code is issued', async () => {
    const modal = answerModal(true);
    open('township-admin');
    const c = await card('堤圈村');
    await type(c, REASON, '二维码被拍走冒用');
    fireEvent.click(within(c).getByText('停用此码'));

    await waitFor(() => expect(modal).toHaveBeenCalled());
    expect(modal.mock.calls[0][0]?.content).toContain('旧海报上的码扫了会提示已停用');
    expect(await within(c).findByText('已停用，还没有新码', undefined, { timeout: 15000 })).toBeTruthy();
    expect(within(c).getByText('原因：二维码被拍走冒用')).toBeTruthy();
    expect(within(c).queryByRole('img')).toBeNull();
    expect(buttonOf(c, '停用此码').className).toContain('nut-button-disabled');

    const resolved = await ui.host.call('village', 'resolveCode', { code: 'hs-diquan' });
    expect(resolved.body.ok).toBe(false);
    expect(resolved.body.error.message).toContain('二维码无效或已停用');
  });

  it('changes nothing when the 镇管理员 cancels', async () => {
    const modal = answerModal(false);
    open('township-admin');
    const c = await card('大姜村');
    await type(c, REASON, '海报丢失');
    fireEvent.click(within(c).getByText('重新发码'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 100));
    expect(codeInUse(c)).toBe('hs-dajiang');
    const saved = await ui.host.call('village', 'codes', { villageId: 'dajiang' }, 'township-admin');
    expect(saved.body.data.codes.map((x: { code: string; enabled: boolean }) => [x.code, x.enabled])).toEqual([['hs-dajiang', true]]);
  });

  it('shows a villager the server’s refusal, and no buttons', async () => {
    open('yangjia-villager');
    expect(await screen.findByText('只有镇管理员可以停用和重新发码', undefined, { timeout: 15000 })).toBeTruthy();
    // The server's own words, whatever they are for this caller.
    const refused = await ui.host.call('village', 'posters', { townshipId: 'huangsheng' }, 'yangjia-villager');
    expect(refused.body.ok).toBe(false);
    expect(screen.getByText(refused.body.error.message)).toBeTruthy();
    expect(screen.queryByText('停用此码')).toBeNull();
    expect(screen.queryByText('重新发码')).toBeNull();
  });

  it('shows the 镇纪委, who may see the posters but not the codes, the refusal on each card', async () => {
    open('township-discipline');
    const c = await screen.findByLabelText('一村一码：豆腐李村', undefined, { timeout: 15000 });
    expect(await within(c).findByRole('alert')).toBeTruthy();
    expect(within(c).getByRole('alert').textContent).toContain('没有权限');
    expect(within(c).queryByText('停用此码')).toBeNull();
  });
});
