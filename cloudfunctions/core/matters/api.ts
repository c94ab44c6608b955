// Matters' face. No other capability uses matters; the hourly timer (core/scheduler.ts) closes
// votes at their closing time and reminds voters before it.
export { tickMeetings } from './timer';
