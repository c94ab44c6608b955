import { landWithContract } from '../helpers/assets';
import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

// 问一问 on the 三资 registers: a villager's question names an asset, a piece of land or a
// contract of their own village, and reaches the 监委会 titled as the village page names it.
const host = functionsHost();

const ask = (villageId: string, subject: unknown, persona = 'yangjia-villager') =>
  host.call('tickets', 'ask', { villageId, subject, text: '这份合同的租金交了没有？' }, persona);

// Land let to the one who had it before, renewed by the representatives' decision.
function landLetTo(villageId: string, name: string, counterparty: string) {
  return landWithContract(
    host,
    { villageId, name, landKind: 'arable', areaMu100: 2000, location: '村西', state: 'uncontracted' },
    {
      kind: 'outsource',
      counterparty: { name: counterparty, personId: null },
      startOn: '2026-01-01',
      endOn: '2030-12-31',
      priceFenPerYear: 1_000_000,
      schedule: 'yearly',
      depositFen: 0,
      award: { method: 'negotiated', reason: '原承包户续包，村民代表会议同意' },
      decision: { kind: 'meeting', body: 'representatives', date: '2025-12-20', note: '同意续包五年' },
    },
  );
}

describe('a question about the 三资', () => {
  it('names a contract of the village by its title and links to it on the village page', async () => {
    const { land, contract } = await landLetTo('yangjia', '西河滩耕地', '杨德福');
    const asked = await ask('yangjia', { type: 'contract', id: contract.id });
    expect(asked.body.data).toMatchObject({
      subject: { type: 'contract', id: contract.id, title: '西河滩耕地的发包合同（杨德福）' },
      link: `/pages/assets/index?villageId=yangjia&contractId=${contract.id}`,
    });
    const queue = await host.ok('tickets', 'queue', { villageId: 'yangjia' }, 'yangjia-supervisor');
    expect(queue.tickets.find((t: { id: string }) => t.id === asked.body.data.id).subject.title).toBe('西河滩耕地的发包合同（杨德福）');

    const about = await ask('yangjia', { type: 'asset', id: land.id });
    expect(about.body.data).toMatchObject({
      subject: { type: 'asset', title: '西河滩耕地' },
      link: `/pages/assets/index?villageId=yangjia&assetId=${land.id}`,
    });
  });

  it('refuses another village’s contract or land, and an id that names nothing, writing nothing', async () => {
    const { land, contract } = await landLetTo('doufuli', '豆腐李东洼地', '李成');
    const before = storeDigest(host.store);
    for (const subject of [
      { type: 'contract', id: contract.id },
      { type: 'asset', id: land.id },
      { type: 'contract', id: '0123456789abcdef0123' },
    ]) {
      const res = await ask('yangjia', subject);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(res.body.error.message).toMatch(/^没有找到这(份合同|项资产或资源)。$/);
    }
    const bad = await ask('yangjia', { type: 'contract', id: contract.id, title: '随便写的标题' });
    expect(bad.body.error.code).toBe('INVALID_ARGUMENT');
    expect(storeDigest(host.store)).toBe(before);
  });
});
