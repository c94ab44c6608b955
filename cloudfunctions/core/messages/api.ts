// Messages to people (inbox, WeChat notices, following a village): the one face capabilities import.
// The in-app inbox, written in the same transaction as the change it reports.
export { putInbox, putInboxMany } from './inbox';
// Telling the holders of village roles, then sending outside the app once the change committed.
export { holdersOf, sendAll, tellIn, type Outgoing } from './tell';
// The caller's inbox page and its read marks, served by the identity function.
export { inbox, markRead } from './reading';
// Following a village: disclosure's and matters' publications are announced to followers, and the
// disclosure function carries the subscribe actions.
export { announcePublication, notePublication, subscribe, subscription, subscriptionPolicy } from './follow';
