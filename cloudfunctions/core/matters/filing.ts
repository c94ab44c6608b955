import type { MatterSummary, MatterView, StageRecord } from '../../../types/matters';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { authorize, callerInTownship, callerInVillage, townshipActorOf } from '../caller/api';
import { fail } from '../shared/errors';
import type { VillageDoc } from '../shared/records';
import type { MatterDoc } from './model';
import { matterPolicy } from './policy';
import { matterOf } from './read';
import { summaryOf, view } from './views';

/** The township's part: a passed 筹资筹劳 plan waits for 农经 to file it or send it back. */

/** The township reviews and files a passed 筹资筹劳 plan, or returns it with the reason. */
export async function file(ports: Ports, input: { villageId: string; matterId: string; decision: 'approve' | 'return'; reason?: string }): Promise<MatterView> {
  const village = await callerInVillage(ports, input.villageId);
  const ctx = await callerInTownship(ports, village.village.townshipId);
  authorize(ctx, matterPolicy.file);
  if (input.decision === 'return' && !input.reason) throw fail.invalid('退回时请写明原因。');
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx) => {
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    if (doc.status !== 'filing') throw fail.precondition('这个议题没有在等待镇里审核备案。');
    const record: StageRecord = {
      stage: '决议',
      at,
      by: `镇里 ${ctx.name ?? ''}`.trim(),
      record: input.decision === 'approve' ? '镇里审核同意，已备案。' : `镇里退回：${input.reason}`,
    };
    const patch: Partial<MatterDoc> =
      input.decision === 'approve'
        ? { status: 'active', stage: '决议公开', filing: { state: 'approved', reason: null, at }, history: [...doc.history, record] }
        : {
            status: 'stopped',
            stopReason: `镇里审核退回：${input.reason}`,
            filing: { state: 'returned', reason: input.reason ?? null, at },
            history: [...doc.history, record],
          };
    await tx.update(C.matters, doc._id, patch);
    await appendAudit(tx, `township:${ctx.township._id}`, {
      actor: townshipActorOf(ctx),
      action: `matters.file.${input.decision}`,
      target: `matter:${doc._id}`,
      change: { reason: input.reason ?? null },
      at,
    });
    return { ...doc, ...patch };
  });
  return view(ports, out);
}

export async function filings(
  ports: Ports,
  input: { townshipId: string },
): Promise<{ matters: (MatterSummary & { villageId: string; villageName: string })[] }> {
  authorize(await callerInTownship(ports, input.townshipId), matterPolicy.filings);
  const villages = await ports.store.collection<VillageDoc>(C.villages).find({ where: { townshipId: input.townshipId }, limit: 1000 });
  const names = new Map(villages.map((v) => [v._id, v.name]));
  const rows = await ports.store.collection<MatterDoc>(C.matters).find({ where: { status: 'filing' }, orderBy: [['createdAt', 'asc']], limit: 500 });
  return {
    matters: rows.filter((m) => names.has(m.villageId)).map((m) => ({ ...summaryOf(m), villageId: m.villageId, villageName: names.get(m.villageId) ?? '' })),
  };
}
