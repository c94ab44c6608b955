import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { authorize, callerInTownship, callerInVillage, townshipActorOf } from '../caller/api';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import { askerOf, type AskerDoc } from './model';
import { ticketPolicy } from './policy';

/** Who filed a ticket: for the township discipline admin, with a reason, on the township's audit chain. */
export async function reveal(
  ports: Ports,
  input: { villageId: string; ticketId: string; reason: string },
): Promise<{ name: string | null; verified: boolean }> {
  const village = await callerInVillage(ports, input.villageId);
  const ctx = await callerInTownship(ports, village.village.townshipId);
  authorize(ctx, ticketPolicy.reveal);
  const stored = await ports.store.collection<AskerDoc>(C.ticketAskers).get(input.ticketId);
  if (!stored || stored.villageId !== input.villageId) throw fail.notFound('没有找到这一条。');
  const asker = askerOf(ports.idKey, stored);
  await ports.store.transaction(async (tx) => {
    await appendAudit(tx, `township:${ctx.township._id}`, {
      actor: townshipActorOf(ctx),
      action: 'tickets.reveal',
      target: `ticket:${input.ticketId}`,
      change: { reason: input.reason },
      at: ports.clock.now().toISOString(),
    });
  });
  const person = asker.personId ? await ports.store.collection<PersonDoc>(C.people).get(asker.personId) : null;
  return { name: person?.name ?? null, verified: person !== null };
}
