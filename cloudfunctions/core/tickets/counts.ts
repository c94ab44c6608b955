// Each village's public counts: kept on every change (bumpStats), read by villagers and the township.
import type { TicketStats, TownshipTicketRow } from '../../../types/tickets';
import type { Ports } from '../../ports';
import { cmd, type Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { authorize, callerInTownship, callerInVillage } from '../caller/api';
import type { VillageDoc } from '../shared/records';
import { NO_STATS, type StatsDoc } from './model';
import { ticketPolicy } from './policy';
import { nextStats } from './rules';

/** Counts move in the same transaction as the change they count. */
export async function bumpStats(tx: Transaction, villageId: string, change: Partial<typeof NO_STATS>, unanswered = 0): Promise<void> {
  const doc = (await tx.get<StatsDoc>(C.ticketStats, villageId)) ?? { _id: villageId, ...NO_STATS, unanswered: 0 };
  await tx.set(C.ticketStats, villageId, nextStats(doc, change, unanswered));
}

async function statsWithUnanswered(ports: Ports, villageId: string): Promise<{ stats: TicketStats; unanswered: number | null }> {
  const [doc, overdueOpen] = await Promise.all([
    ports.store.collection<StatsDoc>(C.ticketStats).get(villageId),
    ports.store.collection(C.tickets).count({ villageId, overdue: true, state: cmd.in(['open', 'escalated']) }),
  ]);
  const s = { ...NO_STATS, ...(doc ?? {}) };
  const stats = {
    received: s.received,
    answered: s.answered,
    answeredOnTime: s.answeredOnTime,
    closed: s.closed,
    satisfied: s.satisfied,
    rated: s.rated,
    overdueOpen,
  };
  return { stats, unanswered: doc ? (typeof doc.unanswered === 'number' ? doc.unanswered : null) : 0 };
}

/** Public counts per village: no content, no names. */
export async function stats(ports: Ports, input: { villageId: string }): Promise<TicketStats> {
  await callerInVillage(ports, input.villageId);
  return (await statsWithUnanswered(ports, input.villageId)).stats;
}

/** The township's view of every village: the same counts, and how many are still unanswered. */
export async function township(ports: Ports, input: { townshipId: string }): Promise<{ rows: TownshipTicketRow[] }> {
  authorize(await callerInTownship(ports, input.townshipId), ticketPolicy.township);
  const villages = await ports.store.collection<VillageDoc>(C.villages).find({ where: { townshipId: input.townshipId, enabled: true }, limit: 1000 });
  const tickets = ports.store.collection(C.tickets);
  const rows = await Promise.all(
    villages.map(async (v) => {
      const { stats, unanswered } = await statsWithUnanswered(ports, v._id);
      return {
        villageId: v._id,
        villageName: v.name,
        ...stats,
        open: unanswered ?? (await tickets.count({ villageId: v._id, state: cmd.in(['open', 'escalated']) })),
      };
    }),
  );
  return { rows };
}
