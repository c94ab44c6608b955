import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { setBoundAccount } from '../people/api';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { identityPolicy } from './policy';

/** New phone or new WeChat: the 监委会 releases the old binding, with a reason on the record. */
export async function rebind(ports: Ports, input: { villageId: string; personId: string; reason: string }): Promise<{ ok: true }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, identityPolicy.rebind);
  const person = await ports.store.collection<PersonDoc>(C.people).get(input.personId);
  if (!person || person.villageId !== input.villageId) throw fail.notFound('本村花名册中没有这个人。');
  if (!person.boundOpenid) throw fail.precondition('这位村民还没有绑定微信，无需换绑。');
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    const current = await tx.get<PersonDoc>(C.people, person._id);
    const old = current?.boundOpenid;
    if (!old) throw fail.precondition('这位村民还没有绑定微信，无需换绑。');
    await tx.remove(C.bindings, `${input.villageId}:${old}`);
    await setBoundAccount(tx, person._id, null);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'identity.rebind',
      target: `person:${person._id}`,
      change: { reason: input.reason, released: old },
      at,
    });
  });
  return { ok: true };
}
