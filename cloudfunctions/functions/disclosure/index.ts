// Deployable entry of the `disclosure` cloud function (一季一晒).
import { cloudMain } from '../../adapters/cloudbase/main';
import { disclosureFunction } from '../../core/disclosure';

export const main = cloudMain(disclosureFunction);
