import type { RosterImportResult, RosterList, RosterPreview } from '../../../types/roster';
import type { Ports } from '../../ports';
import { isStoreError, readAll } from '../../ports/docstore';
import { inParallel } from '../shared/parallel';
import { appendAudit } from '../audit/chain';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../identity/context';
import { AppError, fail } from '../shared/errors';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';
import type { PersonDoc } from './model';
import { checkRoster, type PersonDraft } from './roster';
import { readSheet, SheetError } from '../sheets/api';


export const rosterPolicy = {
  previewImport: { allow: CADRES, scope: 'village' },
  commitImport: { allow: CADRES, scope: 'village' },
  // The township admin needs the list to give village roles.
  list: { allow: [...CADRES, ...SUPERVISORS, 'township_admin'], scope: 'village' },
} satisfies Record<string, Rule>;

const LIST_PAGE_SIZE = 50;
const NEWCOMER_BATCH = 500;

async function allPeople(ports: Ports, villageId: string): Promise<Map<string, PersonDoc>> {
  const all = await readAll(ports.store.collection<PersonDoc>(C.people), { where: { villageId } });
  return new Map(all.map((p) => [p._id, p]));
}

/** The fields an import sets; roles and account bindings survive a re-import. */
const IMPORTED_FIELDS: (keyof PersonDraft)[] = [
  'name', 'nameKey', 'gender', 'idMasked', 'sealed', 'householdNo', 'relation',
  'isHouseholdHead', 'group', 'phoneMasked', 'phoneHash', 'partyMember', 'representative', 'lowIncome', 'activeSoldier',
];

function changed(before: PersonDoc, after: PersonDraft): boolean {
  return !before.inRoster || IMPORTED_FIELDS.some((f) => before[f] !== after[f]);
}

interface Plan {
  total: number;
  errors: RosterPreview['errors'];
  drafts: PersonDraft[];
  existing: Map<string, PersonDoc>;
  added: number;
  updated: number;
  unchanged: number;
  removed: PersonDoc[];
}

async function plan(ports: Ports, input: { villageId: string; fileName: string; fileBase64: string }): Promise<Plan> {
  if (!ports.idKey) throw new AppError('INTERNAL', '系统尚未配置身份证号加密密钥，请联系管理员。');
  let sheet;
  try {
    sheet = await readSheet(input.fileName, Buffer.from(input.fileBase64, 'base64'));
  } catch (e) {
    if (e instanceof SheetError) throw fail.invalid(e.message);
    throw e;
  }
  const { people: drafts, errors } = await checkRoster(sheet, input.villageId, ports.idKey);
  const existing = await allPeople(ports, input.villageId);
  let added = 0;
  let updated = 0;
  for (const d of drafts) {
    const before = existing.get(d._id);
    if (!before) added += 1;
    else if (changed(before, d)) updated += 1;
  }
  const listed = new Set(drafts.map((d) => d._id));
  const removed = [...existing.values()].filter((p) => p.inRoster && !listed.has(p._id));
  return { total: sheet.rows.length, errors, drafts, existing, added, updated, unchanged: drafts.length - added - updated, removed };
}

/** Checks a roster file and says what importing it would do. Writes nothing. */
export async function previewImport(ports: Ports, input: { villageId: string; fileName: string; fileBase64: string }): Promise<RosterPreview> {
  authorize(await callerInVillage(ports, input.villageId), rosterPolicy.previewImport);
  const p = await plan(ports, input);
  return { total: p.total, errors: p.errors, added: p.added, updated: p.updated, unchanged: p.unchanged, removed: p.removed.length };
}

/**
 * Imports a roster: any bad row and nothing is written. People are matched by their hashed ID
 * number, so importing again updates rather than duplicates; people the file no longer lists
 * leave the roster but keep their history.
 *
 * A village of 3,000 is 3,000 writes, which no single transaction holds within a call's time
 * on CloudBase. So the audit record of the whole import is written first, then every person is
 * written on its own, several at a time. Each write sets what the file says and nothing else
 * (roles and bindings stay as they are at that moment), so a call cut short is completed by
 * importing the same file again, and the record already covers it.
 */
export async function commitImport(ports: Ports, input: { villageId: string; fileName: string; fileBase64: string }): Promise<RosterImportResult> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, rosterPolicy.commitImport);
  const p = await plan(ports, input);
  if (p.errors.length) {
    throw fail.precondition(`有 ${p.errors.length} 处需要修改，本次没有导入任何人。请按预览中的提示改好后重新导入。`);
  }
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'roster.commitImport',
      target: `roster:${input.villageId}`,
      change: { file: input.fileName, people: p.drafts.map((d) => d._id), removed: p.removed.map((r) => r._id) },
      at,
    });
  });
  const people = ports.store.collection<PersonDoc>(C.people);
  const writes = p.drafts.filter((d) => {
    const before = p.existing.get(d._id);
    return !before || changed(before, d);
  });
  const patchOf = ({ _id: _ignored, ...fields }: PersonDraft) => ({ ...fields, inRoster: true, importedAt: at });
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
  await inParallel(p.removed, (gone) => people.update(gone._id, { inRoster: false, importedAt: at }));
  return { imported: p.drafts.length, added: p.added, updated: p.updated, removed: p.removed.length };
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
  const flagNames: [keyof PersonDoc, string][] = [
    ['partyMember', '党员'],
    ['representative', '村民代表'],
    ['lowIncome', '低保户'],
    ['activeSoldier', '现役军人'],
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
      flags: flagNames.filter(([f]) => r[f]).map(([, label]) => label),
      verified: Boolean(r.boundOpenid),
      assignedRoles: r.assignedRoles ?? [],
    })),
  };
}
