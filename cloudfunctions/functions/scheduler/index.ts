// Deployable entry of the `scheduler` cloud function: hourly, marks overdue tickets, reminds the
// 监委会 and assignees, closes votes at their closing time and reminds voters who have not voted.
import { cloudTimer } from '../../adapters/cloudbase/main';
import { tick } from '../../core/scheduler';

export const main = cloudTimer(tick);
