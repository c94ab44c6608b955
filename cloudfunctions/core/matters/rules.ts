import type { Choice, MeetingBody, MeetingResult } from '../../../types/matters';

/**
 * The meeting rules of 《村民委员会组织法》 and the party's rules for 党员大会, as pure functions
 * of whole numbers: no floating point, so "exactly two thirds" is exactly two thirds.
 *
 * - 党员大会 (审议): quorum ≥ 2/3 of party members present; passes with > 1/2 of those present.
 * - 村民会议 (Art. 22): quorum > 1/2 of villagers aged 18+, or household representatives of ≥ 2/3
 *   of households; passes with > 1/2 of those present.
 * - 村民代表会议 (Art. 26): quorum ≥ 2/3 of members present; passes with > 1/2 of those present.
 * - Where the province says so, 一事一议 筹资筹劳 needs ≥ 2/3 of those present (township setting).
 */

/** The fewest present for a quorum of `eligible`. */
export function quorumNeeded(body: MeetingBody, eligible: number): number {
  if (eligible <= 0) return 1;
  // > 1/2 of adults: the smallest n with 2n > eligible.
  if (body === 'villagers') return Math.floor(eligible / 2) + 1;
  // ≥ 2/3: the smallest n with 3n ≥ 2·eligible.
  return Math.ceil((2 * eligible) / 3);
}

export function quorumMet(body: MeetingBody, eligible: number, present: number): boolean {
  return eligible > 0 && present >= quorumNeeded(body, eligible);
}

export type Approval = 'majority' | 'two_thirds';

/** Passes: more than half (or at least two thirds) of those present agree. Abstaining counts as present. */
export function approved(approval: Approval, present: number, yes: number): boolean {
  if (present <= 0) return false;
  return approval === 'two_thirds' ? 3 * yes >= 2 * present : 2 * yes > present;
}

/** Villager proposals move on with ≥ 1/10 of adult villagers, or ≥ 1/5 of representatives, co-signing. */
export function cosignNeeded(adults: number, representatives: number): { adults: number; representatives: number } {
  return { adults: Math.max(1, Math.ceil(adults / 10)), representatives: Math.max(1, Math.ceil(representatives / 5)) };
}

/**
 * How far a villager proposal's co-signing has come, in the words the 联名 card shows. Either
 * threshold moves it on, and a representative counts towards both: when fewer representatives
 * than villagers are still needed, saying only "需要 N 人" would hide that one more 村民代表 is enough.
 */
export function cosignProgress(c: { neededAdults: number; neededRepresentatives: number; adults: number; representatives: number }): string {
  const adults = Math.max(0, c.neededAdults - c.adults);
  const reps = Math.max(0, c.neededRepresentatives - c.representatives);
  const so = `已有 ${c.adults} 人联名${c.representatives ? `（其中村民代表 ${c.representatives} 人）` : ''}`;
  if (adults === 0 || reps === 0) return `${so}，人数已够`;
  if (adults <= reps) return `${so}，再有 ${adults} 人联名就够了`;
  return `${so}，再有 ${adults} 位村民联名，或者 ${reps} 位村民代表联名，就够了`;
}

const pct = (n: number, d: number) => `${n}/${d}`;

/** The whole result with the rules applied written out, as the result page publishes it. */
export function decide(body: MeetingBody, approval: Approval, eligible: number, present: number, counts: Record<Choice, number>): MeetingResult {
  const met = quorumMet(body, eligible, present);
  const passed = met && approved(approval, present, counts['同意']);
  const quorumRule =
    body === 'villagers'
      ? `到会人数须超过本村 18 周岁以上村民的一半（应到 ${eligible} 人，至少 ${quorumNeeded(body, eligible)} 人）`
      : body === 'households'
        ? `须有本村三分之二以上的户代表到会（应到 ${eligible} 户，至少 ${quorumNeeded(body, eligible)} 户）`
        : `到会人数须达到应到人数的三分之二（应到 ${eligible} 人，至少 ${quorumNeeded(body, eligible)} 人）`;
  const passRule = approval === 'two_thirds' ? '同意票须达到到会人数的三分之二（筹资筹劳，按本省规定）' : '同意票须超过到会人数的一半';
  return {
    eligible,
    present,
    counts,
    quorumMet: met,
    passed,
    rules: [
      `${quorumRule}；实到 ${present} 人，${met ? '达到' : '未达到'}法定人数。`,
      met ? `${passRule}；同意 ${pct(counts['同意'], present)}，${passed ? '通过' : '未通过'}。` : '未达到法定人数，本次会议的表决无效，需要重新召开。',
    ],
  };
}
