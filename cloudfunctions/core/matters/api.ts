// Matters' face. The hourly timer (core/scheduler.ts) closes
// votes at their closing time and reminds voters before it.
export { tickMeetings } from './timer';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { mattersPolicy } from './policy';
// 我家 shows a household its 筹资筹劳 shares and the votes its members may take part in.
export { householdMatters, householdShareOf } from './household';
