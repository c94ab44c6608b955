// Deployable entry of the `roster` cloud function (村民花名册).
import { cloudMain } from '../../adapters/cloudbase/main';
import { rosterFunction } from '../../core/people';

export const main = cloudMain(rosterFunction);
