import { AWAITING_SIGNATURE, DEMO_VILLAGES } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';

/**
 * The demo is the first thing an official judges, and a transparency product whose own figures
 * disagree loses them on the first screen. Every figure a villager can find in two places — a
 * quarter's published disclosure and 村里的钱 — must be the same, and every list must agree with
 * the roster. Read as a villager reads them: through the app's actions.
 *
 * The demo is seeded relative to "now", so it is checked at several pinned moments: an ordinary
 * day, the three moments CI reruns date-sensitive suites at, and a day after a quarter's review
 * when the quarter's last month is still not signed.
 */
const NOWS = ['2026-11-23T10:00:00+08:00', '2027-01-01T00:05:00+08:00', '2027-01-20T09:00:00+08:00', '2027-03-31T23:59:00+08:00', '2028-02-29T12:00:00+08:00'];

type Row = string[];
interface Table {
  type: 'table';
  columns: string[];
  rows: Row[];
}
interface Item {
  title: string;
  body: ({ type: 'paragraph'; text: string } | Table)[];
  amountFen: number | null;
}
interface Report {
  months: string[];
  incomeFen: number;
  expenseFen: number;
  openingFen: number | null;
  closingFen: number | null;
  byCategory: { direction: string; account: string; amountFen: number }[];
}
interface LedgerRow {
  date: string;
  direction: string;
  account: string;
  amountFen: number;
  counterparty: string;
  summary: string;
}
interface RosterPerson {
  name: string;
  idMasked: string;
  householdNo: string;
  relation: string;
  flags: string[];
  assignedRoles: string[];
}

const fen = (yuanText: string) => Math.round(Number(yuanText) * 100);
const yuan = (f: number) => (f / 100).toFixed(2);
const tableOf = (item: Item) => item.body.find((b): b is Table => b.type === 'table');
const textOf = (item: Item) => item.body.map((b) => (b.type === 'paragraph' ? b.text : '')).join('');
const sum = (rows: { amountFen: number }[]) => rows.reduce((s, r) => s + r.amountFen, 0);
/** "2026年7月" → "2026-07". */
const monthOfLabel = (label: string) => {
  const m = /^(\d{4})年(\d{1,2})月$/.exec(label);
  if (!m) throw new Error(`not a month label: ${label}`);
  return `${m[1]}-${m[2].padStart(2, '0')}`;
};
const CADRE_ROLES = ['secretary', 'director', 'accountant'];

describe.each(NOWS)('the demo seeded at %s', (nowText) => {
  const host = functionsHost({ now: new Date(nowText), timeoutMs: 120_000 });

  const ok = async (fn: string, action: string, data: unknown, persona?: string) => {
    const res = await host.call(fn, action, data, persona);
    if (!res.body.ok) throw new Error(`${fn}.${action} ${JSON.stringify(data)}: ${JSON.stringify(res.body.error)}`);
    return res.body.data;
  };

  for (const d of DEMO_VILLAGES) {
    const v = d.village._id;

    it(`${d.village.name}: no 监委会 or 民主理财小组 member lives in a 村两委 member's household, and the group has three`, async () => {
      // 《村民委员会组织法》 Art. 32: cadres' close relatives may not sit on the 监督机构. The roster
      // as the 书记 sees it, by 户号.
      const roster: RosterPerson[] = (await ok('roster', 'list', { villageId: v }, `${v}-secretary`)).people;
      const holding = (roles: string[]) => roster.filter((p) => p.assignedRoles.some((r) => roles.includes(r)));
      const cadreHouseholds = new Set(holding(CADRE_ROLES).map((p) => p.householdNo));
      expect(cadreHouseholds.size).toBeGreaterThan(0);
      const oversight = holding(['supervisor_chair', 'supervisor', 'finance_panel']);
      expect(oversight.filter((p) => cadreHouseholds.has(p.householdNo)).map((p) => `${p.name} ${p.householdNo}`)).toEqual([]);
      // A joint signature needs a group: three members, each from a household of their own.
      const panel = holding(['finance_panel']);
      expect(panel).toHaveLength(3);
      expect(new Set(panel.map((p) => p.householdNo)).size).toBe(3);
      // Each of them can sign in on the demo's login list.
      for (const key of ['finance', 'finance-2', 'finance-3']) {
        const me = (await ok('identity', 'whoami', {}, `${v}-${key}`)).villages.find((x: { villageId: string }) => x.villageId === v);
        expect(panel.map((p) => p.name)).toContain(me?.name);
      }
    });

    it(`${d.village.name}: every published quarter's money items say what 村里的钱 says, and its lists agree with the roster`, async () => {
      // What a villager can read: the published quarters, their items, the books month by month.
      const quarters: string[] = (await ok('disclosure', 'quarters', { villageId: v })).quarters.map((q: { key: string }) => q.key);
      const report = async (period: string): Promise<Report> => ok('finance', 'report', { villageId: v, period });
      const rowsOfQuarter = async (r: Report): Promise<LedgerRow[]> =>
        (await Promise.all(r.months.map((m) => ok('finance', 'month', { villageId: v, month: m })))).flatMap((m) => m.rows);
      // The roster as the 书记 sees it (one page holds the demo village).
      const roster: RosterPerson[] = (await ok('roster', 'list', { villageId: v }, `${v}-secretary`)).people;
      expect(roster.length).toBeGreaterThan(20);
      const isOnRoster = (name: string, idMasked?: string) => roster.some((p) => p.name === name && (idMasked === undefined || p.idMasked === idMasked));
      const lowIncomeHouseholds = new Set(roster.filter((p) => p.flags.includes('低保户')).map((p) => p.householdNo));
      const cadres = roster.filter((p) => p.assignedRoles.some((r) => CADRE_ROLES.includes(r)));
      expect(cadres.map((c) => c.name)).toEqual(expect.arrayContaining([d.secretary, d.accountant]));
      expect(cadres).toHaveLength(3);
      // No cadre's household is on 低保 (the demo gives no reason for one to be).
      for (const c of cadres) expect(lowIncomeHouseholds.has(c.householdNo)).toBe(false);
      const householdOf = (name: string) => roster.filter((p) => p.name === name).map((p) => p.householdNo);

      const checked: string[] = [];
      for (const quarter of quarters) {
        const entries: { itemId: string; status: string; required: boolean }[] = (await ok('disclosure', 'quarter', { villageId: v, quarter })).entries;
        const published = new Set(entries.filter((e) => e.required && (e.status === 'published' || e.status === 'late')).map((e) => e.itemId.split(':')[1]));
        // The quarter being reported now is listed before its items are published (a matter's 决议公开 may be).
        if (published.size === 0) continue;
        const item = async (code: string): Promise<Item | null> =>
          published.has(code) ? (await ok('disclosure', 'item', { villageId: v, quarter, itemId: `huangsheng:${code}` })).latest : null;
        const q = await report(quarter);
        expect(q.months.length).toBeGreaterThan(0);
        const rows = await rowsOfQuarter(q);
        const ledgerSum = (match: (r: LedgerRow) => boolean) => sum(rows.filter(match));

        // 3-1 月度收支明细: one line per signed month, each the month's own figures.
        const monthly = (await item('3-1'))!;
        const lines = tableOf(monthly)!.rows;
        expect(lines.map((l) => monthOfLabel(l[0]))).toEqual(q.months);
        for (const [label, income, expense, closing] of lines) {
          const m = await report(monthOfLabel(label));
          expect({ month: label, income: fen(income), expense: fen(expense), closing: fen(closing) }).toEqual({
            month: label,
            income: m.incomeFen,
            expense: m.expenseFen,
            closing: m.closingFen,
          });
        }
        expect(monthly.amountFen).toBe(q.expenseFen);

        // 3-2 季度收支汇总: the quarter's totals, balances and categories.
        const summary = (await item('3-2'))!;
        expect(textOf(summary)).toContain(`本季收入 ${yuan(q.incomeFen)} 元，支出 ${yuan(q.expenseFen)} 元`);
        expect(textOf(summary)).toContain(`季末余额 ${yuan(q.closingFen!)} 元`);
        expect(tableOf(summary)!.rows.map(([direction, account, amount]) => ({ direction, account, amountFen: fen(amount) }))).toEqual(
          q.byCategory.map((c) => ({ direction: c.direction, account: c.account, amountFen: c.amountFen })),
        );
        expect(summary.amountFen).toBe(q.incomeFen);

        // 4-1 集体资金存量: the closing balance of the quarter's last signed month.
        const cash = (await item('4-1'))!;
        const last = q.months[q.months.length - 1];
        expect(cash.title).toBe(`集体资金存量（截至${last.slice(0, 4)}年${Number(last.slice(5))}月底）`);
        expect(cash.amountFen).toBe(q.closingFen);
        expect(
          tableOf(cash)!
            .rows.map((r) => fen(r[1]))
            .reduce((a, b) => a + b, 0),
        ).toBe(q.closingFen);

        // 3-3 村干部报酬: each cadre's pay is what the books paid them, and only cadres are paid.
        const pay = (await item('3-3'))!;
        const payRows = tableOf(pay)!.rows;
        expect(payRows.map((r) => r[0]).sort()).toEqual(cadres.map((c) => c.name).sort());
        for (const [name, , amount] of payRows) expect(fen(amount)).toBe(ledgerSum((r) => r.account.endsWith('干部报酬') && r.counterparty === name));
        expect(pay.amountFen).toBe(ledgerSum((r) => r.account.endsWith('干部报酬')));

        // 3-4 招待费、办公费: the books' rows of those accounts, and their totals by category.
        const spending = (await item('3-4'))!;
        const spent = tableOf(spending)?.rows ?? [];
        for (const account of ['招待费', '办公费']) {
          const category = q.byCategory.find((c) => c.account === account)?.amountFen ?? 0;
          expect(sum(spent.filter((r) => r[1] === account).map((r) => ({ amountFen: fen(r[2]) })))).toBe(category);
          expect(ledgerSum((r) => r.account.endsWith(account))).toBe(category);
        }

        // 4-2 上级拨付: what the books received as 补助收入.
        const grants = await item('4-2');
        if (grants) expect(grants.amountFen).toBe(q.byCategory.find((c) => c.account === '补助收入')?.amountFen ?? 0);

        // 6-2 承包费 and 5-2 租金: what the books collected, from whom; no collector of a land fee is on 低保.
        const land = await item('6-2');
        if (land) {
          const contracted = q.byCategory.find((c) => c.account === '发包及上交收入')?.amountFen ?? 0;
          expect(land.amountFen).toBe(contracted);
          expect(textOf(land)).toContain(`本季度收取承包费 ${yuan(contracted)} 元`);
          for (const [tenant, mu, price, amount] of tableOf(land)!.rows) {
            expect(isOnRoster(tenant)).toBe(true);
            expect(householdOf(tenant).some((h) => lowIncomeHouseholds.has(h))).toBe(false);
            expect(fen(amount)).toBe(ledgerSum((r) => r.account.endsWith('发包及上交收入') && r.counterparty === tenant));
            // A quarter's fee is a quarter of the contract's year.
            if (q.months.some((m) => Number(m.slice(5)) % 3 === 1)) expect(fen(amount)).toBe((Number(mu) * Number(price) * 100) / 4);
          }
        }
        const rent = await item('5-2');
        if (rent) {
          const [[, tenant, , amount]] = tableOf(rent)!.rows;
          expect(isOnRoster(tenant)).toBe(true);
          expect(fen(amount)).toBe(ledgerSum((r) => r.summary.includes('库房租金')));
          expect(rent.amountFen).toBe(fen(amount));
        }

        // 2-4 村级工程: a project payment is the books' payment.
        const works = await item('2-4');
        if (works) {
          const paid = ledgerSum((r) => r.summary.startsWith('村内主街道路维修'));
          const t = tableOf(works);
          expect(t ? fen(t.rows[0][3]) : 0).toBe(paid);
        }

        // 2-2 低保: exactly the roster's 低保户, by head, with how many of each household are covered.
        const dibao = (await item('2-2'))!;
        const listed = (tableOf(dibao)?.rows ?? []).map((r) => ({ name: r[0], idMasked: r[1], persons: Number(r[3]) }));
        const expected = roster
          .filter((p) => p.relation === '户主' && lowIncomeHouseholds.has(p.householdNo))
          .map((p) => ({
            name: p.name,
            idMasked: p.idMasked,
            persons: roster.filter((x) => x.householdNo === p.householdNo && x.flags.includes('低保户')).length,
          }));
        expect(listed).toEqual(expected);
        expect(listed.length).toBeGreaterThan(0);
        for (const c of cadres) expect(listed.map((l) => l.name)).not.toContain(c.name);

        // Names in every other list are people of the roster.
        for (const code of ['1-1', '2-3']) {
          const it2 = await item(code);
          for (const r of (it2 && tableOf(it2)?.rows) ?? []) expect(code === '2-3' ? isOnRoster(r[0], r[1]) : isOnRoster(r[0])).toBe(true);
        }
        checked.push(quarter);
      }
      // Four reviewed quarters (the demo's history), each checked.
      expect(checked).toHaveLength(4);

      // 村里的钱's own page: the balance, and the latest month, quarter and year add up from their months.
      const money = await ok('finance', 'money', { villageId: v });
      const latest = await report(money.latestMonth);
      expect(money.balanceFen).toBe(latest.closingFen);
      expect(money.month).toMatchObject({ incomeFen: latest.incomeFen, expenseFen: latest.expenseFen });
      for (const period of [money.quarter, money.year]) {
        const months = await Promise.all((period.months as string[]).map((m) => report(m)));
        expect({ income: period.incomeFen, expense: period.expenseFen }).toEqual({
          income: sum(months.map((m) => ({ amountFen: m.incomeFen }))),
          expense: sum(months.map((m) => ({ amountFen: m.expenseFen }))),
        });
      }
      // Where the money page's quarter is a disclosed one, its totals are the disclosure's.
      if (checked.includes(money.quarter.period)) {
        const summary = (await ok('disclosure', 'item', { villageId: v, quarter: money.quarter.period, itemId: 'huangsheng:3-2' })).latest;
        expect(summary.amountFen).toBe(money.quarter.incomeFen);
      }
    }, 60_000);
  }

  it('leaves one month of one village waiting for the 民主理财小组: one signature of three, not public', async () => {
    const waiting: string[] = [];
    for (const d of DEMO_VILLAGES) {
      const v = d.village._id;
      const months: { month: string; state: string }[] = (await ok('finance', 'months', { villageId: v }, `${v}-accountant`)).months;
      for (const m of months.filter((x) => x.state === 'closed')) waiting.push(`${v}:${m.month}`);
    }
    const v = AWAITING_SIGNATURE.villageId;
    const latest = (await ok('finance', 'months', { villageId: v }, `${v}-accountant`)).months.find((m: { state: string }) => m.state !== 'open');
    expect(waiting).toEqual([`${v}:${latest.month}`]);
    const signer = (await ok('identity', 'whoami', {}, `${v}-finance`)).villages.find((x: { villageId: string }) => x.villageId === v).name;
    const seen = await ok('finance', 'month', { villageId: v, month: latest.month }, `${v}-finance-2`);
    expect(seen.signing).toMatchObject({ members: 3, needed: 2, summary: `已签 1/3：${signer}；还需 1 人`, mayISign: true, signedByMe: false });
    expect((await host.call('finance', 'month', { villageId: v, month: latest.month }, `${v}-villager`)).body.error.code).toBe('NOT_FOUND');
  });
});
