import type { LapsedCodeView, VillageDirectory } from '../../../types/village';
import type { Ports } from '../../ports';
import { readAll } from '../../ports/docstore';
import { C } from '../collections';
import { fail } from '../shared/errors';
import type { TownshipDoc, VillageCodeDoc, VillageDoc } from './model';
import { maskPhone } from '../shared/personal-numbers';

/**
 * Ways in that do not need the paper code: a villager far from home, or one whose code was
 * replaced, must still reach their village. Both answers are public — they hold what the posters
 * on every notice board already say.
 */

/** Every open village, by township, for the home's searchable list. */
export async function directory(ports: Ports): Promise<VillageDirectory> {
  const [villages, townships] = await Promise.all([
    readAll(ports.store.collection<VillageDoc>(C.villages), { where: { enabled: true } }),
    readAll(ports.store.collection<TownshipDoc>(C.townships), {}),
  ]);
  return {
    townships: townships
      .map((t) => ({
        id: t._id,
        name: t.name,
        county: t.county,
        villages: villages
          .filter((v) => v.townshipId === t._id)
          .map((v) => ({ id: v._id, name: v.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
      }))
      .filter((t) => t.villages.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
  };
}

/**
 * A code that was replaced or withdrawn still names its village, so the page that says "this code
 * no longer works" can say whose it was, who to call and where the village is now. A code never
 * issued, or a village closed, gets NOT_FOUND: there is nowhere to send the person.
 */
export async function lapsedCode(ports: Ports, input: { code: string }): Promise<LapsedCodeView> {
  const code = await ports.store.collection<VillageCodeDoc>(C.villageCodes).get(input.code);
  const village = code ? await ports.store.collection<VillageDoc>(C.villages).get(code.villageId) : null;
  if (!code || !village?.enabled) throw fail.notFound('没有找到这个二维码对应的村。');
  return {
    villageId: village._id,
    villageName: village.name,
    supervisor: village.supervisor ? { name: village.supervisor.name, phoneMasked: maskPhone(village.supervisor.phone) } : null,
    stillValid: code.enabled,
  };
}
