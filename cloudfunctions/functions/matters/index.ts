// Deployable entry of the `matters` cloud function (一事一议 under 四议两公开).
import { cloudMain } from '../../adapters/cloudbase/main';
import { mattersFunction } from '../../core/matters';

export const main = cloudMain(mattersFunction);
