import dayjs from 'dayjs';
import { C } from '../core/collections';
import { defaultCatalogFor } from '../core/disclosure/catalog';
import { saveDraft, submitQuarter } from '../core/disclosure/drafting';
import { review } from '../core/disclosure/review';
import { lastEndedQuarter } from '../core/disclosure/rules';
import { defaultAccountsFor } from '../core/finance/accounts';
import { booksOf } from '../core/finance/books';
import { closeMonth, sign } from '../core/finance/closing';
import { commitSheet } from '../core/finance/importing';
import type { BindingDoc, StaffDoc } from '../core/identity/context';
import { discuss, propose } from '../core/matters/proposals';
import { publish } from '../core/matters/publishing';
import { recordInPerson, vote } from '../core/matters/ballots';
import { close } from '../core/matters/closing';
import { openVote } from '../core/matters/opening';
import { checkCharacter } from '../core/people/idcard';
import { isAdultOn, type PersonDoc } from '../core/people/model';
import { checkRoster } from '../core/people/roster';
import type { Sheet } from '../core/sheets/api';
import { parseQuarterKey, quarterDueDate, shiftQuarterKey, ZONE, type QuarterRef } from '../core/shared/time';
import { answer, close as closeTicket, rate } from '../core/tickets/answers';
import { ask, file } from '../core/tickets/filing';
import { triage } from '../core/tickets/triage';
import { DEFAULT_SETTINGS, type TownshipDoc, type VillageCodeDoc, type VillageDoc } from '../core/village/model';
import type { Role } from '../../types/roles';
import type { AnswerRating } from '../../types/tickets';
import { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { DEMO_CODES, DEMO_ITEMS, LEDGER_DRAFTED, NO_BOOKS_ITEMS, numbers, type DemoBooks, type DemoContext } from './demo-disclosures';
import { demoBooksOf } from './demo-books';
import { demoLedgerMonth, LEDGER_HEADER, type DemoLedgerPeople, type DemoLedgerRow } from './demo-ledger';
import { fillDisclosure } from '../core/finance/export';
import { PERSONAS, type PersonaDoc } from './personas';
import { demoPorts, PERSONA_ROLES } from './seed';
import { tick } from '../core/scheduler';

/**
 * A township at the size the benchmarks need: 35 villages × 5 years by default — rosters of
 * 1,500–3,000 people, every catalog item of every quarter published, about 100 ledger rows a
 * month, 50,000 tickets with their answers and ratings, 100 一事一议 votes of 2,000 voters.
 * Everything goes through the same services the app calls (drafts, reviews, imports, votes,
 * answers), on a clock moved through the five years, so derived figures — quarter stats,
 * month totals, ticket stats, tallies, audit chains — are exactly what real use would leave.
 * Only the roster is written directly, as the demo seed does, from sheets the import's own
 * checks have passed.
 */
export interface ScaleOptions {
  villages: number;
  years: number;
  tickets: number;
  votes: number;
  votersPerVote: number;
  rosterMin: number;
  rosterMax: number;
  ledgerRowsPerMonth: number;
  /** Share of adults with a bound WeChat account: those vote in the app, the rest in the village hall. */
  boundShare?: number;
  log?: (line: string) => void;
  /**
   * Runs one village's share of a phase; the SQLite script wraps it in one outer transaction,
   * so the thousands of small commits inside cost one write to disk.
   */
  batch?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export const FULL_SCALE: ScaleOptions = {
  villages: 35,
  years: 5,
  tickets: 50_000,
  votes: 100,
  votersPerVote: 2_000,
  rosterMin: 1_500,
  rosterMax: 3_000,
  ledgerRowsPerMonth: 100,
};

export const SCALE_TOWNSHIP = 'scale';
/** One document describing the seeded data, read by `npm run bench:server`. */
export const SCALE_META = 'scale_meta';

export interface ScaleMeta {
  _id: string;
  now: string;
  counts: Record<string, number>;
  villages: string[];
  quarters: string[];
  months: string[];
  [k: string]: unknown;
}

const NAMES = [
  '王家庄', '李家洼', '前刘村', '后刘村', '东张村', '西张村', '马家店', '高家堡', '孙家集', '赵家屯',
  '小郭村', '大郭村', '陈家楼', '杜家湾', '邢家坊', '韩家营', '崔家口', '冯家庙', '田家坝', '宋家岭',
  '吕家河', '袁家台', '蒋家寨', '于家场', '许家桥', '魏家铺', '范家沟', '邱家埠', '侯家园', '苏家滩',
  '彭家圈', '阎家坨', '石家洼', '贾家墩', '金家屯', '段家窑', '雷家岗', '龙家坡', '白家埝', '秦家林',
];
const SURNAMES = '王李刘张马高孙赵郭陈杜邢韩崔冯田宋吕袁蒋于许魏范邱侯苏彭阎石贾金段雷龙白秦'.split('');
const GIVEN = ['德福', '秀英', '建国', '桂兰', '明亮', '春花', '志强', '玉梅', '海涛', '淑珍', '文斌', '晓燕', '国庆', '红梅', '立新', '翠萍', '永胜', '凤霞', '长江', '丽娟', '振华', '月琴', '光明', '金凤'];
const RELATIONS = ['户主', '配偶', '子女', '子女'];
/**
 * Roster rows 0–6 hold the village's posts, in the demo seed's order, with a 民主理财小组 of one:
 * the scale villages measure load, not the demo's household rules or joint signing.
 */
const POSTS: [key: string, roles: Role[]][] = PERSONA_ROLES.filter(([key]) => !/^finance-\d$/.test(key)).map(([key, roles]) => [key, roles]);
const BOUND_SHARE = 0.35;
const DAY = 24 * 3600 * 1000;

export interface ScaleVillage {
  id: string;
  name: string;
  code: string;
  size: number;
}

/**
 * Roster sizes spread over [min, max]; the larger ones come first so the villages that hold
 * the 2,000-voter meetings have enough adults.
 */
export function scaleVillages(o: ScaleOptions): ScaleVillage[] {
  return Array.from({ length: o.villages }, (_, i) => {
    const span = o.rosterMax - o.rosterMin;
    const size = o.villages === 1 ? o.rosterMax : o.rosterMax - Math.round((span * i) / (o.villages - 1));
    return { id: `s${String(i + 1).padStart(2, '0')}`, name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? i : ''}`, code: `sc-s${String(i + 1).padStart(2, '0')}`, size };
  });
}

/**
 * A roster sheet of `size` people in households of four. Birth dates step through 79 years by
 * a prime stride, so (birth date, sequence) never repeats and every ID number is distinct.
 */
export function scaleRosterSheet(v: ScaleVillage, index: number): Sheet {
  const header = ['姓名', '性别', '身份证号', '户号', '与户主关系', '村民小组', '联系电话', '党员', '村民代表', '低保户', '现役军人'];
  const surname = SURNAMES[index % SURNAMES.length];
  const base = dayjs('1940-01-01');
  const rows = Array.from({ length: v.size }, (_, n) => {
    const household = Math.floor(n / 4);
    const relation = RELATIONS[n % 4];
    // Heads and spouses are born 1940–1985, children 1980–2019.
    const span = relation === '子女' ? 14_600 : 16_800;
    const start = relation === '子女' ? base.add(40, 'year') : base;
    const birth = start.add((n * 7919) % span, 'day').format('YYYYMMDD');
    const first17 = `371603${birth}${String(100 + ((index * 37 + n) % 900)).slice(-3)}`;
    const id = first17 + checkCharacter(first17);
    const given = GIVEN[(n * 7 + index) % GIVEN.length];
    return {
      row: n + 2,
      cells: [
        `${relation === '配偶' ? SURNAMES[(index + n) % SURNAMES.length] : surname}${given}${n >= GIVEN.length ? n : ''}`.slice(0, 20),
        Number(id[16]) % 2 === 1 ? '男' : '女',
        id,
        `H${String(household + 1).padStart(4, '0')}`,
        relation,
        `第${(household % 8) + 1}组`,
        n % 3 === 0 ? `138${String(54_300_000 + index * 10_000 + n).slice(-8)}` : null,
        n % 19 === 1 || n === 1 ? '是' : '否',
        n % 60 === 0 || n === 1 ? '是' : '否',
        n % 37 === 5 ? '是' : '否',
        n % 211 === 14 ? '是' : '否',
      ],
    };
  });
  return { header, rows };
}

/** The quarters of `years` years ending with the one being reported now, oldest first. */
export function scaleQuarters(now: Date, years: number): string[] {
  const out: string[] = [];
  const last = lastEndedQuarter(now);
  for (let n = 0; n < years * 4; n += 1) out.unshift(shiftQuarterKey(last, -n));
  return out;
}

/** The months of `years` years before last month (last month is still open), oldest first. */
export function scaleMonths(now: Date, years: number): string[] {
  const last = dayjs.tz(now, ZONE).startOf('month').subtract(1, 'month');
  return Array.from({ length: years * 12 }, (_, i) => last.subtract(years * 12 - i, 'month').format('YYYY-MM'));
}

/** Households with anyone on 低保, by head: who the 2-2 list names. */
function lowIncomeOf(people: PersonDoc[]): DemoContext['lowIncome'] {
  const covered = new Map<string, number>();
  for (const p of people) if (p.lowIncome) covered.set(p.householdNo, (covered.get(p.householdNo) ?? 0) + 1);
  return people.filter((p) => p.relation === '户主' && covered.has(p.householdNo)).map((p) => ({ name: p.name, idMasked: p.idMasked, persons: covered.get(p.householdNo) ?? 0 }));
}

/**
 * Who the books pay and collect from. Tenants are heads of households past the posts (rows 0–6)
 * with no one on 低保: whoever pays the collective a large land fee is not a 低保 household.
 */
function scaleLedgerPeople(people: PersonDoc[]): DemoLedgerPeople {
  const poor = new Set(people.filter((p) => p.lowIncome).map((p) => p.householdNo));
  const posts = new Set(people.slice(0, POSTS.length).map((p) => p.householdNo));
  const heads = people.filter((p) => p.relation === '户主' && !poor.has(p.householdNo) && !posts.has(p.householdNo));
  return { accountant: people[2].name, secretary: people[1].name, director: people[4].name, landTenants: [heads[0].name, heads[1].name], rentTenant: heads[2].name };
}

/** The demo month's rows plus the many small ones a large village books: 公益岗 pay, 保洁, repairs. */
function scaleLedgerMonth(v: ScaleVillage, month: string, people: DemoLedgerPeople & { workers: string[] }, target: number): DemoLedgerRow[] {
  const rows = demoLedgerMonth(v.id, month, people, { lavish: month.endsWith('-12') && v.id === 's02' });
  const n = numbers(`scale-ledger:${v.id}:${month}`);
  let i = 0;
  while (rows.length < target) {
    const d = String((i % 27) + 1).padStart(2, '0');
    const worker = people.workers[i % people.workers.length];
    const kind = i % 5;
    if (kind === 0) rows.push({ date: `${month}-${d}`, direction: '支出', account: '公益支出', yuan: (n(8, 16) * 100).toFixed(2), counterparty: worker, summary: '公益岗位补贴', handler: people.accountant });
    else if (kind === 1) rows.push({ date: `${month}-${d}`, direction: '支出', account: '其他管理费用', yuan: (n(20, 300) + n(0, 99) / 100).toFixed(2), counterparty: '沾化区五金建材店', summary: '村内设施零星维修材料', handler: people.accountant });
    else if (kind === 2) rows.push({ date: `${month}-${d}`, direction: '收入', account: '经营收入', yuan: (n(50, 800) * 10).toFixed(2), counterparty: worker, summary: '集体果园采摘收入', handler: people.accountant });
    else if (kind === 3) rows.push({ date: `${month}-${d}`, direction: '支出', account: '公益支出', yuan: (n(3, 9) * 100).toFixed(2), counterparty: worker, summary: '村内保洁、绿化养护', handler: people.accountant });
    else rows.push({ date: `${month}-${d}`, direction: '收入', account: '其他收入', yuan: (n(1, 20) * 50).toFixed(2), counterparty: worker, summary: '村民交纳有线电视费', handler: people.accountant });
    i += 1;
  }
  return rows;
}

const QUESTION_TEXTS = ['这笔钱是怎么用的？请说明一下明细。', '补贴名单上为什么没有我家？', '这个工程是谁承包的，怎么选的？', '金额和去年比多了不少，是什么原因？'];
const REPORT_TEXTS = ['村西路灯坏了一个多月，晚上出行不方便。', '垃圾清运不及时，村南坑塘边堆了很多垃圾。', '低保评定不公开，希望把评议过程公示。', '集体机动地承包价格偏低，建议公开竞价。', '村里的排水沟堵了，下雨就积水。'];
const ANSWERS = ['已经核实，明细已在村务公开栏补充公示。', '已安排人员处理，三天内完成。', '经两委研究，下季度统一公开竞价。', '已向镇里反映，等待统一安排。'];
const RATINGS: AnswerRating[] = ['满意', '满意', '基本满意', '满意', '不满意', '基本满意'];

/**
 * Seeds the scale township into `store`. `now` is when the data ends (the five years lead up
 * to it). Returns how many of each thing were written.
 */
export async function seedScale(store: DocStore, now: Date, idKey: string, o: ScaleOptions): Promise<Record<string, number>> {
  const log = o.log ?? (() => {});
  const batch = o.batch ?? ((fn) => fn());
  const clock = new MovableClock(now);
  const t = SCALE_TOWNSHIP;
  const openidOf = (v: string, key: string) => `scale-openid-${v}-${key}`;
  const as = (v: string, key: string) => demoPorts(store, clock, idKey, openidOf(v, key));
  const at = (date: string, hour: number) => clock.set(dayjs.tz(`${date} ${String(hour).padStart(2, '0')}:00`, ZONE).toDate());
  const counts: Record<string, number> = { people: 0, disclosures: 0, ledgerRows: 0, tickets: 0, votes: 0, ballots: 0 };

  await store.collection<TownshipDoc>(C.townships).set(t, { name: '规模测试镇', county: '（规模测试数据，非真实乡镇）', settings: DEFAULT_SETTINGS });
  for (const { _id, ...rest } of defaultCatalogFor(t)) await store.collection(C.catalogItems).set(_id, rest);
  for (const { _id, ...rest } of defaultAccountsFor(t)) await store.collection(C.accounts).set(_id, rest);
  for (const [key, label, role] of [
    ['admin', '规模测试镇 · 镇管理员', 'township_admin'],
    ['discipline', '规模测试镇 · 镇纪委', 'township_discipline'],
  ] as [string, string, Role][]) {
    const openid = `scale-openid-township-${key}`;
    await store.collection<PersonaDoc>(PERSONAS).set(`scale-township-${key}`, { label, openid, villageId: null, roles: [role] });
    await store.collection<StaffDoc>(C.staff).set(`${t}:${openid}`, { townshipId: t, openid, name: label, roles: [role] });
  }

  const villages = scaleVillages(o);
  const quarters = scaleQuarters(now, o.years);
  const months = scaleMonths(now, o.years);
  const rosters = new Map<string, { people: PersonDoc[]; adults: PersonDoc[]; bound: Set<string> }>();
  const today = dayjs.tz(now, ZONE).format('YYYY-MM-DD');

  // Rosters, posts, codes and personas.
  for (const [i, v] of villages.entries()) await batch(async () => {
    const { people, errors } = await checkRoster(scaleRosterSheet(v, i), v.id, idKey);
    if (errors.length) throw new Error(`scale roster of ${v.name} is invalid: ${JSON.stringify(errors[0])}`);
    const holders: Partial<Record<Role, string[]>> = {};
    const docs: PersonDoc[] = [];
    const adults: PersonDoc[] = [];
    const bound = new Set<string>();
    const issuedAt = new Date(now.getTime() - o.years * 366 * DAY).toISOString();
    for (const [n, draft] of people.entries()) {
      const post = n < POSTS.length ? POSTS[n] : null;
      const adult = isAdultOn(idKey, draft as PersonDoc, today);
      // Posts are always bound; a share of the other adults has bound WeChat too.
      const openid = post ? openidOf(v.id, post[0]) : adult && (n * 7) % 100 < (o.boundShare ?? BOUND_SHARE) * 100 ? openidOf(v.id, `p${n}`) : null;
      const { _id, ...fields } = draft;
      const doc = { ...fields, inRoster: true, assignedRoles: post ? post[1] : [], boundOpenid: openid, importedAt: issuedAt } as PersonDoc;
      await store.collection<PersonDoc>(C.people).set(_id, doc);
      docs.push({ ...doc, _id });
      if (adult) adults.push({ ...doc, _id });
      for (const role of post ? post[1] : []) holders[role] = [...(holders[role] ?? []), _id];
      if (openid) {
        bound.add(_id);
        await store.collection<BindingDoc>(C.bindings).set(`${v.id}:${openid}`, { villageId: v.id, openid, personId: _id, boundAt: issuedAt });
      }
    }
    counts.people += docs.length;
    rosters.set(v.id, { people: docs, adults, bound });
    await store.collection(C.villageRoles).set(v.id, { holders });
    const supervisor = docs[3];
    await store.collection<VillageDoc>(C.villages).set(v.id, { name: v.name, townshipId: t, enabled: true, supervisor: { name: supervisor.name, phone: '13905430000' } } as Omit<VillageDoc, '_id'>);
    await store.collection<VillageCodeDoc>(C.villageCodes).set(v.code, { villageId: v.id, enabled: true, issuedAt });
    for (const [key] of POSTS) {
      await store.collection<PersonaDoc>(PERSONAS).set(`${v.id}-${key}`, { label: `${v.name} · ${key}`, openid: openidOf(v.id, key), villageId: v.id, roles: [] });
    }
    log(`  花名册 ${v.name} ${docs.length} 人`);
  });

  // 村级账目: each month imported, closed, signed. First, so the quarters' money items can quote them.
  for (const [i, v] of villages.entries()) await batch(async () => {
    const r = rosters.get(v.id)!;
    const people = { ...scaleLedgerPeople(r.people), workers: r.adults.slice(10, 60).map((p) => p.name) };
    let balance = 38_650_000 + i * 731_000;
    for (const month of months) {
      const rows = scaleLedgerMonth(v, month, people, o.ledgerRowsPerMonth);
      const next = dayjs.tz(`${month}-01`, ZONE).add(1, 'month');
      // As in the demo: signed by the 6th, before the quarter's disclosure is drafted from it.
      clock.set(next.add(1, 'day').hour(9).toDate());
      const sheet = { header: LEDGER_HEADER, rows: rows.map((x, n) => ({ row: n + 2, cells: [x.date, x.direction, x.account, x.yuan, x.counterparty, x.summary, x.handler] })) };
      const accountant = as(v.id, 'accountant');
      await commitSheet(accountant, await booksOf(accountant, v.id), { villageId: v.id, fileName: `${month}.xlsx`, sheet, fileKey: `scale-${month}` });
      const fen = (d: '收入' | '支出') => rows.filter((x) => x.direction === d).reduce((s, x) => s + Math.round(Number(x.yuan) * 100), 0);
      const closing = balance + fen('收入') - fen('支出');
      clock.set(next.add(3, 'day').hour(10).toDate());
      await closeMonth(as(v.id, 'accountant'), { villageId: v.id, month, declaredClosingFen: closing, ...(month === months[0] ? { openingFen: balance } : {}) });
      clock.set(next.add(5, 'day').hour(15).toDate());
      await sign(as(v.id, 'finance'), { villageId: v.id, month });
      balance = closing;
      counts.ledgerRows += rows.length;
    }
    log(`  账目 ${v.name} ${months.length} 个月`);
  });

  // 一季一晒: every item of every quarter, drafted by the 会计, submitted by the 书记, approved by the 监委会.
  for (const [i, v] of villages.entries()) await batch(async () => {
    const r = rosters.get(v.id)!;
    const heads = r.people.filter((p) => p.relation === '户主').slice(0, 16).map((p) => ({ name: p.name, idMasked: p.idMasked }));
    for (const [qi, quarter] of quarters.entries()) {
      const q = parseQuarterKey(quarter) as QuarterRef;
      const due = quarterDueDate(q);
      const lp = scaleLedgerPeople(r.people);
      const base = {
        villageId: v.id,
        village: v.name,
        q,
        secretary: r.people[1].name,
        director: r.people[4].name,
        accountant: r.people[2].name,
        supervisor: r.people[3].name,
        heads,
        partyMembers: r.people.filter((p, n) => n !== 1 && p.partyMember).slice(0, 40).map((p) => p.name),
        lowIncome: lowIncomeOf(r.people),
        landTenants: lp.landTenants,
        rentTenant: lp.rentTenant,
        books: null as DemoBooks | null,
      };
      const ctxOf = (code: string): DemoContext => ({ ...base, n: numbers(`${v.id}:${quarter}:${code}`) });
      // A few villages publish some items after the due date, so completeness differs between villages.
      const late = (code: string) => (i % 7 === 3 && qi % 5 === 2 && code.startsWith('5-')) || (i % 11 === 6 && qi === quarters.length - 1 && code === '4-4');
      const rounds = [DEMO_CODES.filter((c) => !late(c)), DEMO_CODES.filter(late)];
      for (const [round, codes] of rounds.entries()) {
        if (codes.length === 0) continue;
        const start = dayjs.tz(due, ZONE).add(round === 0 ? -12 : 6, 'day');
        if (start.valueOf() > now.getTime()) continue;
        at(start.format('YYYY-MM-DD'), 9);
        base.books ??= await demoBooksOf(as(v.id, 'accountant'), v.id, quarter);
        for (const code of codes) {
          if (DEMO_ITEMS[code]) await saveDraft(as(v.id, 'accountant'), { villageId: v.id, quarter, itemId: `${t}:${code}`, ...DEMO_ITEMS[code](ctxOf(code)) });
          else if (!base.books.months.length) await saveDraft(as(v.id, 'accountant'), { villageId: v.id, quarter, itemId: `${t}:${code}`, ...NO_BOOKS_ITEMS[code](ctxOf(code)) });
        }
        if (base.books.months.length && codes.some((c) => LEDGER_DRAFTED.includes(c))) await fillDisclosure(as(v.id, 'accountant'), { villageId: v.id, quarter });
        at(start.format('YYYY-MM-DD'), 16);
        await submitQuarter(as(v.id, 'secretary'), { villageId: v.id, quarter });
        at(start.add(4, 'day').format('YYYY-MM-DD'), 10);
        for (const code of codes) await review(as(v.id, 'supervisor'), { villageId: v.id, quarter, itemId: `${t}:${code}`, decision: 'approve' });
        counts.disclosures += codes.length;
      }
    }
    log(`  一季一晒 ${v.name} ${quarters.length} 个季度`);
  });


  // 码上监督: questions about published items, reports and suggestions, answered, rated, closed;
  // the last weeks' ones still open.
  const perVillage = Math.ceil(o.tickets / villages.length);
  for (const v of villages) await batch(async () => {
    const r = rosters.get(v.id)!;
    const askers = r.adults.filter((p) => r.bound.has(p._id));
    // From the first quarter's publication on: there is something to ask about.
    const start = dayjs.tz(`${months[0]}-01`, ZONE).add(6, 'month');
    const spanMs = now.getTime() - 3 * DAY - start.valueOf();
    const assignee = r.people[4]._id;
    for (let k = 0; k < perVillage && counts.tickets < o.tickets; k += 1) {
      const when = new Date(start.valueOf() + Math.floor((spanMs * k) / perVillage));
      clock.set(when);
      const asker = askers[(k * 13) % askers.length];
      const mine = demoPorts(store, clock, idKey, asker.boundOpenid as string);
      const kind = k % 4;
      let ticketId: string;
      if (kind === 0) {
        const quarter = [...quarters].reverse().find((qk) => quarterDueDate(parseQuarterKey(qk) as QuarterRef) < dayjs.tz(when, ZONE).format('YYYY-MM-DD')) ?? quarters[0];
        const codes = Object.keys(DEMO_ITEMS);
        // An item published late is not there to ask about yet: the villager reports instead.
        const view =
          (await ask(mine, { villageId: v.id, subject: { type: 'disclosure', quarter, itemId: `${t}:${codes[k % codes.length]}` }, text: QUESTION_TEXTS[k % QUESTION_TEXTS.length] }).catch(() => null)) ??
          (await file(mine, { villageId: v.id, kind: 'report', category: '财务类', text: REPORT_TEXTS[k % REPORT_TEXTS.length], anonymous: false }));
        ticketId = view.id;
      } else {
        const view = await file(mine, { villageId: v.id, kind: kind === 3 ? 'suggestion' : 'report', category: (['党务类', '村务类', '财务类'] as const)[k % 3], text: REPORT_TEXTS[k % REPORT_TEXTS.length], anonymous: k % 5 === 0 });
        ticketId = view.id;
      }
      counts.tickets += 1;
      // The last three weeks' tickets are still being handled.
      if (now.getTime() - when.getTime() < 21 * DAY) continue;
      clock.set(new Date(when.getTime() + 2 * DAY));
      const decision = k % 10 === 7 ? '私事' : '小事';
      await triage(as(v.id, 'supervisor'), { villageId: v.id, ticketId, decision, reason: decision === '私事' ? '属于个人家事，建议通过调解委员会协商。' : '交村委会主任办理。', ...(decision === '小事' ? { assigneePersonId: assignee } : {}) });
      // One in twenty is left past its date: the township sees it as overdue.
      if (decision === '小事' && k % 20 === 11) continue;
      clock.set(new Date(when.getTime() + (3 + (k % 6)) * DAY));
      if (decision === '小事') await answer(as(v.id, 'director'), { villageId: v.id, ticketId, text: ANSWERS[k % ANSWERS.length] });
      if (k % 3 === 2) continue; // not every asker rates
      clock.set(new Date(when.getTime() + 10 * DAY));
      const rating = RATINGS[k % RATINGS.length];
      await rate(mine, { villageId: v.id, ticketId, rating });
      if (rating === '不满意') continue;
      clock.set(new Date(when.getTime() + 12 * DAY));
      await closeTicket(as(v.id, 'supervisor'), { villageId: v.id, ticketId, result: '已办结，提出人认可。' });
    }
    log(`  码上监督 ${v.name} 累计 ${counts.tickets} 条`);
  });

  // 一事一议: votes of `votersPerVote` villagers in the largest villages, spread over the years.
  // Adults as of the first vote: someone who turned 18 since cannot vote in it.
  const firstVoteDay = dayjs.tz(now, ZONE).subtract(o.years * 365, 'day').format('YYYY-MM-DD');
  const hosts = villages.filter((v) => (rosters.get(v.id)?.adults.filter((p) => isAdultOn(idKey, p, firstVoteDay)).length ?? 0) >= o.votersPerVote);
  if (o.votes > 0 && hosts.length === 0) throw new Error(`no village has ${o.votersPerVote} adults for the votes`);
  for (let k = 0; k < o.votes; k += 1) await batch(async () => {
    const v = hosts[k % hosts.length];
    const r = rosters.get(v.id)!;
    const daysAgo = 30 + Math.floor(((o.years * 365 - 60) * (o.votes - k)) / o.votes);
    clock.set(new Date(now.getTime() - daysAgo * DAY));
    // Adult on the day the matter is proposed, so adult when either vote opens.
    const day = dayjs.tz(clock.now(), ZONE).format('YYYY-MM-DD');
    const voters = r.adults.filter((p) => isAdultOn(idKey, p, day));
    const matter = await propose(as(v.id, 'secretary'), { villageId: v.id, title: `村内公益事业第 ${k + 1} 项`, summary: '硬化村内道路、修缮排水设施，经费由财政奖补和村集体收入承担。', decisionBody: 'villagers' });
    clock.set(new Date(clock.now().getTime() + DAY));
    await discuss(as(v.id, 'director'), { villageId: v.id, matterId: matter.id, agreed: true, record: '两委联席会议同意，提交党员大会审议。' });
    const inDays = (d: number) => new Date(clock.now().getTime() + d * DAY).toISOString();
    // 审议: every party member in the hall.
    const reviewed = await openVote(as(v.id, 'secretary'), { villageId: v.id, matterId: matter.id, closesAt: inDays(3) });
    for (const p of voters.filter((x) => x.partyMember)) await recordInPerson(as(v.id, 'supervisor'), { villageId: v.id, meetingId: reviewed.meetings[0].id, personId: p._id, choice: '同意' });
    await close(as(v.id, 'supervisor'), { villageId: v.id, meetingId: reviewed.meetings[0].id });
    // 决议: the adults, bound ones in the app, the others in the hall.
    clock.set(new Date(clock.now().getTime() + 2 * DAY));
    const deciding = await openVote(as(v.id, 'secretary'), { villageId: v.id, matterId: matter.id, closesAt: inDays(5) });
    const meetingId = deciding.meetings[1].id;
    for (const [n, p] of voters.slice(0, o.votersPerVote).entries()) {
      const choice = n % 9 === 4 ? '不同意' : n % 13 === 6 ? '弃权' : '同意';
      if (p.boundOpenid) await vote(demoPorts(store, clock, idKey, p.boundOpenid), { villageId: v.id, meetingId, choice });
      else await recordInPerson(as(v.id, 'supervisor'), { villageId: v.id, meetingId, personId: p._id, choice });
      counts.ballots += 1;
    }
    clock.set(new Date(clock.now().getTime() + 5 * DAY));
    await close(as(v.id, 'supervisor'), { villageId: v.id, meetingId });
    clock.set(new Date(clock.now().getTime() + 2 * DAY));
    await publish(as(v.id, 'secretary'), { villageId: v.id, matterId: matter.id, text: '经党员大会审议、村民会议表决通过，按方案实施。' });
    counts.votes += 1;
    log(`  一事一议 ${v.name} 第 ${k + 1} 次表决`);
  });
  // The hourly timer, as it would have run by now: overdue tickets marked, due votes closed.
  clock.set(now);
  await tick({ ...demoPorts(store, clock, idKey, 'scale-timer'), caller: { openid: null } });

  // What the benchmarks need to know about the data: the moment it ends, and its size.
  await store.collection(SCALE_META).set('scale', { now: now.toISOString(), options: { ...o, log: undefined, batch: undefined }, counts, villages: villages.map((v) => v.id), quarters, months });
  return counts;
}
