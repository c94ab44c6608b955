import type { DraftView } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { announcePublication, type Outgoing, sendAll } from '../messages/api';
import { fail } from '../shared/errors';
import { draftedItem } from './drafting';
import { itemKeyOf, type ItemDoc } from './model';
import { draftingPolicy } from './policy';
import { publishVersion } from './publishing';
import { tellOfReturn } from './returned';
import { draftView as view } from './views';

/**
 * The 监委会 approves or returns with a reason. Approving publishes: a new immutable version,
 * whose content digest joins the village's audit chain in the same transaction, and the
 * quarter's totals move with it.
 */
export async function review(
  ports: Ports,
  input: { villageId: string; quarter: string; itemId: string; decision: 'approve' | 'return'; reason?: string },
): Promise<DraftView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, draftingPolicy.review);
  if (input.decision === 'return' && !input.reason) throw fail.invalid('退回时请写明原因，方便村干部修改。');
  const key = itemKeyOf(input);
  const now = ports.clock.now();
  const at = now.toISOString();
  const told: Outgoing = [];
  const { out, announce } = await ports.store.transaction(async (tx): Promise<{ out: ItemDoc; announce: boolean }> => {
    told.length = 0;
    const item = await draftedItem(tx, key);
    if (item.state !== 'submitted') throw fail.precondition('这一项没有在等待审核。');
    if (input.decision === 'return') {
      const patch = { state: 'returned' as const, returnReason: input.reason ?? null };
      await tx.update(C.disclosureItems, key, patch);
      await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.return', target: `item:${key}`, change: patch, at });
      await tellOfReturn(tx, item, input.reason ?? '', ctx.person?._id ?? null, at, told);
      return { out: { ...item, ...patch }, announce: false };
    }
    const published = await publishVersion(tx, {
      village: ctx.village,
      item,
      content: { ...item.draft, attachments: item.draft.attachments ?? [] },
      reason: item.correctionReason,
      actor: actorOf(ctx),
      now,
    });
    return { out: { ...item, ...published.patch }, announce: published.announce };
  });
  await sendAll(ports, told);
  if (announce) await announcePublication(ports, ctx.village, input.quarter);
  return view(ports, out);
}
