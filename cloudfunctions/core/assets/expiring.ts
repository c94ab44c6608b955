import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import type { ContractDoc } from './model';

/**
 * The village's live contracts that end within [from, to] (calendar days): the 明白账 (core/plain)
 * tells villagers which leases come up next quarter, before the 两委 decide on them.
 */
export async function contractsEnding(ports: Ports, villageId: string, from: string, to: string): Promise<{ contractId: string; endOn: string }[]> {
  const docs = await ports.store.collection<ContractDoc>(C.contracts).find({
    where: { villageId, status: 'active', endOn: [cmd.gte(from), cmd.lte(to)] },
    orderBy: [['endOn', 'asc']],
    limit: 500,
  });
  return docs.map((d) => ({ contractId: d._id, endOn: d.endOn }));
}
