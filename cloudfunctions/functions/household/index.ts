// Deployable entry of the `household` cloud function (我家: what the village published about one household).
import { cloudMain } from '../../adapters/cloudbase/main';
import { householdFunction } from '../../core/household';

export const main = cloudMain(householdFunction);
