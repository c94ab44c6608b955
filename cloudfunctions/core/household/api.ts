// 我家's face. No other capability uses it; it reads disclosure's lists, matters' shares and votes
// and tickets' questions through their faces.
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { householdPolicy } from './policy';
