// Deployable entry of the `scheduler` cloud function: hourly, marks overdue tickets and reminds the 监委会.
import { cloudTimer } from '../../adapters/cloudbase/main';
import { tick } from '../../core/tickets/scheduler';

export const main = cloudTimer(tick);
