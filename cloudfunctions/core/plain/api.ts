// The 明白账's face. No other capability uses it (it reads finance, assets, tickets, people and
// disclosure, and drafts through disclosure); the village home's client asks it with a second call.
// Who may call each of the function's actions: composed into what identity tells a caller they may do.
export { plainPolicy } from './policy';
