import type { AuditAction } from '../../../types/audit';
import type { TicketView } from '../../../types/tickets';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage, type CallerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import type { Rule } from '../shared/policy';
import { bumpStats } from './counts';
import { isUnanswered, type TicketDoc } from './model';
import { send, type Outgoing } from './notices';
import { view } from './views';

/**
 * One change to one ticket: read, decide, write and audit in a transaction; tell people outside
 * the app only after it committed. `allowed` lets a caller through the rule for this ticket
 * (a 小事's assignee answering it).
 */
export async function change(
  ports: Ports,
  input: { villageId: string; ticketId: string },
  rule: Rule,
  action: AuditAction,
  apply: (doc: TicketDoc, ctx: CallerInVillage, tx: Transaction, at: string, out: Outgoing) => Promise<Partial<TicketDoc>>,
  allowed: (doc: TicketDoc, ctx: CallerInVillage) => boolean = () => false,
): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  const inRule = rule.allow === 'anyone' || rule.allow.some((r) => ctx.roles.includes(r));
  // Without the role, only someone this very ticket lets through gets past the transaction's first read.
  if (!inRule && !ctx.person) authorize(ctx, rule);
  const at = ports.clock.now().toISOString();
  const outgoing: Outgoing = [];
  const result = await ports.store.transaction(async (tx) => {
    outgoing.length = 0;
    const doc = await tx.get<TicketDoc>(C.tickets, input.ticketId);
    if (!inRule && !(doc && doc.villageId === input.villageId && allowed(doc, ctx))) authorize(ctx, rule);
    if (!doc || doc.villageId !== input.villageId) throw fail.notFound('没有找到这一条。');
    const patch = await apply(doc, ctx, tx, at, outgoing);
    const moved = Number(isUnanswered(patch.state ?? doc.state)) - Number(isUnanswered(doc.state));
    if (moved !== 0) await bumpStats(tx, doc.villageId, {}, moved);
    await tx.update(C.tickets, doc._id, patch);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action, target: `ticket:${doc._id}`, change: patch, at });
    return { ...doc, ...patch };
  });
  await send(ports, outgoing);
  return view(ports, result, { withAsker: true });
}
