import type { AssetSettings, ContractInput, LandKind } from '../../types/assets';
import { addContract } from '../core/assets/contracts';
import { addAsset, addResource } from '../core/assets/registers';
import { installmentsOf } from '../core/assets/rules';
import { updateSettings } from '../core/assets/settings';
import { randomBytes } from 'node:crypto';
import { noteRent } from '../core/assets/api';
import { appendAudit } from '../core/audit/api';
import { actorOf, authorize } from '../core/caller/api';
import { C } from '../core/collections';
import { booksOf, monthIn, putMonth } from '../core/finance/books';
import type { RowDoc } from '../core/finance/model';
import { ledgerPolicy } from '../core/finance/policy';
import { addToMonth, isLargeExpense, monthOfDate } from '../core/finance/rules';
import type { Ports } from '../ports';
import { addDays, addMonths, chinaDay } from '../core/shared/time';
import { beijing, meeting, monthEnd, monthStart } from './demo-assets';
import { numbers } from './demo-numbers';
import { demoPorts } from './demo-ports';
import { scaleBaseRows, scaleLedgerPeople } from './scale-ledger';
import { rosterOf, SCALE_TOWNSHIP, type ScaleRun, type ScaleVillage } from './scale-plan';

/*
 * 三资 at the size the benchmarks need: 200 contracts a village (o.contracts), each on its own
 * piece of land or building, with the rest of a village's register beside them. Through the
 * services, on the run's clock: the 会计 enters the registers at the start of the five years,
 * signs each contract ten days before it starts, and books each year's fee against it (the
 * first at signing, later ones two months ahead of the day they fall due; see bookFee) — so the
 * months' books hold them before the ledger phase imports the rest and closes each month. A share of the
 * contracts is made to warn: running out soon, a fee never paid, no decision, a price below the
 * township's reference, a term over 30 years; and a few buildings stand idle.
 */

/** Reference rents per 亩 a year (元) and what the scale villages' contracts fetch, by land kind. */
const LAND: { kind: LandKind; name: string; reference: number; price: [number, number] }[] = [
  { kind: 'arable', name: '承包地', reference: 750, price: [800, 1_000] },
  { kind: 'arable', name: '机动地', reference: 750, price: [800, 1_000] },
  { kind: 'orchard', name: '果园', reference: 900, price: [1_000, 1_400] },
  { kind: 'water', name: '坑塘', reference: 550, price: [600, 900] },
  { kind: 'forest', name: '林地', reference: 180, price: [200, 300] },
  { kind: 'waste', name: '荒地', reference: 40, price: [50, 80] },
  { kind: 'grass', name: '草场', reference: 90, price: [100, 150] },
  { kind: 'construction', name: '建设用地', reference: 2_500, price: [3_000, 5_000] },
];

export const SCALE_ASSET_SETTINGS: Omit<AssetSettings, 'townshipId'> = {
  termLimitYears: 30,
  expiringDays: 90,
  idleMonths: 6,
  referencePriceFen: Object.fromEntries(LAND.map((l) => [l.kind, l.reference * 100])),
};

const BUILDINGS = ['临街门面', '仓库', '厂房', '冷库', '晒场', '农机具'];
const PLACES = ['村东', '村西', '村南', '村北', '村中心'];
const TENANTS = ['商店', '加工厂', '养殖场', '汽修部', '物流站', '合作社'];

/**
 * Which warning, if any, a contract is made to raise, by its place among every hundred: nine in a
 * hundred, about what a township's first 三资清理 turns up; with the idle buildings, some 700
 * warnings across 35 villages for the township's page.
 */
type Trouble = 'expiring' | 'overdue' | 'no_decision' | 'low_price' | 'long_term' | null;
const TROUBLE: Record<number, Trouble> = {
  0: 'expiring',
  50: 'expiring',
  2: 'overdue',
  52: 'overdue',
  4: 'no_decision',
  54: 'no_decision',
  6: 'low_price',
  56: 'low_price',
  8: 'long_term',
};

interface Planned {
  key: string;
  subject: { type: 'asset' | 'resource'; key: string };
  signOn: string;
  terms: Omit<ContractInput, 'villageId' | 'subject'>;
  /** Fees booked against it: the day each comes in, and how much. */
  payments: { on: string; fen: number; summary: string }[];
  account: '经营收入' | '发包及上交收入';
}

/** A village's contracts: what each lets, when it was signed, and what the books take for it. */
function planContracts(
  run: ScaleRun,
  v: ScaleVillage,
  heads: { name: string; id: string }[],
): { land: Map<string, { name: string; kind: LandKind; mu100: number }>; buildings: Map<string, string>; contracts: Planned[] } {
  const count = run.o.contracts ?? 200;
  const landCount = Math.round(count * 0.85);
  const today = chinaDay(run.now);
  const months = run.months;
  const last = months[months.length - 1];
  const land = new Map<string, { name: string; kind: LandKind; mu100: number }>();
  const buildings = new Map<string, string>();
  const contracts: Planned[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = numbers(`scale-assets:${v.id}:${i}`);
    const trouble = TROUBLE[i % 100] ?? null;
    const isLand = i < landCount;
    const key = `s${i}`;
    let name: string;
    let price: number;
    if (isLand) {
      const kind = LAND[i % LAND.length];
      const mu100 = n(2, 60) * 100 + (i % 4) * 25;
      name = `${PLACES[i % PLACES.length]}${kind.name}${i + 1}号`;
      land.set(key, { name, kind: kind.kind, mu100 });
      const perMu = trouble === 'low_price' ? Math.round(kind.reference * 0.4) : n(kind.price[0], kind.price[1]);
      price = Math.max(100, Math.round((perMu * mu100) / 100) * 100);
    } else {
      name = `${PLACES[i % PLACES.length]}${BUILDINGS[i % BUILDINGS.length]}${i + 1}号`;
      buildings.set(key, name);
      price = n(30, 300) * 10_000;
    }
    // Starts on the first of a month of the five years (the oldest for a fee never paid, so it is owed).
    let startOn = trouble === 'overdue' ? `${months[1] ?? months[0]}-01` : `${months[1 + n(0, Math.max(0, months.length - 2))]}-01`;
    let endOn: string;
    if (trouble === 'expiring') {
      endOn = monthEnd(addDays(today, 15 + (i % 3) * 25));
      startOn = monthStart(endOn, -11);
    } else {
      let years = trouble === 'long_term' ? 35 + (i % 2) * 15 : [3, 5, 5, 8, 10, 15, 20, 30][n(0, 7)];
      // Any other still has more than four months to run.
      while (addMonths(startOn, years * 12) <= addDays(today, 120)) years += 1;
      endOn = addDays(addMonths(startOn, years * 12), -1);
    }
    const signOn = addDays(startOn, -10);
    const head = heads[(i * 7) % heads.length];
    const tenant = isLand ? head.name : `${head.name.slice(0, 1)}记${TENANTS[i % TENANTS.length]}`;
    const terms: Planned['terms'] = {
      kind: isLand ? 'outsource' : 'lease',
      counterparty: { name: tenant, personId: isLand ? head.id : null },
      startOn,
      endOn,
      priceFenPerYear: price,
      schedule: 'yearly',
      depositFen: 0,
      award:
        i % 3 === 0
          ? { method: 'negotiated', reason: '公告后只有一人报名，按评估价协商。' }
          : {
              method: 'auction',
              bids: [
                { bidder: tenant, fen: price },
                { bidder: `${heads[(i * 7 + 3) % heads.length].name}`, fen: Math.max(1, price - 5_000) },
              ],
            },
      decision: trouble === 'no_decision' ? null : meeting(addDays(startOn, -20), `同意${name}${isLand ? '发包' : '出租'}。`),
    };
    // The first year's fee at signing, each later one two months before it falls due; one
    // never paid after the first. None falls in a month the books have not reached.
    const payments = installmentsOf({ startOn, endOn, priceFenPerYear: price, schedule: 'yearly' })
      .map((x, k) => ({ on: k === 0 ? signOn : addMonths(x.due, -2), fen: x.amountFen, summary: `${name}${isLand ? '承包费' : '租金'}（第${k + 1}年）` }))
      .filter((p, k) => p.on.slice(0, 7) <= last && !(trouble === 'overdue' && k > 0));
    contracts.push({ key, subject: { type: isLand ? 'resource' : 'asset', key }, signOn, terms, payments, account: isLand ? '发包及上交收入' : '经营收入' });
  }
  return { land, buildings, contracts };
}

interface Step {
  at: Date;
  run: () => Promise<unknown>;
}

/** The scale township's reference prices, then each village's registers, contracts and fees. */
export async function seedScaleAssets(run: ScaleRun): Promise<void> {
  const { store, clock, idKey, o, counts, log, batch, villages, months, as } = run;
  // No years, no books to collect in (the votes benchmark seeds rosters only): no contracts either.
  if (months.length === 0 || o.contracts === 0) return;
  const entered = `${months[0]}-05`;
  clock.set(beijing(entered, 9));
  await updateSettings(demoPorts(store, clock, idKey, 'scale-openid-township-admin'), { townshipId: SCALE_TOWNSHIP, ...SCALE_ASSET_SETTINGS });
  for (const v of villages)
    await batch(async () => {
      const roster = rosterOf(run, v.id);
      const people = scaleLedgerPeople(roster.people);
      const poor = new Set(roster.people.filter((p) => p.lowIncome).map((p) => p.householdNo));
      const heads = roster.people.filter((p) => p.relation === '户主' && !poor.has(p.householdNo)).map((p) => ({ name: p.name, id: p._id }));
      const plan = planContracts(run, v, heads.slice(10));
      const ids: Record<string, string> = {};
      const accountant = () => as(v.id, 'accountant');
      const steps: Step[] = [];
      // The register, entered at one sitting: land and buildings to let, the village's own, a few idle.
      steps.push({
        at: beijing(entered, 10),
        run: async () => {
          for (const [key, l] of plan.land) {
            ids[key] = (
              await addResource(accountant(), { villageId: v.id, name: l.name, landKind: l.kind, areaMu100: l.mu100, location: '', state: 'uncontracted' })
            ).id;
          }
          for (const [i, name] of ['村集体闲散地1号', '村集体闲散地2号', '村集体闲散地3号'].entries()) {
            await addResource(accountant(), { villageId: v.id, name, landKind: 'waste', areaMu100: 300 + i * 150, location: '', state: 'uncontracted' });
          }
          for (const [key, name] of plan.buildings) {
            const kind = name.includes('农机具') ? 'equipment' : 'building';
            ids[key] = (await addAsset(accountant(), common(v.id, name, 'operating', kind, 'in_use', people.accountant))).id;
          }
          await addAsset(accountant(), common(v.id, '村委会办公楼', 'public', 'building', 'in_use', people.secretary));
          await addAsset(accountant(), common(v.id, '文化广场', 'public', 'facility', 'in_use', people.director));
          for (const name of ['原村小学校舍', '旧砖窑厂房']) await addAsset(accountant(), common(v.id, name, 'operating', 'building', 'idle', people.director));
        },
      });
      for (const c of plan.contracts) {
        steps.push({
          at: beijing(c.signOn, 10),
          run: async () => {
            ids[c.key] = (await addContract(accountant(), { villageId: v.id, subject: { type: c.subject.type, id: ids[c.subject.key] }, ...c.terms })).id;
          },
        });
      }
      // Each month's fees as they come in, as many as the month's books have room for beside its
      // other rows (o.ledgerRowsPerMonth in all): a fee with no room is left owed.
      const room = new Map(months.map((m) => [m, o.ledgerRowsPerMonth - scaleBaseRows(v, m, people).length]));
      const fees = plan.contracts.flatMap((c) => c.payments.map((p) => ({ c, p }))).sort((a, b) => a.p.on.localeCompare(b.p.on));
      for (const { c, p } of fees) {
        const month = p.on.slice(0, 7);
        const left = room.get(month) ?? 0;
        if (left <= 0) continue;
        room.set(month, left - 1);
        steps.push({
          at: beijing(p.on, 11),
          run: () =>
            bookFee(accountant(), v.id, {
              ...p,
              contractId: ids[c.key],
              account: c.account,
              counterparty: c.terms.counterparty.name,
              handler: people.accountant,
            }),
        });
      }
      for (const s of steps.sort((a, b) => a.at.getTime() - b.at.getTime())) {
        clock.set(s.at);
        await s.run();
      }
      counts.contracts = (counts.contracts ?? 0) + plan.contracts.length;
      log(`  三资 ${v.name} ${plan.contracts.length} 份合同`);
    });
}

function common(
  villageId: string,
  name: string,
  use: 'operating' | 'public',
  kind: 'building' | 'facility' | 'equipment',
  state: 'in_use' | 'idle',
  keeper: string,
) {
  return { villageId, name, use, kind, location: '', acquiredOn: '2008-06-01', originalFen: 5_000_000, state, keeper };
}

/**
 * One fee booked against its contract as finance.addRow books it — the row, the contract's receipt
 * and total, the month's totals and the audit record, in one transaction — but without the look
 * over the village's warnings addRow takes after each fee: with 200 contracts that look was most
 * of the seed's time (a village's fees took 28 s of its 35), and the timer's run at the end of
 * the seed raises whatever it would have found.
 */
async function bookFee(
  ports: Ports,
  villageId: string,
  fee: { on: string; fen: number; summary: string; contractId: string; account: '经营收入' | '发包及上交收入'; counterparty: string; handler: string },
): Promise<void> {
  const books = await booksOf(ports, villageId);
  authorize(books.ctx, ledgerPolicy.addRow);
  const account = books.accounts.find((a) => a.name === fee.account);
  if (!account) throw new Error(`scale 三资: no account ${fee.account}`);
  const at = ports.clock.now().toISOString();
  const doc: RowDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId,
    month: monthOfDate(fee.on),
    date: fee.on,
    direction: account.direction,
    accountId: account._id,
    amountFen: fee.fen,
    counterparty: fee.counterparty,
    summary: fee.summary,
    handler: fee.handler,
    vouchers: [],
    query: null,
    adjusts: null,
    contractId: fee.contractId,
    large: isLargeExpense(account.direction, fee.fen, books.settings.largeExpenseFlagFen),
    createdAt: at,
  };
  await ports.store.transaction(async (tx) => {
    const m = await monthIn(tx, villageId, doc.month);
    if (m.state !== 'open') throw new Error(`scale 三资: ${villageId} ${doc.month} is closed`);
    await tx.add(C.ledgerRows, doc);
    await noteRent(tx, { villageId, rowId: doc._id, contractId: fee.contractId, date: doc.date, amountFen: doc.amountFen, summary: doc.summary });
    await putMonth(tx, addToMonth(m, [doc]));
    await appendAudit(tx, villageId, { actor: actorOf(books.ctx), action: 'finance.addRow', target: `ledger:${doc._id}`, change: doc, at });
  });
}
