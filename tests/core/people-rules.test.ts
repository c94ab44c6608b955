import type { ApprovalDoc } from '../../cloudfunctions/core/people/model';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import type { PersonDraft } from '../../cloudfunctions/core/people/roster';
import { approvalIdOf, approvalStateOf, changedBy, hukouState, importPatch, rosterFlags } from '../../cloudfunctions/core/people/rules';

const NOW = new Date('2026-03-10T02:00:00.000Z');

const person = (over: Partial<PersonDoc> = {}) =>
  ({
    _id: 'p1',
    villageId: 'yangjia',
    name: '张三',
    nameKey: '张三',
    gender: '男',
    idMasked: '3703**********1234',
    sealed: 's',
    householdNo: '001',
    relation: '户主',
    isHouseholdHead: true,
    group: '一组',
    phoneMasked: null,
    phoneHash: null,
    partyMember: false,
    representative: false,
    lowIncome: false,
    activeSoldier: false,
    inRoster: true,
    assignedRoles: [],
    boundOpenid: null,
    ...over,
  }) as unknown as PersonDoc;

const draftOf = (p: PersonDoc, over: Partial<PersonDraft> = {}) => ({ ...p, ...over }) as unknown as PersonDraft;

describe('what a re-import writes', () => {
  it('nothing for a person the file lists exactly as the roster has them', () => {
    const p = person();
    expect(changedBy(p, draftOf(p))).toBe(false);
  });

  it('a person whose listed fields changed, or who was off the roster', () => {
    const p = person();
    expect(changedBy(p, draftOf(p, { group: '二组' }))).toBe(true);
    expect(changedBy(person({ inRoster: false }), draftOf(p))).toBe(true);
  });

  it('a file without a 户籍 column leaves 户籍 alone; one that says 本村 for a record written before the column changes nothing', () => {
    const old = person();
    expect(changedBy(old, draftOf(old, { hukouHere: undefined, hukouPlace: undefined }))).toBe(false);
    expect(changedBy(old, draftOf(old, { hukouHere: true }))).toBe(false);
    expect(changedBy(old, draftOf(old, { hukouHere: false, hukouPlace: '李家村' }))).toBe(true);
  });

  it('writes no undefined field, so a missing 户籍 column cannot blank what was recorded', () => {
    const patch = importPatch({ _id: 'p1', name: '张三', hukouHere: undefined, hukouPlace: undefined } as unknown as PersonDraft, NOW.toISOString());
    expect(patch).toEqual({ name: '张三', inRoster: true, importedAt: NOW.toISOString() });
    expect('_id' in patch).toBe(false);
  });
});

describe('a township approval', () => {
  const approved = { _id: 'x', state: 'approved', expiresAt: '2026-03-11T02:00:00.000Z', affectedDigest: 'd1' } as ApprovalDoc;

  it('is bound to the village, the mode and the file', () => {
    expect(approvalIdOf('yangjia', 'replace', 'abc')).toBe('yangjia:replace:abc');
    expect(approvalIdOf('yangjia', 'merge', 'abc')).not.toBe(approvalIdOf('yangjia', 'replace', 'abc'));
  });

  it('holds until the moment it expires, and not at that moment', () => {
    expect(approvalStateOf(approved, NOW)).toBe('approved');
    expect(approvalStateOf(approved, new Date('2026-03-11T01:59:59.999Z'))).toBe('approved');
    expect(approvalStateOf(approved, new Date('2026-03-11T02:00:00.000Z'))).toBe('expired');
  });

  it('no longer holds when the roster changed who the import would affect', () => {
    expect(approvalStateOf(approved, NOW, 'd1')).toBe('approved');
    expect(approvalStateOf(approved, NOW, 'd2')).toBe('changed');
  });

  it('reads as stored while pending, turned down or used', () => {
    for (const state of ['pending', 'rejected', 'used'] as const) expect(approvalStateOf({ ...approved, state }, NOW, 'other')).toBe(state);
  });
});

describe('the roster list', () => {
  it('says in words who does not vote here', () => {
    expect(rosterFlags(person({ partyMember: true, hukouHere: false } as Partial<PersonDoc>))).toEqual(['党员', '户籍不在本村']);
    expect(rosterFlags(person())).toEqual([]);
  });
});

describe('a person on several rosters', () => {
  const v = (hukouHere: boolean) => ({ hukouHere }) as never;
  it('votes in the one village holding their 户籍; none or several is to put right', () => {
    expect(hukouState([v(true), v(false)])).toBe('one');
    expect(hukouState([v(false), v(false)])).toBe('none');
    expect(hukouState([v(true), v(true)])).toBe('several');
  });
});
