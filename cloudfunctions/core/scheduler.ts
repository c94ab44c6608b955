import type { Ports } from '../ports';
import { tickMeetings } from './matters/voting';
import { tick as tickTickets } from './tickets/scheduler';

export interface SchedulerReport {
  /** Tickets sent to the township as overdue, and reminders of tickets due soon. */
  escalated: number;
  reminded: number;
  /** Votes closed at their closing time, and voters reminded before it. */
  votesClosed: number;
  votersReminded: number;
}

/** Everything the hourly timer does, each part safe to run any number of times. */
export async function tick(ports: Ports): Promise<SchedulerReport> {
  const tickets = await tickTickets(ports);
  const votes = await tickMeetings(ports);
  return { ...tickets, votesClosed: votes.closed, votersReminded: votes.reminded };
}
