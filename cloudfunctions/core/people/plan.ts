// What importing a roster file would do: read, checked, and compared with the roster as it is.
import type { RosterCrossVillage, RosterImportMode, RosterPreview } from '../../../types/roster';
import type { Ports } from '../../ports';
import { readAll } from '../../ports/docstore';
import { C } from '../collections';
import type { CallerInVillage } from '../caller/api';
import { AppError, fail } from '../shared/errors';
import { sha256 } from '../shared/digest';
import type { VillageDoc } from '../shared/records';
import { readSheet, type Sheet, SheetError } from '../sheets/api';
import { takeIncoming } from '../attachments/api';
import { hukouHere, nameKey, type PersonDoc } from './model';
import { checkRoster, ROSTER_COLUMNS, type PersonDraft, type RosterCheck } from './roster';
import { townshipReasons, type AffectedPerson } from './guard';
import { onOtherRosters, type OtherRecord } from './cross-village';
import { changedBy } from './rules';

async function allPeople(ports: Ports, villageId: string): Promise<Map<string, PersonDoc>> {
  const all = await readAll(ports.store.collection<PersonDoc>(C.people), { where: { villageId } });
  return new Map(all.map((p) => [p._id, p]));
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
  let sheet: Sheet;
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
    else if (changedBy(before, d)) updated += 1;
  }
  const listed = new Set(drafts.map((d) => d._id));
  const notListed = [...existing.values()].filter((p) => p.inRoster && !listed.has(p._id));
  const hukouAfter = (d: PersonDraft) => d.hukouHere ?? hukouHere(existing.get(d._id) ?? {});
  const losingVote = drafts
    .map((d) => ({ d, before: existing.get(d._id) }))
    .filter(({ d, before }) => before?.inRoster && hukouHere(before) && !hukouAfter(d))
    .map(({ before }) => before as PersonDoc);

  const others = await onOtherRosters(
    ports,
    village,
    drafts.map((d) => d.idHash),
  );
  const errors = [...check.errors];
  const crossVillage: RosterCrossVillage[] = [];
  const hukouColumn = check.columns.find((c) => c.as === ROSTER_COLUMNS.hukouHere || c.as === ROSTER_COLUMNS.hukouVillage)?.as ?? ROSTER_COLUMNS.idNumber;
  for (const d of drafts) {
    const found = others.get(d.idHash);
    if (!found) continue;
    const row = check.rowOf.get(d._id) ?? 0;
    const here = hukouAfter(d);
    for (const o of found) {
      crossVillage.push({
        row,
        name: d.name,
        idMasked: d.idMasked,
        otherVillageName: o.villageName,
        sameName: nameKey(o.name) === d.nameKey,
        hukouHere: here,
        otherHukouHere: o.hukouHere,
      });
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
