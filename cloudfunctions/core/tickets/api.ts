// Tickets' face. No other capability uses tickets; the hourly timer (core/scheduler.ts) escalates
// overdue tickets and reminds of those due soon.
export { tick } from './scheduler';
