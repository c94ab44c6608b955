import { checkCharacter, maskIdNumber } from '../core/people/idcard';
import type { Sheet } from '../core/sheets/api';
import type { Role } from '../../types/roles';
import type { DemoVillage } from './demo-villages';

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
    const female = relation === '配偶' || ([1, 3, 5, 7, 9, 11, 13, 15].includes(n % GIVEN.length) && n >= 4);
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
