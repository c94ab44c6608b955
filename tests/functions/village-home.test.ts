import { DEMO_DISABLED_CODE, DEMO_VILLAGES } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

const CHINESE = /[\u4e00-\u9fa5]/;

const host = functionsHost();

/** Runs a call and asserts it wrote nothing: opening the home is a read. */
async function callReadOnly(action: string, data?: unknown, persona?: string) {
  const before = storeDigest(host.store);
  const res = await host.call('village', action, data, persona);
  expect(storeDigest(host.store)).toBe(before);
  return res;
}

/** What the home used to gather in three calls across two functions. */
async function threeCalls(code: string, persona?: string) {
  const { villageId } = (await host.call('village', 'resolveCode', { code }, persona)).body.data;
  const village = (await host.call('village', 'get', { villageId }, persona)).body.data;
  const disclosed = (await host.call('disclosure', 'quarter', { villageId, quarter: village.quarter.key }, persona)).body.data;
  return { village, disclosed };
}

describe('village.home', () => {
  it.each(DEMO_VILLAGES.map((d) => [d.village.name, d.code]))(
    'answers a scan of %s with what resolveCode, get and disclosure.quarter gave, in one call',
    async (_name, code) => {
      const res = await callReadOnly('home', { code });
      expect(res.body.ok).toBe(true);
      expect(res.body.data).toEqual(await threeCalls(code));
    },
  );

  it('opens on the reporting quarter with its entries: 2026-11-23 is the third quarter, all 24 out in 豆腐李村', async () => {
    const { village, disclosed } = (await callReadOnly('home', { code: 'hs-doufuli' })).body.data;
    expect(village).toMatchObject({ id: 'doufuli', name: '豆腐李村', quarter: { key: '2026Q3', publishedCount: 24, requiredCount: 24 } });
    expect(disclosed).toMatchObject({ quarter: '2026Q3', label: '2026年第三季度' });
    expect(disclosed.entries.map((e: { publishedTitle: string | null }) => e.publishedTitle)).toContain('2026年第三季度党费收缴与使用');
  });

  it('opens the village the phone remembers by its id, as get and disclosure.quarter would', async () => {
    const res = await callReadOnly('home', { villageId: 'yangjia' });
    expect(res.body.data).toEqual(await threeCalls('hs-yangjia'));
  });

  it('gives a signed-in villager the quarter as disclosure.quarter gives it to them (their own rating included)', async () => {
    const persona = 'yangjia-villager';
    const rated = await host.call('disclosure', 'rate', { villageId: 'yangjia', quarter: '2026Q3', rating: '满意' }, persona);
    expect(rated.body.ok).toBe(true);
    const before = await threeCalls('hs-yangjia', persona);
    const res = await callReadOnly('home', { code: 'hs-yangjia' }, persona);
    expect(res.body.data).toEqual(before);
    expect(res.body.data.disclosed.myRating).toBe('满意');
  });

  it('leaves the entries out when asked to, for the simple home of 长辈模式', async () => {
    const res = await callReadOnly('home', { villageId: 'dajiang', entries: false });
    expect(res.body.data.disclosed).toBeNull();
    expect(res.body.data.village.quarter.key).toBe('2026Q3');
  });

  it('shows the 监委会主任 with a masked phone only', async () => {
    const res = await callReadOnly('home', { code: 'hs-yangjia' });
    expect(res.body.data.village.supervisor).toEqual({ name: '杨树林', phoneMasked: '139****7216' });
    expect(JSON.stringify(res.body)).not.toContain('13905437216');
  });

  it('answers an unknown code as resolveCode does: NOT_FOUND, with the invalid-code message', async () => {
    const res = await callReadOnly('home', { code: 'nope' });
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toContain('二维码无效或已停用');
  });

  it('refuses a withdrawn code with the invalid-code message', async () => {
    const res = await callReadOnly('home', { code: DEMO_DISABLED_CODE });
    expect(res.body.error.code).toBe('FAILED_PRECONDITION');
    expect(res.body.error.message).toContain('二维码无效或已停用');
  });

  it('answers NOT_FOUND for a remembered village that no longer exists', async () => {
    const res = await callReadOnly('home', { villageId: 'vanished' });
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toMatch(CHINESE);
  });

  it.each([
    ['neither a code nor a village', {}],
    ['both a code and a village', { code: 'hs-yangjia', villageId: 'yangjia' }],
    ['a malformed code', { code: '{"$gt":""}' }],
    ['entries that are not yes/no', { code: 'hs-yangjia', entries: 'yes' }],
  ])('rejects %s as INVALID_ARGUMENT, in Chinese, writing nothing', async (_why, data) => {
    const res = await callReadOnly('home', data);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toMatch(CHINESE);
  });

  it('rejects fields it does not know, naming them', async () => {
    const res = await callReadOnly('home', { code: 'hs-yangjia', quarter: '2026Q3' });
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toContain('quarter');
  });
});
