import { householdShareOf } from '../../cloudfunctions/core/matters/household';
import { fundingPlan } from '../../cloudfunctions/core/matters/rules';
import { DEFAULT_SETTINGS, type PersonDoc } from '../../cloudfunctions/core/shared/records';

// What a 筹资筹劳 plan asks of one household (我家): the plan's own rules, applied to its members.

const DAY = '2026-11-23';
const KEY = 'test-key';
const AGE_MAX = DEFAULT_SETTINGS.workingAgeMax;
const plan = { perPersonFen: 1_500, workdays: 3 };

let n = 0;
/** A roster person with their age facts in clear (records from before sealing read this way). */
function person(birthMonth: string, over: Partial<PersonDoc> = {}): PersonDoc {
  n += 1;
  const [y, m] = birthMonth.split('-');
  return {
    _id: `v1:p${n}`,
    villageId: 'v1',
    name: `村民${n}`,
    nameKey: `村民${n}`,
    gender: '男',
    idHash: `h${n}`,
    idMasked: '3703**********1234',
    sealed: '',
    householdNo: 'H1',
    relation: '子女',
    isHouseholdHead: false,
    group: '一组',
    phoneMasked: null,
    partyMember: false,
    representative: false,
    lowIncome: false,
    activeSoldier: false,
    inRoster: true,
    birthMonth,
    adultOn: `${Number(y) + 18}-${m}-01`,
    ...over,
  } as PersonDoc;
}

describe('householdShareOf: what a 筹资筹劳 plan asks of one household', () => {
  it('asks money of each adult, labour of each adult up to working age, and names who is left out and why', () => {
    const members = [
      person('1955-01', { relation: '户主', isHouseholdHead: true }), // 71: pays, past working age
      person('1966-11'), // 60 on the day: still works
      person('1965-11'), // 61: pays only
      person('1990-04'), // 36: pays and works
      person('2000-08', { activeSoldier: true }), // serving: neither
      person('2012-06'), // 14: neither
    ];
    expect(householdShareOf(plan, members, DAY, AGE_MAX, KEY)).toEqual({
      payers: 4,
      labourers: 2,
      shareFen: 6_000,
      shareWorkdays: 6,
      exempt: ['现役军人免除', '未满18周岁不筹'],
    });
  });

  it('turning 18 in the plan’s month counts from the day of adulthood, not before', () => {
    const teen = person('2008-11', { adultOn: '2026-11-23' });
    expect(householdShareOf(plan, [teen], DAY, AGE_MAX, KEY)).toMatchObject({ payers: 1, labourers: 1, shareFen: 1_500, exempt: [] });
    expect(householdShareOf(plan, [teen], '2026-11-22', AGE_MAX, KEY)).toMatchObject({ payers: 0, labourers: 0, shareFen: 0, exempt: ['未满18周岁不筹'] });
  });

  it('lets a 低保 household pay nothing, whichever member carries the flag, and still asks its labour', () => {
    const members = [person('1980-03', { relation: '户主', isHouseholdHead: true }), person('1982-05'), person('2015-02', { lowIncome: true })];
    expect(householdShareOf(plan, members, DAY, AGE_MAX, KEY)).toEqual({
      payers: 0,
      labourers: 2,
      shareFen: 0,
      shareWorkdays: 6,
      exempt: ['低保户免交筹资', '未满18周岁不筹'],
    });
  });

  it('adds up, household by household, to what the plan asks of the whole village', () => {
    const village = [
      person('1955-01', { householdNo: 'A' }),
      person('1990-04', { householdNo: 'A' }),
      person('2012-06', { householdNo: 'A' }),
      person('1970-02', { householdNo: 'B', lowIncome: true }),
      person('1996-09', { householdNo: 'B' }),
      person('1999-12', { householdNo: 'C', activeSoldier: true }),
      person('1958-07', { householdNo: 'C' }),
      person('1966-11', { householdNo: 'C' }),
    ];
    const whole = fundingPlan({ project: '修村道', budgetFen: 1_000_000, ...plan }, village, DAY, DEFAULT_SETTINGS, `${DAY}T02:00:00.000Z`, KEY);
    const shares = ['A', 'B', 'C'].map((h) =>
      householdShareOf(
        plan,
        village.filter((p) => p.householdNo === h),
        DAY,
        AGE_MAX,
        KEY,
      ),
    );
    const sum = (f: (s: (typeof shares)[number]) => number) => shares.reduce((t, s) => t + f(s), 0);
    expect(sum((s) => s.payers)).toBe(whole.payers);
    expect(sum((s) => s.labourers)).toBe(whole.labourers);
    expect(sum((s) => s.shareFen)).toBe(whole.raisedFen);
    expect(shares.map((s) => s.shareFen)).toEqual([3_000, 0, 3_000]);
  });
});
