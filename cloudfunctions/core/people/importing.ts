// 导入花名册: preview what a file would do, then import it.
import type { RosterApprovalView, RosterImportMode, RosterImportResult, RosterModeCheck, RosterPreview } from '../../../types/roster';
import type { Ports } from '../../ports';
import { isStoreError } from '../../ports/docstore';
import { inParallel } from '../shared/parallel';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import { dropIncoming } from '../attachments/api';
import type { ApprovalDoc, PersonDoc } from './model';
import type { PersonDraft } from './roster';
import { confirmationMatches, townshipRefusal } from './guard';
import { onOtherRosters, refreshOverlaps, type OtherRecord, type OwnRecord } from './cross-village';
import { affectedBy, affectedDigest, plan, reasonsFor, type Plan, type RosterFile } from './plan';
import { rosterPolicy } from './policy';
import { approvalIdOf, approvalStateOf, changedBy, importPatch } from './rules';
import { approvalView, personRef } from './views';

const NEWCOMER_BATCH = 500;
/** People named in a preview's list of those not in the file: beyond this, the count says the rest. */
const NAMED_IN_PREVIEW = 1000;

async function modeCheck(ports: Ports, p: Plan, mode: RosterImportMode, callerId: string | null): Promise<RosterModeCheck> {
  const reasons = reasonsFor(p, mode, callerId);
  const doc = reasons.length ? await ports.store.collection<ApprovalDoc>(C.rosterApprovals).get(approvalIdOf(p.village._id, mode, p.fileHash)) : null;
  const removing = affectedBy(p, mode).removing.length;
  return {
    needsTownship: reasons.length ? townshipRefusal(reasons) : null,
    approval: doc ? approvalView(doc, ports.clock.now(), affectedDigest(p, mode)) : null,
    confirmText: removing > 0 ? String(removing) : null,
  };
}

/** Checks a roster file and says what importing it would do in either mode. Writes nothing. */
export async function previewImport(ports: Ports, input: RosterFile): Promise<RosterPreview> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, rosterPolicy.previewImport);
  const p = await plan(ports, ctx, input);
  const me = ctx.person?._id ?? null;
  return {
    total: p.check.rows,
    errors: p.errors,
    notes: p.check.notes,
    headerRow: p.check.headerRow,
    columns: p.check.columns,
    hasHukou: p.check.hasHukou,
    added: p.added,
    updated: p.updated,
    unchanged: p.unchanged,
    notListed: p.notListed.length,
    notListedPeople: p.notListed.slice(0, NAMED_IN_PREVIEW).map((x) => personRef(x, me)),
    losingVote: p.losingVote.map((x) => personRef(x, me)),
    crossVillage: p.crossVillage,
    modes: {
      merge: await modeCheck(ports, p, 'merge', me),
      replace: await modeCheck(ports, p, 'replace', me),
    },
  };
}

const APPROVAL_STATE_HINT: Partial<Record<RosterApprovalView['state'], string>> = {
  pending: '已经请镇里确认了，请等镇管理员处理。',
  rejected: '镇管理员没有同意这次导入。',
  used: '镇里的确认已经用过一次，每次确认只能导入一次。',
  expired: '镇里的确认已经过期，请重新申请。',
  changed: '镇里确认之后花名册又有了变化，要移出的人和确认时不一样了，请重新申请。',
};

/**
 * Imports a roster: any bad row and nothing is written. People are matched by their hashed ID
 * number, so importing again updates rather than duplicates.
 *
 * 补充与更新 (the default) adds and updates and removes nobody. 全量替换 takes off the roster
 * whoever the file does not list, after the cadre types how many that is. Either mode is refused,
 * naming the people, when it would remove (or take out of this village's votes) more than a fifth
 * of the roster, anyone holding an office, or the caller — unless the township admin approved this
 * very file for this village and mode (requestApproval / decideApproval), once, within its time.
 *
 * A village of 3,000 is 3,000 writes, which no single transaction holds within a call's time
 * on CloudBase. So the audit record of the whole import is written first (and an approval is
 * used up with it), then every person is written on its own, several at a time. Each write sets
 * what the file says and nothing else (roles and bindings stay as they are at that moment), so a
 * call cut short is completed by importing the same file again, and the record already covers it.
 */
export async function commitImport(ports: Ports, input: RosterFile & { mode?: RosterImportMode; confirm?: string }): Promise<RosterImportResult> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, rosterPolicy.commitImport);
  const mode = input.mode ?? 'merge';
  const p = await plan(ports, ctx, input);
  if (p.errors.length) {
    throw fail.precondition(`有 ${p.errors.length} 处需要修改，本次没有导入任何人。请按预览中的提示改好后重新导入。`);
  }
  const me = ctx.person?._id ?? null;
  const now = ports.clock.now();
  const { removing, losingVote } = affectedBy(p, mode);
  const reasons = reasonsFor(p, mode, me);
  const approvalId = approvalIdOf(input.villageId, mode, p.fileHash);
  const digest = affectedDigest(p, mode);
  if (reasons.length) {
    const doc = await ports.store.collection<ApprovalDoc>(C.rosterApprovals).get(approvalId);
    const state = doc ? approvalStateOf(doc, now, digest) : null;
    if (state !== 'approved') throw fail.precondition(`${townshipRefusal(reasons)}${state ? (APPROVAL_STATE_HINT[state] ?? '') : ''}`);
  }
  if (mode === 'replace' && !confirmationMatches(input.confirm, removing.length)) {
    throw fail.precondition(`全量替换会把 ${removing.length} 人移出花名册。为防止误删，请在确认框里输入要移出的人数“${removing.length}”，再点导入。`);
  }
  const at = now.toISOString();
  await ports.store.transaction(async (tx) => {
    if (reasons.length) {
      // Used up with the import's own record: two imports cannot share one approval.
      const doc = await tx.get<ApprovalDoc>(C.rosterApprovals, approvalId);
      if (!doc || approvalStateOf(doc, now, digest) !== 'approved') throw fail.precondition(`${townshipRefusal(reasons)}${APPROVAL_STATE_HINT.used}`);
      await tx.update(C.rosterApprovals, approvalId, { state: 'used', usedAt: at });
    }
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'roster.commitImport',
      target: `roster:${input.villageId}`,
      change: {
        file: input.fileName,
        fileHash: p.fileHash,
        mode,
        people: p.drafts.map((d) => d._id),
        removed: removing.map((r) => r._id),
        losingVote: losingVote.map((r) => r._id),
        ...(reasons.length ? { approval: approvalId } : {}),
      },
      at,
    });
  });
  const people = ports.store.collection<PersonDoc>(C.people);
  const writes = p.drafts.filter((d) => {
    const before = p.existing.get(d._id);
    return !before || changedBy(before, d);
  });
  const patchOf = (d: PersonDraft) => importPatch(d, at);
  // Newcomers go in a hundred to a request; people already known are updated one by one.
  const newcomers = writes.filter((d) => !p.existing.has(d._id));
  for (let i = 0; i < newcomers.length; i += NEWCOMER_BATCH) {
    const batch = newcomers.slice(i, i + NEWCOMER_BATCH);
    try {
      await people.addMany(batch.map((d) => ({ _id: d._id, ...patchOf(d), assignedRoles: [], boundOpenid: null }) as PersonDoc));
    } catch (e) {
      // Some were written by an earlier, cut-short run of this import: place them one by one.
      if (!isStoreError(e, 'CONFLICT')) throw e;
      await inParallel(batch, async (d) => {
        if (!(await people.update(d._id, patchOf(d)))) await people.add({ _id: d._id, ...patchOf(d), assignedRoles: [], boundOpenid: null } as PersonDoc);
      });
    }
  }
  await inParallel(
    writes.filter((d) => p.existing.has(d._id)),
    (d) => people.update(d._id, patchOf(d)),
  );
  await inParallel(removing, (gone) => people.update(gone._id, { inRoster: false, importedAt: at }));

  // The township's list of people on two rosters follows this roster as it now stands.
  const touched = new Map<string, { own: OwnRecord | null; others: OtherRecord[] }>();
  for (const d of p.drafts) {
    const others = p.others.get(d.idHash);
    if (others) touched.set(d.idHash, { own: { name: d.name, idMasked: d.idMasked, hukouHere: p.hukouAfter(d) }, others });
  }
  const leftOthers = await onOtherRosters(
    ports,
    p.village,
    removing.map((r) => r.idHash),
  );
  for (const [hash, others] of leftOthers) touched.set(hash, { own: null, others });
  await refreshOverlaps(ports, p.village, touched);

  // Only now: a run cut short is completed by importing the same upload again.
  await dropIncoming(ports, input.fileId);
  return { imported: p.drafts.length, added: p.added, updated: p.updated, removed: removing.length, mode };
}
