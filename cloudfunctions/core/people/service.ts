import type {
  RosterApprovalView,
  RosterCrossVillage,
  RosterImportMode,
  RosterImportResult,
  RosterList,
  RosterModeCheck,
  RosterPersonRef,
  RosterPreview,
} from '../../../types/roster';
import type { Ports } from '../../ports';
import { isStoreError, readAll } from '../../ports/docstore';
import { inParallel } from '../shared/parallel';
import { appendAudit } from '../audit/chain';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage, type CallerInVillage } from '../identity/context';
import { AppError, fail } from '../shared/errors';
import { sha256 } from '../shared/digest';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';
import type { VillageDoc } from '../village/model';
import { hukouHere, nameKey, type PersonDoc } from './model';
import { checkRoster, ROSTER_COLUMNS, type PersonDraft, type RosterCheck } from './roster';
import { confirmationMatches, townshipReasons, townshipRefusal, type AffectedPerson } from './guard';
import { onOtherRosters, refreshOverlaps, type OtherRecord, type OwnRecord } from './cross-village';
import { readSheet, SheetError } from '../sheets/api';
import { dropIncoming, takeIncoming } from '../attachments/incoming';

export const rosterPolicy = {
  previewImport: { allow: CADRES, scope: 'village' },
  commitImport: { allow: CADRES, scope: 'village' },
  // The township admin needs the list to give village roles.
  list: { allow: [...CADRES, ...SUPERVISORS, 'township_admin'], scope: 'village' },
} satisfies Record<string, Rule>;

const LIST_PAGE_SIZE = 50;
const NEWCOMER_BATCH = 500;
/** People named in a preview's list of those not in the file: beyond this, the count says the rest. */
const NAMED_IN_PREVIEW = 1000;

async function allPeople(ports: Ports, villageId: string): Promise<Map<string, PersonDoc>> {
  const all = await readAll(ports.store.collection<PersonDoc>(C.people), { where: { villageId } });
  return new Map(all.map((p) => [p._id, p]));
}

/** The fields an import sets; roles and account bindings survive a re-import. */
const IMPORTED_FIELDS: (keyof PersonDraft)[] = [
  'name', 'nameKey', 'gender', 'idMasked', 'sealed', 'householdNo', 'relation',
  'isHouseholdHead', 'group', 'phoneMasked', 'phoneHash', 'partyMember', 'representative', 'lowIncome', 'activeSoldier',
];
/** Set only by a file that has a 户籍 column: without one, an import leaves 户籍 as it was. */
const HUKOU_FIELDS: (keyof PersonDraft)[] = ['hukouHere', 'hukouPlace'];

/** 户籍 as a record written before the column existed reads it: here, no place named. */
const hukouValue = (p: Partial<PersonDraft>, f: keyof PersonDraft) => (f === 'hukouHere' ? p.hukouHere !== false : (p.hukouPlace ?? null));

function changed(before: PersonDoc, after: PersonDraft): boolean {
  return (
    !before.inRoster ||
    IMPORTED_FIELDS.some((f) => before[f] !== after[f]) ||
    HUKOU_FIELDS.some((f) => after[f] !== undefined && hukouValue(before, f) !== hukouValue(after, f))
  );
}

export type RosterFile = { villageId: string; fileName: string; fileId: string };

export interface Plan {
  village: VillageDoc;
  /** SHA-256 of the file's bytes: what a township approval is bound to. */
  fileHash: string;
  check: RosterCheck;
  errors: RosterPreview['errors'];
  drafts: PersonDraft[];
  existing: Map<string, PersonDoc>;
  added: number;
  updated: number;
  unchanged: number;
  /** On the roster, not in the file: what 全量替换 would remove. */
  notListed: PersonDoc[];
  /** Staying, with their 户籍 moving elsewhere: no more vote in this village's 村民会议. */
  losingVote: PersonDoc[];
  /** The file's people that are on other rosters of the township, by ID hash. */
  others: Map<string, OtherRecord[]>;
  crossVillage: RosterCrossVillage[];
  /** Where a draft's 户籍 will be after the import (the file's, or as it was). */
  hukouAfter(d: PersonDraft): boolean;
}

/**
 * Reads and checks the file and says what importing it would do. Also checks the one-village
 * rule: a person whose 户籍 another village of the township already holds cannot be put here
 * with 户籍 here too, or they would vote in both.
 */
export async function plan(ports: Ports, ctx: CallerInVillage, input: RosterFile): Promise<Plan> {
  if (!ports.idKey) throw new AppError('INTERNAL', '系统尚未配置身份证号加密密钥，请联系管理员。');
  const taken = await takeIncoming(ports, { villageId: input.villageId, fileId: input.fileId, purpose: 'roster' });
  let sheet;
  try {
    sheet = await readSheet(input.fileName, taken.bytes);
  } catch (e) {
    if (e instanceof SheetError) throw fail.invalid(e.message);
    throw e;
  }
  const village = ctx.village;
  const check = await checkRoster(sheet, input.villageId, ports.idKey, { villageName: village.name });
  const drafts = check.people;
  const existing = await allPeople(ports, input.villageId);
  let added = 0;
  let updated = 0;
  for (const d of drafts) {
    const before = existing.get(d._id);
    if (!before) added += 1;
    else if (changed(before, d)) updated += 1;
  }
  const listed = new Set(drafts.map((d) => d._id));
  const notListed = [...existing.values()].filter((p) => p.inRoster && !listed.has(p._id));
  const hukouAfter = (d: PersonDraft) => d.hukouHere ?? hukouHere(existing.get(d._id) ?? {});
  const losingVote = drafts
    .map((d) => ({ d, before: existing.get(d._id) }))
    .filter(({ d, before }) => before?.inRoster && hukouHere(before) && !hukouAfter(d))
    .map(({ before }) => before as PersonDoc);

  const others = await onOtherRosters(ports, village, drafts.map((d) => d.idHash));
  const errors = [...check.errors];
  const crossVillage: RosterCrossVillage[] = [];
  const hukouColumn = check.columns.find((c) => c.as === ROSTER_COLUMNS.hukouHere || c.as === ROSTER_COLUMNS.hukouVillage)?.as ?? ROSTER_COLUMNS.idNumber;
  for (const d of drafts) {
    const found = others.get(d.idHash);
    if (!found) continue;
    const row = check.rowOf.get(d._id) ?? 0;
    const here = hukouAfter(d);
    for (const o of found) {
      crossVillage.push({ row, name: d.name, idMasked: d.idMasked, otherVillageName: o.villageName, sameName: nameKey(o.name) === d.nameKey, hukouHere: here, otherHukouHere: o.hukouHere });
    }
    const holder = found.find((o) => o.hukouHere);
    if (here && holder) {
      errors.push({
        row,
        column: hukouColumn,
        message: `${d.name}（${d.idMasked}）也在${holder.villageName}的花名册上，户籍登记在${holder.villageName}。一个人只在户籍所在的村参加村民会议表决：户籍不在本村的，请在“户籍在本村”一列填“否”（或在“户籍所在村”写上${holder.villageName}）；已经迁入本村的，请${holder.villageName}先把这个人的户籍改为不在该村。`,
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  crossVillage.sort((a, b) => a.row - b.row);
  return {
    village,
    fileHash: sha256(taken.bytes),
    check,
    errors,
    drafts,
    existing,
    added,
    updated,
    unchanged: drafts.length - added - updated,
    notListed,
    losingVote,
    others,
    crossVillage,
    hukouAfter,
  };
}

const affected = (p: PersonDoc): AffectedPerson => ({ personId: p._id, name: p.name, assignedRoles: p.assignedRoles ?? [] });

export function personRef(p: PersonDoc, callerId: string | null): RosterPersonRef {
  return { name: p.name, idMasked: p.idMasked, householdNo: p.householdNo, assignedRoles: p.assignedRoles ?? [], isCaller: p._id === callerId };
}

/** Who a mode removes and who it takes out of this village's votes. */
export function affectedBy(p: Plan, mode: RosterImportMode): { removing: PersonDoc[]; losingVote: PersonDoc[] } {
  return { removing: mode === 'replace' ? p.notListed : [], losingVote: p.losingVote };
}

/** The reasons a mode needs the township, naming people; empty when a cadre may go ahead. */
export function reasonsFor(p: Plan, mode: RosterImportMode, callerId: string | null): string[] {
  const { removing, losingVote } = affectedBy(p, mode);
  const rosterSize = [...p.existing.values()].filter((x) => x.inRoster).length;
  return townshipReasons({ rosterSize, removing: removing.map(affected), losingVote: losingVote.map(affected), callerId });
}

/** What an approval is bound to besides the file and the village: exactly who it affects. */
export function affectedDigest(p: Plan, mode: RosterImportMode): string {
  const { removing, losingVote } = affectedBy(p, mode);
  return sha256(JSON.stringify({ removing: removing.map((x) => x._id).sort(), losingVote: losingVote.map((x) => x._id).sort() }));
}

export const approvalIdOf = (villageId: string, mode: RosterImportMode, fileHash: string) => `${villageId}:${mode}:${fileHash}`;

/** A township approval of one import: this village, this mode, this file, these people. */
export interface ApprovalDoc {
  _id: string;
  villageId: string;
  townshipId: string;
  villageName: string;
  fileName: string;
  fileHash: string;
  mode: RosterImportMode;
  reasons: string[];
  requestReason: string;
  requestedBy: string;
  requestedByOpenid: string | null;
  requestedAt: string;
  rosterSize: number;
  fileRows: number;
  added: number;
  removing: RosterPersonRef[];
  losingVote: RosterPersonRef[];
  affectedDigest: string;
  state: 'pending' | 'approved' | 'rejected' | 'used';
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
  usedAt: string | null;
  [k: string]: unknown;
}

/** The state as the person reads it now: an approval past its time has expired. */
export function approvalStateOf(doc: ApprovalDoc, now: Date, digest?: string): RosterApprovalView['state'] {
  if (doc.state !== 'approved') return doc.state;
  if (!doc.expiresAt || doc.expiresAt <= now.toISOString()) return 'expired';
  if (digest !== undefined && digest !== doc.affectedDigest) return 'changed';
  return 'approved';
}

export function approvalView(doc: ApprovalDoc, now: Date, digest?: string): RosterApprovalView {
  return { id: doc._id, state: approvalStateOf(doc, now, digest), note: doc.note, decidedBy: doc.decidedBy, expiresAt: doc.expiresAt };
}

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
    if (state !== 'approved') throw fail.precondition(`${townshipRefusal(reasons)}${state ? APPROVAL_STATE_HINT[state] ?? '' : ''}`);
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
    return !before || changed(before, d);
  });
  // Undefined fields stay out of the write: a file without a 户籍 column leaves 户籍 as it was.
  const patchOf = ({ _id: _ignored, ...fields }: PersonDraft) => ({
    ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<PersonDraft, '_id'>),
    inRoster: true,
    importedAt: at,
  });
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
  const leftOthers = await onOtherRosters(ports, p.village, removing.map((r) => r.idHash));
  for (const [hash, others] of leftOthers) touched.set(hash, { own: null, others });
  await refreshOverlaps(ports, p.village, touched);

  // Only now: a run cut short is completed by importing the same upload again.
  await dropIncoming(ports, input.fileId);
  return { imported: p.drafts.length, added: p.added, updated: p.updated, removed: removing.length, mode };
}

/** The roster for cadres and the 监委会: masked ID numbers only. */
export async function listRoster(ports: Ports, input: { villageId: string; page?: number }): Promise<RosterList> {
  authorize(await callerInVillage(ports, input.villageId), rosterPolicy.list);
  const page = input.page ?? 1;
  const where = { villageId: input.villageId, inRoster: true };
  const people = ports.store.collection<PersonDoc>(C.people);
  const [total, rows] = await Promise.all([
    people.count(where),
    people.find({ where, orderBy: [['householdNo', 'asc']], skip: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE }),
  ]);
  const flagNames: [(p: PersonDoc) => boolean, string][] = [
    [(p) => p.partyMember, '党员'],
    [(p) => p.representative, '村民代表'],
    [(p) => p.lowIncome, '低保户'],
    [(p) => p.activeSoldier, '现役军人'],
    // Said in words on the list: they do not vote in this village's 村民会议.
    [(p) => !hukouHere(p), '户籍不在本村'],
  ];
  return {
    total,
    page,
    pageSize: LIST_PAGE_SIZE,
    people: rows.map((r) => ({
      id: r._id,
      name: r.name,
      gender: r.gender,
      idMasked: r.idMasked,
      householdNo: r.householdNo,
      relation: r.relation,
      group: r.group,
      flags: flagNames.filter(([f]) => f(r)).map(([, label]) => label),
      verified: Boolean(r.boundOpenid),
      assignedRoles: r.assignedRoles ?? [],
    })),
  };
}
