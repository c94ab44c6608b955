import type { MeetingResult } from '../../types/matters';
import { afterMeeting, eligibleFor, fundingPlan, nextStage, sameCounts } from '../../cloudfunctions/core/matters/rules';
import type { MatterDoc, TallyDoc } from '../../cloudfunctions/core/matters/model';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { DEFAULT_SETTINGS } from '../../cloudfunctions/core/shared/records';

const DAY = '2026-06-01';
const KEY = 'test-key';

let n = 0;
/** A roster person with their age facts in clear (records from before sealing read this way). */
function person(over: Partial<PersonDoc> & { birthMonth?: string; adultOn?: string } = {}): PersonDoc {
  n += 1;
  return {
    _id: `v1:p${n}`,
    villageId: 'v1',
    name: `村民${n}`,
    nameKey: `村民${n}`,
    gender: '男',
    idHash: `h${n}`,
    idMasked: '3703**********1234',
    sealed: '',
    householdNo: `H${n}`,
    relation: '户主',
    isHouseholdHead: true,
    group: '一组',
    phoneMasked: null,
    partyMember: false,
    representative: false,
    lowIncome: false,
    activeSoldier: false,
    inRoster: true,
    birthMonth: '1980-03',
    adultOn: '1998-03-01',
    ...over,
  } as PersonDoc;
}

const plan = { project: '修村道', budgetFen: 1_000_000, perPersonFen: 1_000, workdays: 2 };

describe('筹资筹劳 plan against the roster and the province caps', () => {
  it('低保 households pay no money, soldiers are exempt from both, minors are counted apart, labour stops at working age', () => {
    const people = [
      person(),
      person({ householdNo: 'LOW', lowIncome: true }),
      // Another member of a 低保 household is exempt too, even without the flag on their own row.
      person({ householdNo: 'LOW', isHouseholdHead: false }),
      person({ activeSoldier: true }),
      person({ birthMonth: '2010-01', adultOn: '2028-01-01' }),
      person({ birthMonth: '1950-01', adultOn: '1968-01-01' }),
    ];
    const f = fundingPlan(plan, people, DAY, DEFAULT_SETTINGS, '2026-06-01T00:00:00.000Z', KEY);
    expect(f.exempt).toEqual({ lowIncome: 2, soldiers: 1, minors: 1 });
    expect(f.payers).toBe(2);
    expect(f.raisedFen).toBe(2_000);
    // The 76-year-old pays but is past working age; the 低保 members still give labour.
    expect(f.labourers).toBe(3);
    expect(f.publicisedAt).toBe('2026-06-01T00:00:00.000Z');
  });

  it('exactly the cap is allowed; one fen or one workday over is refused with the cap in yuan', () => {
    expect(() => fundingPlan({ ...plan, perPersonFen: DEFAULT_SETTINGS.fundingCapFen }, [], DAY, DEFAULT_SETTINGS, 'x', KEY)).not.toThrow();
    expect(() => fundingPlan({ ...plan, perPersonFen: DEFAULT_SETTINGS.fundingCapFen + 1 }, [], DAY, DEFAULT_SETTINGS, 'x', KEY)).toThrow(
      '每人每年筹资不能超过 15 元（本省上限），方案里是 15.01 元。',
    );
    expect(() => fundingPlan({ ...plan, workdays: DEFAULT_SETTINGS.labourCapDays + 1 }, [], DAY, DEFAULT_SETTINGS, 'x', KEY)).toThrow('不能超过 10 个工日');
  });

  it('a plan that asks for neither money nor labour is refused', () => {
    expect(() => fundingPlan({ ...plan, perPersonFen: 0, workdays: 0 }, [], DAY, DEFAULT_SETTINGS, 'x', KEY)).toThrow('要写明每人筹资金额或筹劳工日');
  });
});

describe('who may take part in a meeting', () => {
  it('a villager turning 18 on the day of the vote may vote in the 村民会议; the day before, not', () => {
    const p = person({ adultOn: DAY });
    expect(eligibleFor('villagers', p, DAY, KEY)).toBe(true);
    expect(eligibleFor('villagers', p, '2026-05-31', KEY)).toBe(false);
  });

  it('someone whose 户籍 is elsewhere votes in neither the 村民会议 nor as 户代表 here, but still in the party meeting', () => {
    const p = person({ hukouHere: false, partyMember: true });
    expect(eligibleFor('villagers', p, DAY, KEY)).toBe(false);
    expect(eligibleFor('households', p, DAY, KEY)).toBe(false);
    expect(eligibleFor('party', p, DAY, KEY)).toBe(true);
  });

  it('nobody off the roster takes part, and 户代表 votes are for household heads only', () => {
    expect(eligibleFor('party', person({ inRoster: false, partyMember: true }), DAY, KEY)).toBe(false);
    expect(eligibleFor('households', person({ isHouseholdHead: false }), DAY, KEY)).toBe(false);
    expect(eligibleFor('representatives', person({ representative: true }), DAY, KEY)).toBe(true);
  });
});

describe('where a closed meeting leaves the matter', () => {
  const matter = { history: [], funding: null } as unknown as MatterDoc;
  const result = (quorumMet: boolean, passed: boolean) => ({ quorumMet, passed }) as MeetingResult;

  it('without a quorum the stage stays, so a new meeting can be called', () => {
    const p = afterMeeting(matter, { stage: '审议' }, result(false, false), '表决：', 't', '监委会');
    expect(p).toEqual({
      openMeetingId: null,
      history: [{ stage: '审议', at: 't', by: '监委会', record: '表决：未达到法定人数，表决无效，需要重新召开会议。' }],
    });
  });

  it('voted down stops the matter with the stage named', () => {
    const p = afterMeeting(matter, { stage: '决议' }, result(true, false), '', 't', 'x');
    expect(p.status).toBe('stopped');
    expect(p.stopReason).toBe('决议未通过');
  });

  it('passed at 审议 goes to 决议; passed at 决议 goes to 决议公开, or to the township first when it raises money', () => {
    expect(afterMeeting(matter, { stage: '审议' }, result(true, true), '', 't', 'x').stage).toBe('决议');
    expect(afterMeeting(matter, { stage: '决议' }, result(true, true), '', 't', 'x').stage).toBe('决议公开');
    const funded = afterMeeting({ ...matter, funding: {} } as MatterDoc, { stage: '决议' }, result(true, true), '', 't', 'x');
    expect(funded.stage).toBeUndefined();
    expect(funded.status).toBe('filing');
    expect(funded.filing).toEqual({ state: 'pending', reason: null, at: null });
  });

  it('the last stage has no next one', () => {
    expect(nextStage('决议公开')).toBe('实施结果公开');
    expect(nextStage('实施结果公开')).toBe('实施结果公开');
  });
});

describe('running tally against the recount', () => {
  const tally = { _id: 'm', present: 3, online: 2, inPerson: 1, boxed: 0, yes: 2, no: 1, abstain: 0 } as TallyDoc;
  it('agrees only when attendance and every choice agree', () => {
    expect(sameCounts(tally, { present: 3, counts: { 同意: 2, 不同意: 1, 弃权: 0 } })).toBe(true);
    expect(sameCounts(tally, { present: 4, counts: { 同意: 2, 不同意: 1, 弃权: 0 } })).toBe(false);
    expect(sameCounts(tally, { present: 3, counts: { 同意: 1, 不同意: 2, 弃权: 0 } })).toBe(false);
  });
});
