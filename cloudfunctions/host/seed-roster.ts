import { C } from '../core/collections';
import type { BindingDoc } from '../core/caller/api';
import type { PersonDoc } from '../core/shared/records';
import { checkRoster } from '../core/people/roster';
import type { Sheet } from '../core/sheets/api';
import type { Role } from '../../types/roles';
import type { DocStore } from '../ports/docstore';
import { demoRosterSheet, PERSONA_ROLES, rowOf } from './demo-roster';
import type { DemoVillage } from './demo-villages';
import type { PersonaDoc } from './personas';

/** The dev personas of a demo village, each the roster person its role's row names. */
export function personasFor(d: DemoVillage, villageIndex: number): PersonaDoc[] {
  const rosterName = (n: number) => String(demoRosterSheet(d, villageIndex).rows[n].cells[0]);
  const v = d.village;
  const p = (key: string, role: string, label: string, name: string): PersonaDoc => ({
    _id: `${v._id}-${key}`,
    label: `${v.name} · ${label}${name ? ` ${name}` : ''}`,
    openid: `dev-openid-${v._id}-${key}`,
    villageId: v._id,
    roles: [role],
  });
  return [
    // Someone who has scanned the code but not verified yet: for trying 村民身份认证.
    p('newcomer', 'visitor', '新用户（未认证）', ''),
    p('villager', 'villager', '村民', d.villager),
    p('secretary', 'secretary', '书记', d.secretary),
    p('accountant', 'accountant', '会计', d.accountant),
    p('supervisor', 'supervisor_chair', '监委会主任', v.supervisor?.name ?? ''),
    p('director', 'director', '村委会主任', rosterName(rowOf('director'))),
    p('supervisor-member', 'supervisor', '监委会委员', rosterName(rowOf('supervisor-member'))),
    p('finance', 'finance_panel', '民主理财小组', rosterName(rowOf('finance'))),
    p('finance-2', 'finance_panel', '民主理财小组', rosterName(rowOf('finance-2'))),
    p('finance-3', 'finance_panel', '民主理财小组', rosterName(rowOf('finance-3'))),
  ];
}

const CADRE_ROLES: Role[] = ['secretary', 'director', 'accountant'];
const OVERSIGHT_ROLES: Role[] = ['supervisor_chair', 'supervisor', 'finance_panel'];

/**
 * Refuses a demo roster where a 监委会 or 民主理财小组 member shares a household (户号) with a
 * 村两委 member: the seed would otherwise show officials the very thing Art. 32 forbids.
 */
function assertNoCadreRelatives(sheet: Sheet, villageName: string): void {
  const householdOf = (row: number) => String(sheet.rows[row].cells[3]);
  const cadreHouseholds = new Set(PERSONA_ROLES.filter(([, roles]) => roles.some((r) => CADRE_ROLES.includes(r))).map(([, , row]) => householdOf(row)));
  for (const [key, roles, row] of PERSONA_ROLES) {
    if (roles.some((r) => OVERSIGHT_ROLES.includes(r)) && cadreHouseholds.has(householdOf(row))) {
      throw new Error(`demo roster of ${villageName}: ${key} (row ${row}) lives in a 村两委 member's household ${householdOf(row)}`);
    }
  }
}

/**
 * A demo village's roster, written as an import would leave it: people, the personas' bindings
 * and the village's role holders.
 */
export async function seedRoster(store: DocStore, d: DemoVillage, villageIndex: number, idKey: string, at: string): Promise<void> {
  const sheet = demoRosterSheet(d, villageIndex);
  assertNoCadreRelatives(sheet, d.village.name);
  const { people, errors } = await checkRoster(sheet, d.village._id, idKey);
  if (errors.length) throw new Error(`demo roster of ${d.village.name} is invalid: ${JSON.stringify(errors[0])}`);
  const holders: Partial<Record<Role, string[]>> = {};
  for (const [n, draft] of people.entries()) {
    const persona = PERSONA_ROLES.find(([, , row]) => row === n) ?? null;
    const openid = persona ? `dev-openid-${d.village._id}-${persona[0]}` : null;
    const { _id, ...fields } = draft;
    await store.collection<PersonDoc>(C.people).set(_id, {
      ...fields,
      inRoster: true,
      assignedRoles: persona ? persona[1] : [],
      boundOpenid: openid,
      importedAt: at,
    });
    for (const role of persona ? persona[1] : []) holders[role] = [...(holders[role] ?? []), _id];
    if (openid) {
      await store.collection<BindingDoc>(C.bindings).set(`${d.village._id}:${openid}`, {
        villageId: d.village._id,
        openid,
        personId: _id,
        boundAt: at,
      });
    }
  }
  await store.collection(C.villageRoles).set(d.village._id, { holders });
}
