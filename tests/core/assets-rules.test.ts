import {
  DEFAULT_ASSET_SETTINGS,
  allocate,
  assetWarnings,
  contractWarnings,
  type ContractFacts,
  installmentsOf,
  owingOf,
  pricePerMu,
  rentMatchScore,
  statusOn,
  termMonths,
  termText,
} from '../../cloudfunctions/core/assets/rules';

const S = { ...DEFAULT_ASSET_SETTINGS, referencePriceFen: { arable: 80_000 } };

function facts(over: Partial<ContractFacts> = {}): ContractFacts {
  const base = { startOn: '2026-01-01', endOn: '2030-12-31', priceFenPerYear: 1_000_000, schedule: 'yearly' as const };
  const c = { ...base, ...over };
  return {
    id: 'c1',
    subjectName: '东洼耕地',
    counterparty: '李建国',
    kind: 'outsource',
    status: 'active',
    land: { kind: 'arable', areaMu100: 1000 },
    hasDecision: true,
    installments: allocate(installmentsOf({ ...c, schedule: 'yearly' }), over.receivedFen ?? 5_000_000),
    receivedFen: 5_000_000,
    ...c,
  };
}

const kinds = (c: ContractFacts, today: string, s = S) => contractWarnings(c, s, today).map((w) => `${w.kind}:${w.level}`);

describe('a contract term', () => {
  it('counts months from the first day to the last inclusive, a part month whole', () => {
    expect(termMonths('2027-01-01', '2031-12-31')).toBe(60);
    expect(termText('2027-01-01', '2031-12-31')).toBe('5年');
    expect(termText('2026-01-01', '2028-06-30')).toBe('2年6个月');
    expect(termText('2026-03-01', '2026-10-31')).toBe('8个月');
    expect(termMonths('2026-01-15', '2026-08-15')).toBe(8);
  });
});

describe('installments', () => {
  it('fall due at the start of each period and add up to the term at the yearly price', () => {
    const list = installmentsOf({ startOn: '2027-01-01', endOn: '2031-12-31', priceFenPerYear: 1_000_000, schedule: 'yearly' });
    expect(list.map((i) => i.due)).toEqual(['2027-01-01', '2028-01-01', '2029-01-01', '2030-01-01', '2031-01-01']);
    expect(list.every((i) => i.amountFen === 1_000_000)).toBe(true);
  });

  it('leave no fen to rounding: the last takes what is left', () => {
    const list = installmentsOf({ startOn: '2026-01-01', endOn: '2027-12-31', priceFenPerYear: 100_001, schedule: 'half_yearly' });
    expect(list).toHaveLength(4);
    expect(list.reduce((s, i) => s + i.amountFen, 0)).toBe(200_002);
  });

  it('charge a short last period only for its months', () => {
    // Seven months, quarterly: 3 + 3 + 1.
    const list = installmentsOf({ startOn: '2026-01-15', endOn: '2026-08-14', priceFenPerYear: 120_000, schedule: 'quarterly' });
    expect(list).toEqual([
      { due: '2026-01-15', amountFen: 30_000 },
      { due: '2026-04-15', amountFen: 30_000 },
      { due: '2026-07-15', amountFen: 10_000 },
    ]);
  });

  it('are one payment at the start when paid at once', () => {
    expect(installmentsOf({ startOn: '2026-03-01', endOn: '2029-02-28', priceFenPerYear: 50_000, schedule: 'once' })).toEqual([
      { due: '2026-03-01', amountFen: 150_000 },
    ]);
  });

  it('are covered oldest first by the rent received', () => {
    const list = allocate(
      [
        { due: '2026-01-01', amountFen: 100 },
        { due: '2027-01-01', amountFen: 100 },
      ],
      150,
    );
    expect(list.map((i) => i.paidFen)).toEqual([100, 50]);
  });
});

describe('what is owed', () => {
  const list = allocate(installmentsOf({ startOn: '2026-12-01', endOn: '2028-11-30', priceFenPerYear: 300_000, schedule: 'yearly' }), 0);

  it('is due on the due day but owed only from the day after', () => {
    expect(owingOf(list, 0, '2026-11-30')).toEqual({ dueFen: 0, arrearsFen: 0, owedSince: null });
    expect(owingOf(list, 0, '2026-12-01')).toEqual({ dueFen: 300_000, arrearsFen: 0, owedSince: null });
    expect(owingOf(list, 0, '2026-12-02')).toEqual({ dueFen: 300_000, arrearsFen: 300_000, owedSince: '2026-12-01' });
  });

  it('is what fell due less what was received', () => {
    const paid = allocate(installmentsOf({ startOn: '2026-12-01', endOn: '2028-11-30', priceFenPerYear: 300_000, schedule: 'yearly' }), 100_000);
    expect(owingOf(paid, 100_000, '2026-12-02')).toMatchObject({ arrearsFen: 200_000, owedSince: '2026-12-01' });
    const all = allocate(installmentsOf({ startOn: '2026-12-01', endOn: '2028-11-30', priceFenPerYear: 300_000, schedule: 'yearly' }), 300_000);
    expect(owingOf(all, 300_000, '2027-06-01')).toMatchObject({ arrearsFen: 0, owedSince: null });
  });
});

describe('warnings', () => {
  it('warn of expiry from 90 days before the last day, and in red once it has passed', () => {
    const c = facts({ endOn: '2027-03-01' });
    // 2026-11-30 is 91 days before the last day; 2026-12-01 is 90.
    expect(kinds(c, '2026-11-30')).toEqual([]);
    expect(kinds(c, '2026-12-01')).toEqual(['expiring:yellow']);
    expect(contractWarnings(c, S, '2026-12-01')[0].text).toContain('还有90天');
    expect(kinds(c, '2027-03-01')).toEqual(['expiring:yellow']);
    expect(kinds(c, '2027-03-02')).toEqual(['expiring:red']);
    // A contract renewed or ended early is not warned of expiring.
    expect(kinds({ ...c, status: 'renewed' }, '2027-03-02')).toEqual([]);
  });

  it('warn of rent owed from the day after it fell due', () => {
    const installments = allocate(installmentsOf({ startOn: '2026-01-01', endOn: '2030-12-31', priceFenPerYear: 1_000_000, schedule: 'yearly' }), 0);
    const c = facts({ installments, receivedFen: 0 });
    expect(kinds(c, '2026-01-01')).toEqual([]);
    expect(kinds(c, '2026-01-02')).toEqual(['overdue:red']);
    const w = contractWarnings(c, S, '2026-01-02')[0];
    expect(w.occasion).toBe('2026-01-01');
    expect(w.text).toBe('东洼耕地的发包合同（李建国）2026年1月1日起应交的租金还没收齐。');
  });

  it('warn of a term longer than the township allows, and not of one exactly at it', () => {
    expect(kinds(facts({ startOn: '2026-01-01', endOn: '2055-12-31' }), '2026-06-01')).toEqual([]);
    expect(kinds(facts({ startOn: '2026-01-01', endOn: '2056-01-01' }), '2026-06-01')).toEqual(['long_term:red']);
    expect(kinds(facts({ startOn: '2026-01-01', endOn: '2056-01-01' }), '2026-06-01', { ...S, termLimitYears: 50 })).toEqual([]);
  });

  it('warn of a price per 亩 below the reference for that land, and not of one at it', () => {
    // 10 亩 at 8,000 元 a year: 800 元 a 亩, the reference.
    expect(kinds(facts({ priceFenPerYear: 800_000 }), '2026-06-01')).toEqual([]);
    expect(kinds(facts({ priceFenPerYear: 799_990 }), '2026-06-01')).toEqual(['low_price:red']);
    // No reference set for 林地: not checked.
    expect(kinds(facts({ priceFenPerYear: 1, land: { kind: 'forest', areaMu100: 1000 } }), '2026-06-01')).toEqual([]);
    // A building has no price per 亩.
    expect(kinds(facts({ priceFenPerYear: 1, land: null }), '2026-06-01')).toEqual([]);
    expect(pricePerMu(800_000, 1000)).toBe(80_000);
  });

  it('warn of a contract no meeting or matter approved', () => {
    expect(kinds(facts({ hasDecision: false }), '2026-06-01')).toEqual(['no_decision:red']);
  });

  it('warn of an asset idle for the township’s months, from the day it became idle', () => {
    const a = { id: 'a1', name: '老村委会院', state: 'idle', stateSince: '2026-01-15' };
    expect(assetWarnings(a, S, '2026-07-14')).toEqual([]);
    expect(assetWarnings(a, S, '2026-07-15').map((w) => w.kind)).toEqual(['idle']);
    expect(assetWarnings({ ...a, state: 'in_use' }, S, '2027-07-15')).toEqual([]);
  });
});

describe('a contract read', () => {
  it('reads as ended once its last day has passed, unless renewed or ended early', () => {
    expect(statusOn('active', '2026-12-31', '2026-12-31')).toBe('active');
    expect(statusOn('active', '2026-12-31', '2027-01-01')).toBe('ended');
    expect(statusOn('terminated', '2026-12-31', '2027-01-01')).toBe('terminated');
  });
});

describe('the rent a ledger row pays', () => {
  it('is suggested by the counterparty first, then the asset named in the summary', () => {
    const lee = { counterparty: '李建国', subjectName: '东洼耕地' };
    const pond = { counterparty: '杨家水产合作社', subjectName: '南塘' };
    const row = { counterparty: '李建国', summary: '收东洼耕地2026年承包费' };
    expect(rentMatchScore(lee, row)).toBeGreaterThan(rentMatchScore(pond, row));
    expect(rentMatchScore(pond, { counterparty: '', summary: '南塘租金' })).toBeGreaterThan(rentMatchScore(lee, { counterparty: '', summary: '南塘租金' }));
    expect(rentMatchScore(lee, { counterparty: '王五', summary: '卖废品' })).toBe(0);
  });
});
