import type { MatterView, StageRecord } from '../../../types/matters';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { publishAdhoc } from '../disclosure/api';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { announcePublication } from '../messages/api';
import { fail } from '../shared/errors';
import { quarterKey, quarterOf } from '../shared/time';
import type { MatterDoc } from './model';
import { BRANCH, matterPolicy } from './policy';
import { matterOf, meetingsOf } from './read';
import { byline, nextStage } from './rules';
import { publicationBody, view } from './views';

/**
 * 决议公开, then 实施结果公开: each a published item of the quarter (专项公开), with the same
 * versions, digest and hash chain as every disclosure. Publishing again after the end is a
 * correction: a new version with its reason.
 */
export async function publish(ports: Ports, input: { villageId: string; matterId: string; text: string; reason?: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, matterPolicy.publish);
  const now = ports.clock.now();
  const at = now.toISOString();
  const current = await matterOf(null, ports, input.villageId, input.matterId);
  const meetings = await meetingsOf(ports, current);
  const { out, announce, quarter } = await ports.store.transaction(async (tx) => {
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    const correcting = doc.status === 'done';
    if (!correcting && (doc.status !== 'active' || (doc.stage !== '决议公开' && doc.stage !== '实施结果公开'))) {
      throw fail.precondition(doc.status === 'filing' ? '筹资筹劳方案要等镇里审核备案后才能公开决议。' : `这个议题现在在“${doc.stage}”阶段，还不能公开。`);
    }
    if (correcting && !input.reason) throw fail.invalid('更正已公开的实施结果时，请写明更正原因。');
    const which = correcting || doc.stage === '实施结果公开' ? 'outcome' : 'resolution';
    const ref = doc[which];
    const quarter = ref?.quarter ?? quarterKey(quarterOf(now));
    const itemId = ref?.itemId ?? `adhoc-m${doc._id}-${which === 'resolution' ? '1' : '2'}`;
    const content = {
      title: `${which === 'resolution' ? '一事一议决议公开' : '一事一议实施结果公开'}：${doc.title}`,
      body: publicationBody(doc, meetings, input.text),
      amountFen: doc.funding?.budgetFen ?? null,
      attachments: [],
    };
    // The item and its versions are disclosure's: it creates or replaces the ad hoc item and publishes it.
    const published = await publishAdhoc(tx, {
      village: ctx.village,
      quarter,
      itemId,
      category: doc.funding ? '资金' : '村务',
      content,
      reason: input.reason ?? null,
      actor: actorOf(ctx),
      now,
    });
    const pub = { quarter, itemId, version: published.version };
    const record: StageRecord = {
      stage: which === 'resolution' ? '决议公开' : '实施结果公开',
      at,
      by: byline(ctx, BRANCH),
      record: correcting ? `更正（第 ${pub.version} 版）：${input.reason}` : input.text,
    };
    const patch: Partial<MatterDoc> = correcting
      ? { outcome: pub, history: [...doc.history, record] }
      : which === 'resolution'
        ? { resolution: pub, stage: nextStage(doc.stage), history: [...doc.history, record] }
        : { outcome: pub, status: 'done', history: [...doc.history, record] };
    await tx.update(C.matters, doc._id, patch);
    const out: MatterDoc = { ...doc, ...patch };
    // `quarter` is where the item was just published: the announcement names that quarter.
    return { out, announce: published.announce, quarter };
  });
  if (announce) await announcePublication(ports, ctx.village, quarter);
  return view(ports, out);
}
