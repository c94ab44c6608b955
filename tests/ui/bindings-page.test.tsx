/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import BindingsPage from '../../src/packages/supervise/bindings';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';

// The demo host's clock is 2026-11-23 10:00 in China: a request made now was made on 2026年11月23日.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

const roster = demoRosterSheet(DEMO_VILLAGES[0], 0).rows;

function openAs(persona: string, villageId = 'yangjia') {
  setDevPersona(persona);
  (Current as { router: unknown }).router = { params: { villageId }, path: '/packages/supervise/bindings/index' };
  return render(<BindingsPage />);
}

/** A new WeChat account asks to be the roster's row `n`, to be confirmed face to face. */
async function asksInPerson(key: string, n: number): Promise<string> {
  await ui.host.store.collection(PERSONAS).set(key, { label: key, openid: `dev-openid-${key}`, villageId: null, roles: [] });
  const res = await ui.host.call('identity', 'verify', { villageId: 'yangjia', name: String(roster[n].cells[0]), idNumber: String(roster[n].cells[2]) }, key);
  expect(res.body.data).toMatchObject({ verified: false, pending: true });
  return String(roster[n].cells[0]);
}

const requestCard = (name: string) => screen.findByLabelText(`认证申请：${name}`);
const verified = async (key: string) => (await ui.host.call('identity', 'status', { villageId: 'yangjia' }, key)).body.data.verified;

describe('认证申请 (the 监委会’s list of people to confirm in person)', () => {
  it('says there is nothing waiting in a village where nobody has asked', async () => {
    openAs('dajiang-supervisor', 'dajiang');
    expect(await screen.findByText('没有等待确认的认证申请')).toBeTruthy();
  });

  it('keeps the list from a villager, in words', async () => {
    openAs('yangjia-villager');
    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('加载失败');
    expect(refused.textContent).toContain('您没有权限进行此操作');
    expect(screen.queryByText('当面核对无误，确认')).toBeNull();
  });

  it('shows who asked, masked, and binds them once the 监委会主任 confirms; the request is gone after a reload', async () => {
    const name = await asksInPerson('bind-confirm', 12);
    const id = String(roster[12].cells[2]);
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
    const page = openAs('yangjia-supervisor');
    const card = await requestCard(name);
    expect(card.textContent).toContain(`身份证 ${id.slice(0, 4)}**********${id.slice(14)} · 户号 ${String(roster[12].cells[3])}`);
    expect(card.textContent).toContain('2026年11月23日 申请');
    expect(card.textContent).not.toContain(id);
    fireEvent.click(within(card).getByText('当面核对无误，确认'));
    await waitFor(() =>
      expect(modal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '确认认证', content: `已当面核对${name}本人和身份证，确认这个微信是${name}本人的？` }),
      ),
    );
    await waitFor(() => expect(screen.queryByLabelText(`认证申请：${name}`)).toBeNull());
    expect(await verified('bind-confirm')).toBe(true);
    page.unmount();

    openAs('yangjia-supervisor');
    await screen.findByText(/没有等待确认的认证申请|当面核对无误，确认/);
    expect(screen.queryByLabelText(`认证申请：${name}`)).toBeNull();
  });

  it('will not send a request back without a reason, and sends it back with one', async () => {
    const name = await asksInPerson('bind-return', 13);
    openAs('yangjia-supervisor-member');
    const card = await requestCard(name);
    fireEvent.click(within(card).getByText('不是本人，退回'));
    expect(await within(card).findByText('请写明为什么不确认，申请的人会看到。')).toBeTruthy();
    await type(card, '不确认的原因（例如：本人说没有申请）', '本人说没有申请');
    fireEvent.click(within(card).getByText('不是本人，退回'));
    await waitFor(() => expect(screen.queryByLabelText(`认证申请：${name}`)).toBeNull());
    expect(await verified('bind-return')).toBe(false);
    const status = (await ui.host.call('identity', 'status', { villageId: 'yangjia' }, 'bind-return')).body.data;
    expect(status.pending).toBe(false);
  });
});
