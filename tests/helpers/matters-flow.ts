import type { MatterView, ProposeInput } from '../../types/matters';

/** A call to the matters function that has to succeed, on whichever host: its data. */
export type MattersCall = (action: string, data: unknown, persona?: string) => Promise<any>;

/**
 * A matter proposed by its village's 书记 (a branch proposal: no cosigning), agreed at 商议 and
 * put to its first vote, the 党员大会's 审议, closing at `closesAt`. Who records the 商议 and the
 * words of its record are the test's to choose: by default the 书记, sending it on to the vote.
 */
export async function proposedToVote(
  matters: MattersCall,
  proposal: ProposeInput,
  step: { closesAt: string; discussedBy?: string; record?: string },
): Promise<MatterView> {
  const { villageId } = proposal;
  const secretary = `${villageId}-secretary`;
  const { closesAt, discussedBy = secretary, record = '同意提交党员大会审议。' } = step;
  const m: MatterView = await matters('propose', proposal, secretary);
  await matters('discuss', { villageId, matterId: m.id, agreed: true, record }, discussedBy);
  return matters('openVote', { villageId, matterId: m.id, closesAt }, secretary);
}
