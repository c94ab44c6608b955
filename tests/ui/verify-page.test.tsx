/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import VerifyPage from '../../src/pages/verify';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';

// The demo host's clock is 2026-11-23 10:00 in China; 杨家村's roster is the demo's, where every
// fifth villager has a phone number on record (row n: 1380543 and n as four digits).
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

const roster = demoRosterSheet(DEMO_VILLAGES[0], 0).rows.map((r) => ({ name: String(r.cells[0]), id: String(r.cells[2]) }));
const rosterPhone = (n: number) => `1380543${String(1000 + n).slice(-4)}`;

/** A WeChat account nobody has verified yet, opening 认证 from 杨家村's page. */
async function newcomerOpens(key: string, params: Record<string, string> = { villageId: 'yangjia' }) {
  await ui.host.store.collection(PERSONAS).set(key, { label: key, openid: `dev-openid-${key}`, villageId: null, roles: [] });
  setDevPersona(key);
  (Current as { router: unknown }).router = { params, path: '/pages/verify/index' };
  return render(<VerifyPage />);
}

const buttonOf = (text: string) => screen.getByText(text).closest('.nut-button') as HTMLElement;

async function fill(person: { name: string; id: string }) {
  await type(document.body, '例如：杨德福', person.name);
  await type(document.body, '18 位，最后一位可能是 X（老证 15 位也行）', person.id);
}

/** The local build's stand-in for WeChat's phone check: the number typed, then its button. */
async function checkByPhone(number: string) {
  const box = screen.getByLabelText('用手机号核对');
  await type(box, '这部手机的号码', number);
  const go = within(box).getByText('用手机号核对').closest('.nut-button') as HTMLElement;
  await waitFor(() => expect(go.className).not.toContain('nut-button-disabled'));
  fireEvent.click(go);
}

describe('村民认证 (the verify page)', () => {
  it('asks for a village first when the phone has not opened one', async () => {
    await newcomerOpens('verify-nowhere', {});
    expect(await screen.findByText('请先扫一扫本村的二维码，再来认证。')).toBeTruthy();
    expect(screen.queryByText('请村务监督委员会当面确认')).toBeNull();
  });

  it('sends a request to the 监委会 on name and ID number alone, and still shows it waiting after a reload', async () => {
    const person = roster[12];
    const page = await newcomerOpens('verify-in-person');
    await screen.findByText(/填写与村里花名册一致的姓名和身份证号/);
    // Nothing can be sent before both are written.
    expect(buttonOf('请村务监督委员会当面确认').className).toContain('nut-button-disabled');
    await fill(person);
    await waitFor(() => expect(buttonOf('请村务监督委员会当面确认').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf('请村务监督委员会当面确认'));
    expect((await screen.findByRole('status')).textContent).toMatch(/^已提交申请。请带上身份证，到村委会找村务监督委员会的任何一位成员当面确认/);
    page.unmount();

    await newcomerOpens('verify-in-person');
    expect((await screen.findByRole('status')).textContent).toContain('确认后就认证好了');
    const requests = (await ui.host.call('identity', 'bindRequests', { villageId: 'yangjia' }, 'yangjia-supervisor')).body.data.requests;
    expect(requests.map((r: { name: string }) => r.name)).toContain(person.name);
  });

  it('says in words when the phone number is not the roster’s, and binds nothing', async () => {
    await newcomerOpens('verify-wrong-phone');
    await fill(roster[15]);
    await checkByPhone('13911112222');
    expect((await screen.findByRole('alert')).textContent).toBe('微信验证过的手机号与花名册里登记的不一致。请改为请村务监督委员会当面确认。');
    expect((await ui.host.call('identity', 'whoami', {}, 'verify-wrong-phone')).body.data.villages).toEqual([]);
  });

  it('verifies at once with the roster’s phone number and goes on to 我的', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    const tab = jest.spyOn(Taro, 'switchTab').mockResolvedValue(undefined as never);
    const person = roster[10];
    await newcomerOpens('verify-phone');
    await fill(person);
    await checkByPhone(rosterPhone(10));
    await waitFor(() => expect(tab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '认证成功' }));
    const who = (await ui.host.call('identity', 'whoami', {}, 'verify-phone')).body.data;
    expect(who.villages).toEqual([expect.objectContaining({ villageId: 'yangjia', name: person.name })]);
  });
});
