import { shardFor, TALLY_SHARDS } from '../../cloudfunctions/core/matters/tally';

describe('where a vote is counted', () => {
  it('is drawn at random for each vote, so a database copy cannot tie a shard to a voter by replaying their vote', () => {
    // Deterministic placement (say, from the person id) would give one shard here every time; an
    // operator could replay a villager's vote on a copy, see where it lands and read that shard.
    const seen = new Set(Array.from({ length: 200 }, () => shardFor('m1', 'vote')));
    expect(seen.size).toBeGreaterThan(TALLY_SHARDS / 2);
    for (const id of seen) expect(id === 'm1' || /^m1:([1-9]|1[0-5])$/.test(id)).toBe(true);
  });

  it("puts what the 监委会 enters for the whole room on the meeting's own document", () => {
    expect(shardFor('m1', 'room')).toBe('m1');
  });
});
