import type { LedgerSignatureRule, TownshipSettingsView } from '../../../types/village';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { authorize, callerInTownship, townshipActorOf } from '../caller/api';
import { fail } from '../shared/errors';
import { settingsOf, type TownshipDoc } from './model';
import { settingsPolicy } from './policy';

function viewOf(t: TownshipDoc): TownshipSettingsView {
  const s = settingsOf(t);
  return {
    townshipId: t._id,
    townshipName: t.name,
    ledgerSignatures: s.ledgerSignatures,
    ledgerCloseDay: s.ledgerCloseDay,
    ledgerPublishDay: s.ledgerPublishDay,
    disclosureDueDay: s.disclosureDueDay,
    ticketReplyDays: s.ticketReplyDays,
  };
}

export async function townshipSettings(ports: Ports, input: { townshipId: string }): Promise<TownshipSettingsView> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, settingsPolicy.settings);
  return viewOf(ctx.township);
}

/**
 * The 镇管理员 sets how a village's 民主理财小组 signs its months. It applies from the next
 * signature on, in every village: a month already collecting signatures is counted under the new
 * rule when its next member signs.
 */
export async function updateSettings(ports: Ports, input: { townshipId: string; ledgerSignatures: LedgerSignatureRule }): Promise<TownshipSettingsView> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, settingsPolicy.updateSettings);
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx): Promise<TownshipDoc> => {
    const t = await tx.get<TownshipDoc>(C.townships, input.townshipId);
    if (!t) throw fail.notFound('没有找到这个镇。');
    const before = settingsOf(t).ledgerSignatures;
    if (before === input.ledgerSignatures) return t;
    const settings = { ...t.settings, ledgerSignatures: input.ledgerSignatures };
    await tx.update(C.townships, t._id, { settings });
    await appendAudit(tx, `township:${t._id}`, {
      actor: townshipActorOf(ctx),
      action: 'township.updateSettings',
      target: `township:${t._id}`,
      change: { ledgerSignatures: { from: before, to: input.ledgerSignatures } },
      at,
    });
    return { ...t, settings };
  });
  return viewOf(out);
}
