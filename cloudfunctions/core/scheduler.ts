import type { Ports } from '../ports';
import { tickMeetings } from './matters/api';
import { tick as tickTickets } from './tickets/api';
import { recordVillageHeads } from './audit/api';
import { scanDue } from './assets/api';

export interface SchedulerReport {
  /** Tickets sent to the township as overdue, and reminders of tickets due soon. */
  escalated: number;
  reminded: number;
  /** Votes closed at their closing time, and voters reminded before it. */
  votesClosed: number;
  votersReminded: number;
  /** Village heads put on their township's chain (once a day). */
  headsRecorded: number;
  /** Villages whose 三资 registers were looked over today, and the warnings that raised. */
  assetsScanned: number;
  assetWarnings: number;
}

/** Everything the hourly timer does, each part safe to run any number of times. */
export async function tick(ports: Ports): Promise<SchedulerReport> {
  const tickets = await tickTickets(ports);
  const votes = await tickMeetings(ports);
  const heads = await recordVillageHeads(ports);
  const assets = await scanDue(ports);
  return {
    ...tickets,
    votesClosed: votes.closed,
    votersReminded: votes.reminded,
    headsRecorded: heads.recorded,
    assetsScanned: assets.scanned,
    assetWarnings: assets.raised,
  };
}
