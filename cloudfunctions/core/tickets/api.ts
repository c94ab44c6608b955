// Tickets' face. No other capability uses tickets; the hourly timer (core/scheduler.ts) escalates
// overdue tickets and reminds of those due soon.
export { tick } from './scheduler';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { ticketPolicy } from './policy';
