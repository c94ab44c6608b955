import { C } from '../core/collections';
import { defaultCatalogFor } from '../core/disclosure/catalog';
import { DEFAULT_SETTINGS, type TownshipDoc, type VillageCodeDoc, type VillageDoc } from '../core/village/model';
import type { Role } from '../../types/roles';
import type { BindingDoc, StaffDoc } from '../core/identity/context';
import { checkCharacter } from '../core/people/idcard';
import type { PersonDoc } from '../core/people/model';
import { checkRoster } from '../core/people/roster';
import type { Sheet } from '../core/sheets/api';
import type { DocStore } from '../ports/docstore';
import { PERSONAS, type PersonaDoc } from './personas';
import type { Ports } from '../ports';
import { MovableClock } from '../ports/clock';
import { maskIdNumber } from '../core/people/idcard';
import { saveDraft, submit, submitQuarter } from '../core/disclosure/drafting';
import { review } from '../core/disclosure/review';
import { followUpAdd, followUpClose } from '../core/disclosure/voice';
import { lastEndedQuarter } from '../core/disclosure/rules';
import { local, parseQuarterKey, quarterDueDate, shiftQuarterKey, ZONE, type QuarterRef } from '../core/shared/time';
import type { Block } from '../../types/disclosure';
import { booksOf } from '../core/finance/books';
import { closeMonth, sign } from '../core/finance/closing';
import { commitSheet } from '../core/finance/importing';
import { defaultAccountsFor } from '../core/finance/accounts';
import { demoLedgerMonth, LEDGER_HEADER } from './demo-ledger';
import { DEMO_CODES, DEMO_ITEMS, LEDGER_DRAFTED, NO_BOOKS_ITEMS, numbers, type DemoContext, type DemoItem } from './demo-disclosures';
import { demoBooksOf } from './demo-books';
import { fillDisclosure } from '../core/finance/export';
import dayjs from 'dayjs';
import { monthsOf, previousMonth } from '../core/finance/rules';
import { seedMatters } from './demo-matters';

/**
 * Demo township: 黄升镇 (山东省滨州市沾化区), whose 阳光工程 the system is modelled on. Village
 * names and party secretaries are those the township's own report names; the other people
 * and all phone numbers are invented.
 */
export const DEMO_TOWNSHIP: TownshipDoc = {
  _id: 'huangsheng',
  name: '黄升镇',
  county: '山东省滨州市沾化区',
  settings: DEFAULT_SETTINGS,
};

interface DemoVillage {
  village: VillageDoc;
  code: string;
  secretary: string;
  accountant: string;
  villager: string;
}

export const DEMO_VILLAGES: DemoVillage[] = [
  {
    village: {
      _id: 'yangjia',
      name: '杨家村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '杨树林', phone: '13905437216' },
    },
    code: 'hs-yangjia',
    secretary: '李风昌',
    accountant: '杨秀梅',
    villager: '杨德福',
  },
  {
    village: {
      _id: 'doufuli',
      name: '豆腐李村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '李学文', phone: '13705438841' },
    },
    code: 'hs-doufuli',
    secretary: '李玉海',
    accountant: '李红霞',
    villager: '李长顺',
  },
  {
    village: {
      _id: 'dajiang',
      name: '大姜村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '姜春生', phone: '15805430392' },
    },
    code: 'hs-dajiang',
    secretary: '姜立军',
    accountant: '姜海燕',
    villager: '姜岩松',
  },
  {
    village: {
      _id: 'diquan',
      name: '堤圈村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '张爱国', phone: '13465437780' },
    },
    code: 'hs-diquan',
    secretary: '张立新',
    accountant: '王丽娟',
    villager: '张宝田',
  },
];

/** A poster that was replaced: scanning it must land on the invalid-code page. */
export const DEMO_DISABLED_CODE = 'hs-yangjia-2023';

function personasFor(d: DemoVillage, villageIndex: number): PersonaDoc[] {
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

const SURNAMES: Record<string, string> = { yangjia: '杨', doufuli: '李', dajiang: '姜', diquan: '张' };
const GIVEN = ['德福', '秀英', '建国', '桂兰', '明亮', '春花', '志强', '玉梅', '海涛', '淑珍', '文斌', '晓燕', '国庆', '红梅', '立新', '秋菊'];
/**
 * Rows 20–31 have names of their own: a 低保 head sharing the 村委会主任's name, or a tenant
 * sharing a 低保 head's, reads on a list as the same person. (杨家村 keeps one pair of
 * namesakes, its two 杨德福, for the masked ID numbers to tell apart.)
 */
const LATER = ['振华', '凤英', '金山', '秀兰', '永刚', '丽华', '长河', '美玲', '广田', '素芬', '宝山', '翠萍'];
/**
 * The demo's 低保 households (by household number, rows 4h…4h+3): none holds a cadre, a
 * 监委会 member (the 监委会 reviews the 低保 list) or a tenant of the collective's land. A
 * 民主理财小组 member may live in one: 低保 is paid by the county, not through the books they sign.
 */
const LOW_INCOME_HOUSEHOLDS = [5, 7];
/**
 * Heads of these households hold the 机动地 contracts; the second also rents the east warehouse.
 * Household 6 holds no contract, so a 民主理财小组 member can come from it without signing off
 * their own household's rent.
 */
const LAND_TENANT_HOUSEHOLDS = [2, 3];
const RENT_TENANT_HOUSEHOLD = 3;
const RELATIONS = ['户主', '配偶', '子女', '子女'];

/** A valid demo ID number (沾化区 region code 371603) for the n-th person of a village. */
export function demoIdNumber(villageIndex: number, n: number, birth: string): string {
  const first17 = `371603${birth.replace(/-/g, '')}${String(100 + villageIndex * 100 + (n % 100)).slice(-3)}`;
  return first17 + checkCharacter(first17);
}

/**
 * The demo roster, written as a cadre's spreadsheet would be and run through the same checks as
 * an import, so demo people look exactly like imported ones. The first four people are the
 * personas: villager, 书记, 会计 and 监委会主任.
 */
export function demoRosterSheet(d: DemoVillage, villageIndex: number): Sheet {
  const header = ['姓名', '性别', '身份证号', '户号', '与户主关系', '村民小组', '联系电话', '党员', '村民代表', '低保户', '现役军人'];
  const surname = SURNAMES[d.village._id] ?? '王';
  const named = [d.villager, d.secretary, d.accountant, d.village.supervisor?.name ?? `${surname}主任`];
  const rows = Array.from({ length: 32 }, (_, n) => {
    const household = Math.floor(n / 4);
    const relation = n < 4 ? '户主' : RELATIONS[n % 4];
    const name = n < 4 ? named[n] : n < 20 ? `${surname}${GIVEN[n % GIVEN.length]}` : `${surname}${LATER[n - 20]}`;
    const year = relation === '子女' ? 1995 + (n % 20) : 1955 + ((n * 7) % 30);
    const birth = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
    let id = demoIdNumber(villageIndex, n, birth);
    // The sequence digit's parity is the gender: make it agree with the name's usual reading.
    const female = relation === '配偶' || [1, 3, 5, 7, 9, 11, 13, 15].includes(n % GIVEN.length) && n >= 4;
    if ((Number(id[16]) % 2 === 1) === female) id = demoIdNumber(villageIndex, n + 1, birth);
    const hh = n < 4 ? `Y${String(n + 1).padStart(3, '0')}` : `Y${String(household + 5).padStart(3, '0')}`;
    return {
      row: n + 2,
      cells: [
        name,
        Number(id[16]) % 2 === 1 ? '男' : '女',
        id,
        hh,
        relation,
        `第${(household % 3) + 1}组`,
        n % 5 === 0 ? `1380543${String(1000 + n).slice(-4)}` : null,
        n % 6 === 1 || n === 1 ? '是' : '否',
        n % 8 === 0 || n === 1 ? '是' : '否',
        n >= 4 && LOW_INCOME_HOUSEHOLDS.includes(household) ? '是' : '否',
        n === 14 ? '是' : '否',
      ],
    };
  });
  return { header, rows };
}

/** Who the demo's lists and books name, read off the roster sheet. */
export function demoRosterFacts(d: DemoVillage, villageIndex: number) {
  const sheet = demoRosterSheet(d, villageIndex);
  const cell = (n: number, c: number) => String(sheet.rows[n].cells[c]);
  // Households 1–7 are rows 4h…4h+3, headed by row 4h.
  const headOf = (h: number) => 4 * h;
  const heads = sheet.rows.filter((r) => r.cells[4] === '户主').map((r) => ({ name: String(r.cells[0]), idMasked: maskIdNumber(String(r.cells[2])) }));
  const lowIncome = LOW_INCOME_HOUSEHOLDS.map((h) => {
    const members = sheet.rows.filter((r) => r.cells[3] === sheet.rows[headOf(h)].cells[3] && r.cells[9] === '是');
    return { name: cell(headOf(h), 0), idMasked: maskIdNumber(cell(headOf(h), 2)), persons: members.length };
  });
  return {
    heads,
    director: cell(4, 0),
    partyMembers: sheet.rows.filter((r, n) => n !== 1 && r.cells[7] === '是').map((r) => String(r.cells[0])),
    lowIncome,
    landTenants: LAND_TENANT_HOUSEHOLDS.map((h) => cell(headOf(h), 0)),
    rentTenant: cell(headOf(RENT_TENANT_HOUSEHOLD), 0),
  };
}

export async function isEmpty(store: DocStore): Promise<boolean> {
  return (await store.collection(C.townships).count()) === 0;
}

/**
 * The personas: key, roles, and the roster row each one is. Rows 0–4 are the villager, the
 * 村两委 and the 监委会主任 (rows 0–3 live alone; row 4, the 村委会主任, heads household 1 with
 * his spouse and children). The 监委会委员 and the 民主理财小组 of three come from households of
 * their own that hold no 村两委 post — 《村民委员会组织法》 Art. 32 bars cadres' close relatives
 * from the 监督机构 — and no contract with the collective (the group signs off its rent), none
 * of them a 村民代表 (the matters tests co-sign with them as ordinary villagers).
 */
export const PERSONA_ROLES: [key: string, roles: Role[], row: number][] = [
  ['villager', [], 0],
  ['secretary', ['secretary'], 1],
  ['accountant', ['accountant'], 2],
  ['supervisor', ['supervisor_chair'], 3],
  ['director', ['director'], 4],
  ['supervisor-member', ['supervisor'], 17],
  ['finance', ['finance_panel'], 26],
  ['finance-2', ['finance_panel'], 21],
  ['finance-3', ['finance_panel'], 29],
];

/** The roster row of a persona key. */
export function rowOf(key: string): number {
  const found = PERSONA_ROLES.find(([k]) => k === key);
  if (!found) throw new Error(`no demo persona ${key}`);
  return found[2];
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

async function seedRoster(store: DocStore, d: DemoVillage, villageIndex: number, idKey: string, at: string): Promise<void> {
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

/** Writes the demo township. Uses `set`, so running it twice leaves one copy of everything. */
export async function seedDemo(store: DocStore, now: Date, idKey: string): Promise<void> {
  const { _id, ...township } = DEMO_TOWNSHIP;
  await store.collection<TownshipDoc>(C.townships).set(_id, township);
  for (const item of defaultCatalogFor(_id)) {
    const { _id: id, ...rest } = item;
    await store.collection(C.catalogItems).set(id, rest);
  }
  // The township went live two years before `now`: rosters and codes come before any history.
  const issuedAt = dayjs(now).subtract(2, 'year').toISOString();
  for (const [i, d] of DEMO_VILLAGES.entries()) {
    await seedRoster(store, d, i, idKey, issuedAt);
    const { _id: vid, ...village } = d.village;
    await store.collection<VillageDoc>(C.villages).set(vid, village);
    await store.collection<VillageCodeDoc>(C.villageCodes).set(d.code, { villageId: vid, enabled: true, issuedAt });
    for (const persona of personasFor(d, i)) {
      const { _id: pid, ...rest } = persona;
      await store.collection<PersonaDoc>(PERSONAS).set(pid, rest);
    }
  }
  await store.collection<VillageCodeDoc>(C.villageCodes).set(DEMO_DISABLED_CODE, {
    villageId: 'yangjia',
    enabled: false,
    issuedAt: dayjs(now).subtract(3, 'year').toISOString(),
    disabledAt: dayjs(now).subtract(2, 'year').toISOString(),
  });
  for (const a of defaultAccountsFor(_id)) {
    const { _id: aid, ...rest } = a;
    await store.collection(C.accounts).set(aid, rest);
  }
  for (const [i, d] of DEMO_VILLAGES.entries()) {
    // Books first: the quarter's money items are drafted from the months already signed.
    await seedLedger(store, d, i, now, idKey);
    await seedHistory(store, d, i, now, idKey);
    const clock = new MovableClock(now);
    await seedMatters(d.village._id, d.villager, now, clock, (key) => demoPorts(store, clock, idKey, `dev-openid-${d.village._id}-${key}`));
  }
  const staff: [key: string, label: string, role: Role][] = [
    ['admin', '黄升镇 · 镇管理员 王建华', 'township_admin'],
    ['discipline', '黄升镇 · 镇纪委 刘振东', 'township_discipline'],
  ];
  for (const [key, label, role] of staff) {
    const openid = `dev-openid-township-${key}`;
    await store.collection<PersonaDoc>(PERSONAS).set(`township-${key}`, { label, openid, villageId: null, roles: [role] });
    await store.collection<StaffDoc>(C.staff).set(`${_id}:${openid}`, {
      townshipId: _id,
      openid,
      name: label.split(' ').pop() ?? '',
      roles: [role],
    });
  }
}

/** When the demo's 会计 drafts a quarter and the 监委会 reviews it: 12 and 8 days before it is due. */
const draftDayOf = (quarter: string) => dayjs.tz(quarterDueDate(parseQuarterKey(quarter) as QuarterRef), ZONE).subtract(12, 'day').format('YYYY-MM-DD');
const reviewDayOf = (quarter: string) => dayjs.tz(quarterDueDate(parseQuarterKey(quarter) as QuarterRef), ZONE).subtract(8, 'day').format('YYYY-MM-DD');
const chinaHour = (date: string, hour: number) => dayjs.tz(`${date} ${String(hour).padStart(2, '0')}:00`, ZONE).toDate();

/**
 * The quarters a demo village has worked on by `now`, oldest first: the four last reviewed,
 * then the quarter that ended last if its drafting has begun but its review has not.
 */
export function demoHistoryQuarters(now: Date): string[] {
  let last = lastEndedQuarter(now);
  const drafting = chinaHour(reviewDayOf(last), 10) > now && chinaHour(draftDayOf(last), 9) <= now ? [last] : [];
  while (chinaHour(reviewDayOf(last), 10) > now) last = shiftQuarterKey(last, -1);
  return [-3, -2, -1, 0].map((n) => shiftQuarterKey(last, n)).concat(drafting);
}

/** 杨家村's first subsidy list as first published: its first household's 6.8 亩 typed as 6.0. */
function mistyped(item: DemoItem): DemoItem {
  const table = item.body[1] as Extract<Block, { type: 'table' }>;
  const rows = table.rows.map((r, n) => (n === 0 ? [r[0], r[1], '6.0', (6.0 * 125.3).toFixed(2)] : r));
  return { ...item, body: [item.body[0], { ...table, rows }], amountFen: rows.reduce((s, r) => s + Math.round(Number(r[3]) * 100), 0) };
}

/** Items a demo village never published, and quarters it published some items late: completeness has something to show. */
const DEMO_GAPS: Record<string, { quarterIndex: number; missing?: string[]; late?: string[] }> = {
  dajiang: { quarterIndex: 2, missing: ['4-4', '5-3'] },
  diquan: { quarterIndex: 3, late: ['5-1', '5-2', '5-3', '5-4', '6-1', '6-2', '6-3', '6-4'] },
};

/**
 * What the seed's calls run with: a persona's account on a clock the seed moves, and no files,
 * messages or codes (demo history has none of those).
 */
export function demoPorts(store: DocStore, clock: MovableClock, idKey: string, openid: string): Ports {
  return {
    store,
    clock,
    caller: { openid },
    idKey,
    files: { put: () => Promise.reject(new Error('demo history has no files')), urls: async (ids) => ids.map(() => ''), pathOf: () => null, read: async () => null, remove: async () => false },
    notifier: { send: async () => {} },
    contentCheck: { check: async () => null },
    codeMaker: { png: () => Promise.reject(new Error('the seed draws no codes')) },
  };
}

/**
 * Four past quarters of 一季一晒 per demo village, through the same services the app calls: the
 * 会计 drafts, the 书记 submits, the 监委会主任 approves — so versions, the audit chain and the
 * quarter totals are exactly what real use would leave. One correction and two 督办 points too.
 */
async function seedHistory(store: DocStore, d: DemoVillage, villageIndex: number, now: Date, idKey: string): Promise<void> {
  const v = d.village._id;
  const clock = new MovableClock(now);
  const as = (key: string) => demoPorts(store, clock, idKey, `dev-openid-${v}-${key}`);
  const facts = demoRosterFacts(d, villageIndex);
  const heads = facts.heads;
  // Moves the seed's clock to a moment, or says the moment is still to come: the demo holds
  // what real use would have left by `now`, never a record dated after it.
  const at = (date: string, hour: number): boolean => {
    const t = chinaHour(date, hour);
    if (t > now) return false;
    clock.set(t);
    return true;
  };
  const gaps = DEMO_GAPS[v];
  for (const [qi, quarter] of demoHistoryQuarters(now).entries()) {
    const q = parseQuarterKey(quarter) as QuarterRef;
    const due = quarterDueDate(q);
    const draftDay = draftDayOf(quarter);
    const reviewDay = reviewDayOf(quarter);
    const skip = gaps?.quarterIndex === qi ? new Set(gaps.missing ?? []) : new Set<string>();
    const late = gaps?.quarterIndex === qi ? new Set(gaps.late ?? []) : new Set<string>();
    if (!at(draftDay, 9)) continue;
    // The books as they stand on the day the 会计 drafts: the quarter's months were signed by the 6th.
    const base = {
      villageId: v,
      village: d.village.name,
      q,
      secretary: d.secretary,
      director: facts.director,
      accountant: d.accountant,
      supervisor: d.village.supervisor?.name ?? '',
      heads,
      partyMembers: facts.partyMembers,
      lowIncome: facts.lowIncome,
      landTenants: facts.landTenants,
      rentTenant: facts.rentTenant,
      books: await demoBooksOf(as('accountant'), v, quarter),
    };
    // Each item draws its own numbers, so one item's content never depends on which others were drafted.
    const ctxOf = (code: string): DemoContext => ({ ...base, n: numbers(`${v}:${quarter}:${code}`) });
    const draft = async (codes: string[]) => {
      for (const code of codes) {
        if (DEMO_ITEMS[code]) {
          const item = DEMO_ITEMS[code](ctxOf(code));
          await saveDraft(as('accountant'), { villageId: v, quarter, itemId: `${DEMO_TOWNSHIP._id}:${code}`, ...(code === '2-3' && v === 'yangjia' && qi === 2 ? mistyped(item) : item) });
        }
      }
      if (!codes.some((c) => LEDGER_DRAFTED.includes(c))) return;
      // The money items through the product's own 生成本季度财务公开, as a real 会计 would.
      if (base.books.months.length) await fillDisclosure(as('accountant'), { villageId: v, quarter });
      else for (const code of LEDGER_DRAFTED) await saveDraft(as('accountant'), { villageId: v, quarter, itemId: `${DEMO_TOWNSHIP._id}:${code}`, ...NO_BOOKS_ITEMS[code](ctxOf(code)) });
    };
    await draft(DEMO_CODES.filter((code) => !skip.has(code) && !late.has(code)));
    if (!at(draftDay, 16)) continue;
    await submitQuarter(as('secretary'), { villageId: v, quarter });
    if (!at(reviewDay, 10)) continue;
    for (const code of DEMO_CODES) {
      if (skip.has(code) || late.has(code)) continue;
      await review(as('supervisor'), { villageId: v, quarter, itemId: `${DEMO_TOWNSHIP._id}:${code}`, decision: 'approve' });
    }
    if (late.size) {
      const lateDay = dayjs.tz(due, ZONE).add(6, 'day').format('YYYY-MM-DD');
      if (at(lateDay, 9)) {
        await draft([...late]);
        await submitQuarter(as('secretary'), { villageId: v, quarter });
        if (at(lateDay, 15)) {
          for (const code of late) await review(as('supervisor'), { villageId: v, quarter, itemId: `${DEMO_TOWNSHIP._id}:${code}`, decision: 'approve' });
        }
      }
    }
    if (v === 'yangjia' && qi === 2) {
      // A correction: the subsidy list went out with one household's area mistyped (see `mistyped`).
      const itemId = `${DEMO_TOWNSHIP._id}:2-3`;
      if (!at(dayjs.tz(due, ZONE).add(15, 'day').format('YYYY-MM-DD'), 9)) continue;
      await saveDraft(as('accountant'), { villageId: v, quarter, itemId, ...DEMO_ITEMS['2-3'](ctxOf('2-3')) });
      await submit(as('secretary'), { villageId: v, quarter, itemId, reason: `${heads[0].name}户确权面积录入有误，更正为 6.8 亩，补发差额。` });
      await review(as('supervisor'), { villageId: v, quarter, itemId, decision: 'approve' });
      const point = await followUpAdd(as('supervisor'), { villageId: v, quarter, text: '村民反映村东库房租金偏低，请两委核实同类库房市场租金。' });
      if (!at(dayjs.tz(due, ZONE).add(40, 'day').format('YYYY-MM-DD'), 10)) continue;
      await followUpClose(as('supervisor'), { villageId: v, quarter, followUpId: point.id, result: '经核实，租金与周边村同类库房一致；合同到期后将公开竞价。' });
    }
    if (v === 'yangjia' && qi === 3) {
      if (!at(dayjs.tz(due, ZONE).add(5, 'day').format('YYYY-MM-DD'), 10)) continue;
      await followUpAdd(as('supervisor'), { villageId: v, quarter, text: '主街道路维修工程待验收，验收后公开结算金额。' });
    }
  }
}

/**
 * The demo's one month left half-signed: 豆腐李村's latest closed month (the month before last)
 * carries one signature of its 民主理财小组's three. Not 杨家村: the browser tests walk 杨家村's
 * books from its latest published month on.
 */
export const AWAITING_SIGNATURE = { villageId: 'doufuli' } as const;

/**
 * The months a demo village has closed: the fifteen before last month, all published but the
 * last of `AWAITING_SIGNATURE`'s village. Last month is left open.
 */
export function demoLedgerMonths(now: Date): string[] {
  let key = previousMonth(local(now).format('YYYY-MM'));
  const out: string[] = [];
  for (let i = 0; i < 15; i += 1) {
    key = previousMonth(key);
    out.unshift(key);
  }
  return out;
}

/**
 * Fifteen months of books per demo village through the services the app calls: the 会计 imports
 * each month's sheet and closes it, the 民主理财小组 signs. Opening balances chain month to month.
 */
async function seedLedger(store: DocStore, d: DemoVillage, villageIndex: number, now: Date, idKey: string): Promise<void> {
  const v = d.village._id;
  const clock = new MovableClock(now);
  const as = (key: string) => demoPorts(store, clock, idKey, `dev-openid-${v}-${key}`);
  const facts = demoRosterFacts(d, villageIndex);
  const people = { accountant: d.accountant, secretary: d.secretary, director: facts.director, landTenants: facts.landTenants, rentTenant: facts.rentTenant };
  const months = demoLedgerMonths(now);
  // 杨家村's road repair is paid in the middle month of the last quarter the 监委会 has reviewed,
  // the quarter whose 督办 point waits for its acceptance.
  const roadMonth = monthsOf(demoHistoryQuarters(now)[3])[1];
  let balance = 38_650_000 + villageIndex * 7_310_000;
  for (const [i, month] of months.entries()) {
    const rows = demoLedgerMonth(v, month, people, { bigProject: v === 'yangjia' && month === roadMonth, lavish: v === 'doufuli' && i === months.length - 2 });
    const next = dayjs.tz(`${month}-01`, ZONE).add(1, 'month');
    // Imported on the 2nd, closed on the 4th, signed on the 6th: the quarter's books are public
    // before the 会计 drafts its disclosure on the 8th, which quotes them.
    clock.set(next.add(1, 'day').hour(9).toDate());
    // The month's sheet as the import reads it, built in memory rather than written to a file.
    const sheet = {
      header: LEDGER_HEADER,
      rows: rows.map((r, n) => ({ row: n + 2, cells: [r.date, r.direction, r.account, r.yuan, r.counterparty, r.summary, r.handler] })),
    };
    const accountant = as('accountant');
    await commitSheet(accountant, await booksOf(accountant, v), { villageId: v, fileName: `${month}.xlsx`, sheet, fileKey: `demo-${month}` });
    const income = rows.filter((r) => r.direction === '收入').reduce((s, r) => s + Math.round(Number(r.yuan) * 100), 0);
    const expense = rows.filter((r) => r.direction === '支出').reduce((s, r) => s + Math.round(Number(r.yuan) * 100), 0);
    const closing = balance + income - expense;
    clock.set(next.add(3, 'day').hour(10).toDate());
    await closeMonth(as('accountant'), { villageId: v, month, declaredClosingFen: closing, ...(i === 0 ? { openingFen: balance } : {}) });
    // Signed jointly on the 6th: a majority of the group of three (the township's default rule).
    clock.set(next.add(5, 'day').hour(15).toDate());
    await sign(as('finance'), { villageId: v, month });
    if (v === AWAITING_SIGNATURE.villageId && i === months.length - 1) {
      // The one month the demo leaves waiting: one signature of three, so the review page has
      // a joint signing to show (已签 1/3 …；还需 1 人). Its village cannot close the month after
      // until another member signs, as in real use.
      balance = closing;
      continue;
    }
    clock.set(next.add(5, 'day').hour(17).toDate());
    await sign(as(i % 2 === 0 ? 'finance-2' : 'finance-3'), { villageId: v, month });
    balance = closing;
  }
}
