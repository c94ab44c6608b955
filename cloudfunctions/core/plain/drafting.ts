import type { Ports } from '../../ports';
import { authorize, callerInVillage } from '../caller/api';
import { PLAIN_CATEGORY, PLAIN_ITEM_ID, saveDraft } from '../disclosure/api';
import { plainPolicy } from './policy';
import { plainBody } from './published';
import { liveSummary } from './reads';

/**
 * The quarter's 明白账 drafted as a disclosure item (like finance's 财务 items): it is reviewed
 * by the 监委会 and published with the quarter, so the words villagers read are a published
 * version under the same digest and 校验 as every other item, and print on the notice board.
 */
export async function draft(ports: Ports, input: { villageId: string; quarter: string }): Promise<{ itemId: string; title: string }> {
  authorize(await callerInVillage(ports, input.villageId), plainPolicy.draft);
  const s = await liveSummary(ports, input.villageId, input.quarter);
  await saveDraft(ports, {
    villageId: input.villageId,
    quarter: input.quarter,
    itemId: PLAIN_ITEM_ID,
    category: PLAIN_CATEGORY,
    title: s.title,
    body: plainBody(s),
  });
  return { itemId: PLAIN_ITEM_ID, title: s.title };
}
