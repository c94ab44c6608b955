// Deployable entry of the `village` cloud function: CloudBase ports around the shared core.
import { cloudMain } from '../../adapters/cloudbase/main';
import { villageFunction } from '../../core/village';

export const main = cloudMain(villageFunction);
