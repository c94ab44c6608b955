import { approved, cosignNeeded, cosignProgress, decide, quorumMet, quorumNeeded } from '../../cloudfunctions/core/matters/rules';

describe('quorum', () => {
  it('党员大会 and 村民代表会议: at least two thirds present — exactly 2/3 is enough, one short is not', () => {
    for (const body of ['party', 'representatives', 'households'] as const) {
      expect(quorumMet(body, 30, 20)).toBe(true);
      expect(quorumMet(body, 30, 19)).toBe(false);
      // 2/3 of 31 is 20.67: 21 people, not 20.
      expect(quorumNeeded(body, 31)).toBe(21);
      expect(quorumMet(body, 31, 20)).toBe(false);
      expect(quorumMet(body, 3, 2)).toBe(true);
    }
  });

  it('村民会议 of adults: more than half — exactly half is not a quorum', () => {
    expect(quorumMet('villagers', 100, 50)).toBe(false);
    expect(quorumMet('villagers', 100, 51)).toBe(true);
    expect(quorumNeeded('villagers', 101)).toBe(51);
    expect(quorumMet('villagers', 101, 50)).toBe(false);
  });

  it('an empty electorate never has a quorum', () => {
    expect(quorumMet('party', 0, 0)).toBe(false);
    expect(quorumMet('villagers', 0, 0)).toBe(false);
  });
});

describe('approval', () => {
  it('needs more than half of those present: exactly half is not a majority, and abstaining counts as present', () => {
    expect(approved('majority', 10, 5)).toBe(false);
    expect(approved('majority', 10, 6)).toBe(true);
    expect(approved('majority', 11, 6)).toBe(true);
    expect(approved('majority', 0, 0)).toBe(false);
  });

  it('筹资筹劳 where the province asks two thirds: exactly 2/3 passes, one short does not', () => {
    expect(approved('two_thirds', 9, 6)).toBe(true);
    expect(approved('two_thirds', 9, 5)).toBe(false);
    expect(approved('two_thirds', 10, 7)).toBe(true);
    expect(approved('two_thirds', 10, 6)).toBe(false);
  });
});

describe('co-signing a villager proposal', () => {
  it('needs one tenth of adults or one fifth of representatives, rounded up', () => {
    expect(cosignNeeded(95, 21)).toEqual({ adults: 10, representatives: 5 });
    expect(cosignNeeded(100, 20)).toEqual({ adults: 10, representatives: 4 });
    expect(cosignNeeded(0, 0)).toEqual({ adults: 1, representatives: 1 });
  });

  it('says how many more are needed by whichever threshold is nearer, counting representatives as the rule does', () => {
    // One villager signed; 3 adults or 1 representative are needed: one 村民代表 more is enough.
    expect(cosignProgress({ neededAdults: 3, neededRepresentatives: 1, adults: 1, representatives: 0 })).toBe(
      '已有 1 人联名，再有 2 位村民联名，或者 1 位村民代表联名，就够了',
    );
    expect(cosignProgress({ neededAdults: 10, neededRepresentatives: 5, adults: 4, representatives: 2 })).toBe(
      '已有 4 人联名（其中村民代表 2 人），再有 6 位村民联名，或者 3 位村民代表联名，就够了',
    );
    // When the villagers' count is the nearer one, anyone will do.
    expect(cosignProgress({ neededAdults: 3, neededRepresentatives: 4, adults: 2, representatives: 0 })).toBe('已有 2 人联名，再有 1 人联名就够了');
    expect(cosignProgress({ neededAdults: 3, neededRepresentatives: 1, adults: 1, representatives: 1 })).toBe('已有 1 人联名（其中村民代表 1 人），人数已够');
  });
});

describe('decide', () => {
  it('a meeting without a quorum passes nothing, however it voted, and says so', () => {
    const r = decide('representatives', 'majority', 30, 19, { 同意: 19, 不同意: 0, 弃权: 0 });
    expect(r).toMatchObject({ quorumMet: false, passed: false });
    expect(r.rules.join('')).toContain('未达到法定人数');
  });

  it('writes out the rules it applied with the numbers', () => {
    const r = decide('villagers', 'majority', 100, 60, { 同意: 31, 不同意: 20, 弃权: 9 });
    expect(r).toMatchObject({ quorumMet: true, passed: true, eligible: 100, present: 60 });
    expect(r.rules[0]).toBe('到会人数须超过本村 18 周岁以上村民的一半（应到 100 人，至少 51 人）；实到 60 人，达到法定人数。');
    expect(r.rules[1]).toBe('同意票须超过到会人数的一半；同意 31/60，通过。');
    expect(decide('villagers', 'majority', 100, 60, { 同意: 30, 不同意: 20, 弃权: 10 }).passed).toBe(false);
  });
});
