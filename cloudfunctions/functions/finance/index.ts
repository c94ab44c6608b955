// Deployable entry of the `finance` cloud function (村里的钱: ledger, 月公示, reports).
import { cloudMain } from '../../adapters/cloudbase/main';
import { financeFunction } from '../../core/finance';

export const main = cloudMain(financeFunction);
