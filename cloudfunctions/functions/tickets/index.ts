// Deployable entry of the `tickets` cloud function (码上监督).
import { cloudMain } from '../../adapters/cloudbase/main';
import { ticketsFunction } from '../../core/tickets';

export const main = cloudMain(ticketsFunction);
