// Tickets' face. The hourly timer (core/scheduler.ts) escalates
// overdue tickets and reminds of those due soon.
export { tick } from './scheduler';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { ticketPolicy } from './policy';
// 我家 lists the questions a household's members asked in their own name.
export { householdQuestions } from './household';
// The 明白账 (core/plain) says how many questions are still open.
export { unansweredCount } from './open-count';
