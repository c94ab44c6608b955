/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { ticketsApi } from '../../src/services/disclosure';
import { setDevPersona } from '../../src/services/dev-persona';
import { ApiCallError } from '../../src/services/transport';
import { pagesOnTestHost } from './fetch-to-host';

const ui = pagesOnTestHost();
const question = { villageId: 'yangjia', subject: { type: 'disclosure' as const, quarter: '2026Q3', itemId: 'huangsheng:1-3' }, text: '党费是怎么上缴的？' };

describe('an action only verified villagers may take offers the way to 认证 where it was tapped', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a not-yet-verified villager with where to go, and the app asks whether to go there now', async () => {
    const res = await ui.host.call('tickets', 'ask', question, 'yangjia-newcomer');
    expect(res.body.error).toEqual({ code: 'PERMISSION_DENIED', message: '请先在“我的”里完成村民身份认证。', next: 'verify' });

    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
    const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never);
    setDevPersona('yangjia-newcomer');
    const refused = await ticketsApi.ask(question).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiCallError);
    expect((refused as ApiCallError).next).toBe('verify');
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要先认证村民身份', confirmText: '去认证' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(go).toHaveBeenCalledWith({ url: '/pages/verify/index?villageId=yangjia' });
  });

  it('asks nothing when the refusal is not about 认证', async () => {
    const modal = jest.spyOn(Taro, 'showModal');
    setDevPersona('yangjia-villager');
    const refused = await ticketsApi.ask({ ...question, text: '短' }).catch((e: unknown) => e);
    expect((refused as ApiCallError).code).toBe('INVALID_ARGUMENT');
    expect(modal).not.toHaveBeenCalled();
  });
});
