// Identity's face: binding an account to a roster person, roles and staff are its own actions;
// who is calling is core/caller, which identity and every other capability read.
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { identityFunctionPolicy } from './policy';
