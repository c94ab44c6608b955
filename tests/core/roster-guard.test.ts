import { confirmationMatches, moreThanAFifth, personWithOffices, townshipReasons, townshipRefusal } from '../../cloudfunctions/core/people/guard';

const person = (n: number, roles: string[] = []) => ({ personId: `p${n}`, name: `村民${n}`, assignedRoles: roles as never[] });

describe('nobody is removed by accident', () => {
  it('counts "more than a fifth" exactly, in whole numbers', () => {
    expect(moreThanAFifth(6, 32)).toBe(false);
    expect(moreThanAFifth(7, 32)).toBe(true);
    expect(moreThanAFifth(1, 5)).toBe(false);
    expect(moreThanAFifth(2, 5)).toBe(true);
    expect(moreThanAFifth(0, 0)).toBe(false);
  });

  it('lets a cadre remove a few people who hold no office', () => {
    expect(townshipReasons({ rosterSize: 32, removing: [person(20), person(21)], losingVote: [], callerId: 'p1' })).toEqual([]);
  });

  it('names everyone holding an office, with the office, and the caller', () => {
    const reasons = townshipReasons({
      rosterSize: 32,
      removing: [person(1, ['secretary']), person(3, ['supervisor_chair']), person(9)],
      losingVote: [],
      callerId: 'p1',
    });
    expect(reasons).toEqual(['会移出担任职务的人：村民1（村党组织书记）、村民3（村务监督委员会主任）', '会移出您本人（村民1）']);
    expect(townshipRefusal(reasons)).toContain('要镇管理员确认后才能进行');
  });

  it('says both when an import removes some people and takes the vote of others', () => {
    expect(townshipReasons({ rosterSize: 9, removing: [person(1)], losingVote: [person(2)], callerId: 'p2' })).toEqual([
      '会移出 2 人（或让其不再参加本村村民会议表决），超过花名册现有 9 人的五分之一',
      '会移出您本人（村民2）（或让其不再参加本村村民会议表决）',
    ]);
  });

  it('refuses more than a fifth even with no office holder among them', () => {
    const removing = Array.from({ length: 7 }, (_, i) => person(10 + i));
    expect(townshipReasons({ rosterSize: 32, removing, losingVote: [], callerId: null })).toEqual(['会移出 7 人，超过花名册现有 32 人的五分之一']);
  });

  it('counts a vote taken away (户籍 moved elsewhere) like a removal', () => {
    expect(townshipReasons({ rosterSize: 32, removing: [], losingVote: [person(5, ['supervisor'])], callerId: null })).toEqual([
      '会让担任职务的人不再参加本村村民会议表决：村民5（村务监督委员会委员）',
    ]);
    expect(personWithOffices(person(6, ['finance_panel', 'household_head']))).toBe('村民6（民主理财小组成员）');
  });

  it('takes the typed number of people removed as confirmation, in any width', () => {
    expect(confirmationMatches('24', 24)).toBe(true);
    expect(confirmationMatches(' ２４ ', 24)).toBe(true);
    expect(confirmationMatches('23', 24)).toBe(false);
    expect(confirmationMatches(undefined, 24)).toBe(false);
    expect(confirmationMatches('确认', 24)).toBe(false);
    expect(confirmationMatches(undefined, 0)).toBe(true);
  });
});
