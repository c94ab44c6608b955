// Deployable entry of the `assets` cloud function (三资: assets, land, contracts and their warnings).
import { cloudMain } from '../../adapters/cloudbase/main';
import { assetsFunction } from '../../core/assets';

export const main = cloudMain(assetsFunction);
