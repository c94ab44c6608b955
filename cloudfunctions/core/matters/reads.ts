import type { MatterSummary, MatterView } from '../../../types/matters';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { callerInVillage } from '../caller/api';
import type { MatterDoc } from './model';
import { matterOf } from './read';
import { summaryOf, view } from './views';

export async function list(ports: Ports, input: { villageId: string }): Promise<{ matters: MatterSummary[] }> {
  await callerInVillage(ports, input.villageId);
  const rows = await ports.store.collection<MatterDoc>(C.matters).find({ where: { villageId: input.villageId }, orderBy: [['createdAt', 'desc']], limit: 200 });
  return { matters: rows.map(summaryOf) };
}

export async function get(ports: Ports, input: { villageId: string; matterId: string }): Promise<MatterView> {
  await callerInVillage(ports, input.villageId);
  return view(ports, await matterOf(null, ports, input.villageId, input.matterId));
}
