/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import Taro from '@tarojs/taro';
import { clientTemplates, NOTICE_TEMPLATES, templateEnvOf } from '../../config/subscribe';
import NoticeReminders from '../../src/components/NoticeReminders';
import AssignedPage from '../../src/packages/cadre/assigned';
import { setDevPersona } from '../../src/services/dev-persona';
import { identityApi } from '../../src/services/identity';
import { pagesOnTestHost } from './fetch-to-host';

/**
 * The 消息提醒 card as a cadre meets it in the mini-program. WeChat is played at Taro's edge:
 * getEnv says WEAPP, requestSubscribeMessage answers as the panel would, getSetting reports the
 * switches. The card's roles come from the real whoami on the test host; the templates are what
 * config/index.ts would build with every SUBSCRIBE_TEMPLATE_<KIND> set.
 */
pagesOnTestHost();
const g = globalThis as { SUBSCRIBE_TEMPLATES?: unknown };
const id = (kind: string) => `tmpl-${kind}`;

let request: jest.SpyInstance;
let answer: (ids: string[]) => Record<string, string>;
let mainSwitch = true;

beforeAll(() => {
  g.SUBSCRIBE_TEMPLATES = clientTemplates(Object.fromEntries(NOTICE_TEMPLATES.map((t) => [templateEnvOf(t.kind), id(t.kind)])));
});
afterAll(() => {
  delete g.SUBSCRIBE_TEMPLATES;
});
beforeEach(() => {
  mainSwitch = true;
  answer = (ids) => Object.fromEntries(ids.map((i) => [i, 'accept']));
  jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP);
  jest
    .spyOn(Taro, 'getSetting')
    .mockImplementation((() => Promise.resolve({ errMsg: 'getSetting:ok', authSetting: {}, subscriptionsSetting: { mainSwitch, itemSettings: {} } })) as never);
  request = jest
    .spyOn(Taro, 'requestSubscribeMessage')
    .mockImplementation(((o: { tmplIds: string[] }) => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...answer(o.tmplIds) })) as never);
  jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve({ errMsg: 'showToast:ok' })) as never);
});
afterEach(() => {
  jest.restoreAllMocks();
});

const card = () => screen.findByLabelText('消息提醒');
const button = (c: HTMLElement, text: string | RegExp) => within(c).getByText(text, { selector: '.nut-button *' });

/**
 * Taps the card's button and returns the template ids that one tap asked for. The request must
 * leave inside the tap itself (WeChat shows no panel otherwise): counted before anything awaits.
 */
async function tap(c: HTMLElement, text: string | RegExp): Promise<string[]> {
  const before = request.mock.calls.length;
  await act(async () => {
    fireEvent.click(button(c, text));
    expect(request).toHaveBeenCalledTimes(before + 1);
  });
  return request.mock.calls[before][0].tmplIds;
}

describe('消息提醒 on a cadre’s page', () => {
  it('asks the 会计 for their templates only from a tap, three at a time, and remembers the answers', async () => {
    setDevPersona('yangjia-accountant');
    const first = render(<NoticeReminders />);
    let c = await card();
    expect(within(c).getByText('未开启')).toBeTruthy();
    for (const label of ['交给您办理的事项', '事项快到答复期限', '账目被质询', '公开内容被退回', '议题待两委商议']) {
      expect(within(c).getByText(`○ ${label}（未开启）`)).toBeTruthy();
    }
    // Township and villager templates are not the 会计's.
    expect(within(c).queryByText(/超期转到镇里|关注的村|开始表决/)).toBeNull();
    expect(within(c).getByText(/每开启一次，每项只能收到一条消息/)).toBeTruthy();
    expect(request).not.toHaveBeenCalled();

    expect(await tap(c, '开启消息提醒')).toEqual([id('ticket.assigned'), id('ticket.due'), id('ledger.queried')]);
    expect(within(c).getByText('部分开启')).toBeTruthy();
    expect(within(c).getByText('✓ 账目被质询')).toBeTruthy();
    expect(within(c).getByText('微信一次最多问三项，还有 2 项，请再点一次。')).toBeTruthy();

    expect(await tap(c, '继续开启（还有 2 项）')).toEqual([id('disclosure.returned'), id('matter.proposed')]);
    expect(within(c).getByText('已开启')).toBeTruthy();
    expect(button(c, '重新开启提醒')).toBeTruthy();
    first.unmount();

    // Opened again later: the phone remembers, and nothing is asked without a tap.
    render(<NoticeReminders />);
    c = await card();
    expect(await within(c).findByText('已开启')).toBeTruthy();
    expect(request).toHaveBeenCalledTimes(2);

    // One message used up an allowance: 重新开启提醒 asks again, the longest-asked first.
    expect(await tap(c, '重新开启提醒')).toEqual([id('ticket.assigned'), id('ticket.due'), id('ledger.queried')]);
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已开启提醒' }));
    expect(await tap(c, '重新开启提醒')).toEqual([id('disclosure.returned'), id('matter.proposed')]);
  });

  it('shows what was refused as not on, and still offers to ask again', async () => {
    setDevPersona('yangjia-supervisor');
    answer = (ids) => Object.fromEntries(ids.map((i) => [i, i === id('ticket.due') ? 'reject' : 'accept']));
    render(<NoticeReminders />);
    const c = await card();
    // The 监委会 receives two: handed-over 小事 and due reminders.
    expect(await tap(c, '开启消息提醒')).toEqual([id('ticket.assigned'), id('ticket.due')]);
    expect(within(c).getByText('部分开启')).toBeTruthy();
    expect(within(c).getByText('○ 事项快到答复期限（未开启）')).toBeTruthy();
    expect(button(c, '重新开启提醒')).toBeTruthy();
  });

  it('asks township staff for what reaches the township, and says where to switch messages back on', async () => {
    setDevPersona('township-admin');
    mainSwitch = false;
    render(<NoticeReminders />);
    const c = await card();
    expect(await within(c).findByText(/您在微信里关掉了本小程序的消息/)).toBeTruthy();
    expect(await tap(c, '开启消息提醒')).toEqual([id('ticket.overdue'), id('ticket.escalated')]);
  });

  it('sits on the cadre’s own page, above the page’s work', async () => {
    setDevPersona('yangjia-director');
    (Current as { router: unknown }).router = { params: { villageId: 'yangjia' }, path: '/packages/cadre/assigned/index' };
    render(<AssignedPage />);
    const c = await card();
    expect(await screen.findByText('没有交给您办理的事项')).toBeTruthy();
    expect(c.compareDocumentPosition(screen.getByText('没有交给您办理的事项')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The 村委会主任 also hears of returned drafts and proposals for 商议: four, so two taps.
    expect(await tap(c, '开启消息提醒')).toEqual([id('ticket.assigned'), id('ticket.due'), id('disclosure.returned')]);
    expect(await tap(c, '继续开启（还有 1 项）')).toEqual([id('matter.proposed')]);
  });

  it('shows nothing to a villager, nor outside the mini-program', async () => {
    setDevPersona('yangjia-villager');
    const whoami = jest.spyOn(identityApi, 'whoami');
    const villager = render(<NoticeReminders />);
    // whoami answers, and the card still has nothing to ask a villager for.
    await waitFor(() => expect(whoami).toHaveBeenCalledTimes(1));
    await act(async () => {
      expect((await whoami.mock.results[0].value).villages[0].roles).toContain('villager');
    });
    expect(villager.container.innerHTML).toBe('');
    villager.unmount();

    (Taro.getEnv as unknown as jest.SpyInstance).mockReturnValue(Taro.ENV_TYPE.WEB);
    setDevPersona('yangjia-accountant');
    const web = render(<NoticeReminders roles={['accountant']} />);
    expect(web.container.innerHTML).toBe('');
    expect(request).not.toHaveBeenCalled();
  });
});
