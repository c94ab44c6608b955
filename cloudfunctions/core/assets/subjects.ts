import type { Ports } from '../../ports';
import { C } from '../collections';
import type { AssetDoc, ContractDoc, ResourceDoc } from './model';
import { contractTitle } from './rules';

// What a villager's question (码上监督) about a register entry or a contract is titled. Tickets
// ask here rather than read the registers: the assets capability knows which village owns what.

/**
 * The title of an asset or piece of land (`asset`: either register, their ids never collide) or a
 * contract of this village, as the 监委会 reads it; null when there is none of this village's by
 * that id, so a question never names another village's record.
 */
export async function subjectTitle(ports: Ports, villageId: string, type: 'asset' | 'contract', id: string): Promise<string | null> {
  if (type === 'asset') {
    const asset = await ports.store.collection<AssetDoc>(C.assets).get(id);
    const entry = asset ?? (await ports.store.collection<ResourceDoc>(C.resources).get(id));
    return entry && entry.villageId === villageId ? entry.name : null;
  }
  const c = await ports.store.collection<ContractDoc>(C.contracts).get(id);
  if (!c || c.villageId !== villageId) return null;
  const subject = await ports.store.collection<AssetDoc | ResourceDoc>(c.subject.type === 'asset' ? C.assets : C.resources).get(c.subject.id);
  return contractTitle(subject?.name ?? '（已删除）', c.kind, c.counterparty.name);
}
