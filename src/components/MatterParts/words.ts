import type { Choice, MeetingResult, ProposeInput } from '../../../types/matters';
import { BODY_NAMES } from '../../../types/matters';

/*
 * The words of a vote, apart from the parts that draw them: a page that styles its own cards
 * (the 监委会's meeting page) uses these without pulling in the shared styles.
 */

export const countsText = (c: Record<Choice, number>) => `同意 ${c.同意}，不同意 ${c.不同意}，弃权 ${c.弃权}`;

/** Quorum first: a vote short of it decides nothing, whatever the counts. */
export function verdictOf(r: MeetingResult): string {
  return !r.quorumMet ? '未达到法定人数' : r.passed ? '通过' : '未通过';
}

export type DecisionBody = ProposeInput['decisionBody'];

/** Who may pass a decision, the one most villages use first: the same three on every proposal form. */
export const DECISION_CHOICES: { value: DecisionBody; label: string }[] = (['representatives', 'villagers', 'households'] as const).map((b) => ({
  value: b,
  label: BODY_NAMES[b],
}));
