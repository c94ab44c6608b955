import { functionsHost } from '../helpers/host';

const host = functionsHost();

const call = async (action: string, data: unknown, persona?: string) => (await host.call('village', action, data, persona)).body;

describe('一村一码', () => {
  it('draws the village code as a picture a phone can scan, and the poster says who to call and what scanning does', async () => {
    const p = (await call('poster', { villageId: 'yangjia' })).data;
    expect(p).toMatchObject({
      villageName: '杨家村',
      townshipName: '黄升镇',
      supervisor: { name: '杨树林', phoneMasked: '139****7216' },
      // Printed whole on the poster: villagers without smartphones call it from the paper.
      hotline: '139 0543 7216',
      code: 'hs-yangjia',
      actions: expect.arrayContaining(['向村务监督委员会提问、反映问题、提建议（可以匿名）']),
    });
    const img = await fetch(host.url + p.imageUrl);
    expect(img.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await img.arrayBuffer());
    expect(bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe(true);
    expect(bytes.length).toBeGreaterThan(1000);
    // Drawn once: asking again gives the same picture.
    expect((await call('poster', { villageId: 'yangjia' })).data.imageUrl).toBe(p.imageUrl);
  });

  it('reissues a lost poster’s code: the old code lands on the invalid-code page, the new one opens the village', async () => {
    host.clock.advance(3_600_000);
    const issued = await call('issueCode', { villageId: 'dajiang', reason: '公开栏上的码被撕掉了' }, 'township-admin');
    expect(issued.data.code).toMatch(/^dajiang-[2-9a-hjkmnp-z]{6}$/);
    expect((await call('resolveCode', { code: 'hs-dajiang' })).error.code).toBe('FAILED_PRECONDITION');
    expect((await call('resolveCode', { code: issued.data.code })).data).toEqual({ villageId: 'dajiang' });
    const list = (await call('codes', { villageId: 'dajiang' }, 'dajiang-supervisor')).data.codes;
    expect(list.map((c: { code: string; enabled: boolean; reason: string | null }) => [c.code, c.enabled, c.reason])).toEqual([
      [issued.data.code, true, null],
      ['hs-dajiang', false, '公开栏上的码被撕掉了'],
    ]);
    expect((await call('poster', { villageId: 'dajiang' })).data.code).toBe(issued.data.code);
    expect((await call('issueCode', { villageId: 'dajiang', reason: '村里自己换' }, 'dajiang-secretary')).error.code).toBe('PERMISSION_DENIED');
  });

  it('lets the township disable a code without a new one, and print every village’s poster', async () => {
    const off = await call('disableCode', { villageId: 'diquan', code: 'hs-diquan', reason: '村庄合并，暂停使用' }, 'township-admin');
    expect(off.data).toMatchObject({ enabled: false, reason: '村庄合并，暂停使用', imageUrl: null });
    expect((await call('resolveCode', { code: 'hs-diquan' })).error.code).toBe('FAILED_PRECONDITION');
    const all = (await call('posters', { townshipId: 'huangsheng' }, 'township-discipline')).data.posters;
    expect(all.map((p: { villageName: string }) => p.villageName).sort()).toEqual(['堤圈村', '大姜村', '杨家村', '豆腐李村'].sort());
    expect(all.find((p: { villageName: string }) => p.villageName === '堤圈村')).toMatchObject({ code: null, imageUrl: null });
  });
});
