import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { functionsHost } from '../helpers/host';

// Playing a 监委会 member who wants a household of another village: 我家 is looked at only within
// the member's own village, and a refused look leaves no trace for anyone to be told of.

const host = functionsHost();
const SUP = 'yangjia-supervisor';

describe('我家 across villages', () => {
  it('refuses a 监委会 member another village’s household, by its person id or by naming that village, writing nothing', async () => {
    const [other] = await host.store.collection<PersonDoc>('people').find({ where: { villageId: 'doufuli', inRoster: true }, limit: 1 });
    expect(other).toBeDefined();
    const audit = await host.store.collection('audit').count();
    const inbox = await host.store.collection('inbox').count();
    const reason = '核对村民对补贴发放的投诉';
    const viaOwnVillage = await host.call('household', 'inspect', { villageId: 'yangjia', personId: other._id, reason }, SUP);
    expect(viaOwnVillage.body.error.code).toBe('NOT_FOUND');
    const viaTheirs = await host.call('household', 'inspect', { villageId: 'doufuli', personId: other._id, reason }, SUP);
    expect(viaTheirs.body.error.code).toBe('PERMISSION_DENIED');
    expect(JSON.stringify([viaOwnVillage.body, viaTheirs.body])).not.toContain(other.name);
    expect(await host.store.collection('audit').count()).toBe(audit);
    expect(await host.store.collection('inbox').count()).toBe(inbox);
  });
});
