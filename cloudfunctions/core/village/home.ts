import type { VillageHomeOutput } from '../../../types/village';
import type { Ports } from '../../ports';
import { quarterView } from '../disclosure/api';
import { authorize } from '../caller/api';
import { getVillage, resolveCode } from './service';
import { homePolicy } from './policy';

/**
 * Everything the village home shows on a first scan, in one call: the code's village, the
 * village with its quarter cards, and the reporting quarter's entries. On a cold start each
 * call costs a container start and a round trip from the phone; three calls across two
 * functions were the slowest part of opening the home.
 *
 * Built from the same reads the separate actions make (resolveCode, get, disclosure.quarter),
 * so it answers exactly what they would, errors included: a withdrawn code is the same
 * FAILED_PRECONDITION with the same message.
 */
export async function villageHome(ports: Ports, input: { code?: string; villageId?: string; entries?: boolean }): Promise<VillageHomeOutput> {
  // Public, checked before any read against a visitor's roles: should the rule ever name
  // roles, the home fails closed rather than answering.
  authorize({ openid: ports.caller.openid, roles: ['visitor'] }, homePolicy.home);
  const villageId = input.code !== undefined ? (await resolveCode(ports, { code: input.code })).villageId : (input.villageId as string);
  const village = await getVillage(ports, { villageId });
  // 长辈模式's simple home lists no entries: a slow connection is spared them until asked.
  const disclosed = input.entries === false ? null : await quarterView(ports, { villageId, quarter: village.quarter.key });
  return { village, disclosed };
}
