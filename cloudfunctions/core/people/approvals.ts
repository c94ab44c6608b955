import type { RosterApprovalItem, RosterApprovalView, RosterImportMode } from '../../../types/roster';
import { RoleLabels } from '../../../types/roles';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInTownship, callerInVillage, type StaffDoc, townshipActorOf } from '../caller/api';
import { fail } from '../shared/errors';
import { CADRES } from '../shared/policy';
import { local } from '../shared/time';
import { putInboxMany } from '../messages/api';
import { affectedBy, affectedDigest, plan, reasonsFor, type RosterFile } from './plan';
import type { ApprovalDoc } from './model';
import { approvalPolicy } from './policy';
import { approvalIdOf, approvalStateOf } from './rules';
import { approvalItem, approvalView, personRef } from './views';

/**
 * The township admin's confirmation of one roster import that a cadre may not make alone (it
 * removes more than a fifth of the roster, an office holder, or the cadre themself). It is bound
 * to the village, the mode, the file's bytes (SHA-256) and exactly who the import affects; it is
 * used up by the import it allows and lapses after APPROVAL_HOURS. Who may ask and decide: policy.ts.
 */

/** Long enough to import after the admin's call, short enough that the roster has not moved on. */
export const APPROVAL_HOURS = 72;
const RECENT_DAYS = 30;
const MODE_NAMES: Record<RosterImportMode, string> = { merge: '补充与更新', replace: '全量替换' };

async function tell(ports: Ports, openids: string[], villageId: string, text: string, at: string, link: string): Promise<void> {
  await putInboxMany(ports.store, openids, { villageId, text, link, at });
}

/** A cadre asks the township to confirm this file, saying why. Nothing is imported yet. */
export async function requestApproval(ports: Ports, input: RosterFile & { mode: RosterImportMode; reason: string }): Promise<RosterApprovalView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, approvalPolicy.requestApproval);
  const p = await plan(ports, ctx, input);
  if (p.errors.length) throw fail.precondition(`文件里还有 ${p.errors.length} 处需要修改，请改好后再请镇里确认。`);
  const me = ctx.person?._id ?? null;
  const reasons = reasonsFor(p, input.mode, me);
  if (!reasons.length) throw fail.precondition('这次导入不需要镇里确认，可以直接导入。');
  const id = approvalIdOf(input.villageId, input.mode, p.fileHash);
  const now = ports.clock.now();
  const at = now.toISOString();
  const digest = affectedDigest(p, input.mode);
  const existing = await ports.store.collection<ApprovalDoc>(C.rosterApprovals).get(id);
  // Already waiting, or confirmed and still good: asking again changes nothing.
  if (existing && (existing.state === 'pending' || approvalStateOf(existing, now, digest) === 'approved')) return approvalView(existing, now, digest);

  const { removing, losingVote } = affectedBy(p, input.mode);
  const role = CADRES.find((r) => ctx.roles.includes(r));
  const doc: Omit<ApprovalDoc, '_id'> = {
    villageId: input.villageId,
    townshipId: p.village.townshipId,
    villageName: p.village.name,
    fileName: input.fileName,
    fileHash: p.fileHash,
    mode: input.mode,
    reasons,
    requestReason: input.reason,
    requestedBy: `${role ? RoleLabels[role] : ''} ${ctx.person?.name ?? ''}`.trim(),
    requestedByOpenid: ctx.openid,
    requestedAt: at,
    rosterSize: [...p.existing.values()].filter((x) => x.inRoster).length,
    fileRows: p.check.rows,
    added: p.added,
    removing: removing.map((x) => personRef(x, me)),
    losingVote: losingVote.map((x) => personRef(x, me)),
    affectedDigest: digest,
    state: 'pending',
    note: null,
    decidedBy: null,
    decidedAt: null,
    expiresAt: null,
    usedAt: null,
  };
  // Who is told is found by a query, which a transaction cannot run: looked up first.
  const admins = (await ports.store.collection<StaffDoc>(C.staff).find({ where: { townshipId: p.village.townshipId }, limit: 200 }))
    .filter((s) => s.roles.includes('township_admin'))
    .map((s) => s.openid);
  await ports.store.transaction(async (tx) => {
    await tx.set(C.rosterApprovals, id, doc);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'roster.requestApproval',
      target: `roster:${input.villageId}`,
      change: {
        approval: id,
        fileHash: p.fileHash,
        mode: input.mode,
        removing: removing.map((x) => x._id),
        losingVote: losingVote.map((x) => x._id),
        reason: input.reason,
      },
      at,
    });
  });
  await tell(
    ports,
    admins,
    input.villageId,
    `${p.village.name}请镇里确认一次花名册导入（${MODE_NAMES[input.mode]}，${reasons[0]}）。请在“花名册导入确认”里查看名单后决定。`,
    at,
    `/packages/township/rosters/index?townshipId=${p.village.townshipId}`,
  );
  return approvalView({ _id: id, ...doc } as ApprovalDoc, now, digest);
}

/** Requests of the township's villages: waiting ones first, then those decided in the last 30 days. */
export async function approvals(ports: Ports, input: { townshipId: string }): Promise<{ approvals: RosterApprovalItem[] }> {
  authorize(await callerInTownship(ports, input.townshipId), approvalPolicy.approvals);
  const now = ports.clock.now();
  const since = new Date(now.getTime() - RECENT_DAYS * 86400000).toISOString();
  const rows = await ports.store
    .collection<ApprovalDoc>(C.rosterApprovals)
    .find({ where: { townshipId: input.townshipId }, orderBy: [['requestedAt', 'desc']], limit: 200 });
  const items = rows.filter((r) => r.state === 'pending' || r.requestedAt >= since).map((r) => approvalItem(r, now));
  return { approvals: [...items.filter((i) => i.state === 'pending'), ...items.filter((i) => i.state !== 'pending')] };
}

/**
 * The township admin confirms (or turns down, saying why) one request, having read who it removes.
 * The village's audit chain records it; the cadre who asked is told.
 */
export async function decideApproval(
  ports: Ports,
  input: { townshipId: string; approvalId: string; approve: boolean; note?: string },
): Promise<RosterApprovalItem> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, approvalPolicy.decideApproval);
  const found = await ports.store.collection<ApprovalDoc>(C.rosterApprovals).get(input.approvalId);
  if (!found || found.townshipId !== input.townshipId) throw fail.notFound('没有找到这条花名册导入申请。');
  if (!input.approve && !input.note) throw fail.invalid('请写明为什么不同意，村里会看到。');
  const now = ports.clock.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + APPROVAL_HOURS * 3600000).toISOString();
  let decided = found;
  await ports.store.transaction(async (tx) => {
    const doc = await tx.get<ApprovalDoc>(C.rosterApprovals, input.approvalId);
    if (doc?.state !== 'pending') throw fail.precondition('这条申请已经处理过了，请刷新后再看。');
    const patch = input.approve
      ? { state: 'approved' as const, note: input.note ?? null, decidedBy: ctx.name, decidedAt: at, expiresAt }
      : { state: 'rejected' as const, note: input.note ?? null, decidedBy: ctx.name, decidedAt: at, expiresAt: null };
    await tx.update(C.rosterApprovals, doc._id, patch);
    await appendAudit(tx, doc.villageId, {
      actor: townshipActorOf(ctx),
      action: input.approve ? 'roster.approveImport' : 'roster.rejectImport',
      target: `roster:${doc.villageId}`,
      change: {
        approval: doc._id,
        fileHash: doc.fileHash,
        mode: doc.mode,
        removing: doc.removing.length,
        losingVote: doc.losingVote.length,
        note: input.note ?? null,
        by: ctx.name,
      },
      at,
    });
    decided = { ...doc, ...patch };
  });
  if (decided.requestedByOpenid) {
    const text = input.approve
      ? `镇管理员${ctx.name ?? ''}已确认${decided.villageName}的花名册导入（${decided.fileName}，${MODE_NAMES[decided.mode]}）。请在 ${local(new Date(expiresAt)).format('M月D日 HH:mm')} 前回到“导入花名册”，重新选择同一个文件导入；确认只能用一次。`
      : `镇管理员没有同意${decided.villageName}的花名册导入（${decided.fileName}）：${input.note}`;
    await tell(ports, [decided.requestedByOpenid], decided.villageId, text, at, `/packages/cadre/roster/index?villageId=${decided.villageId}`);
  }
  return approvalItem(decided, now);
}
