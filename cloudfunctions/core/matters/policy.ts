import { SUPERVISORS, type Rule } from '../shared/policy';

/**
 * Who may do what in 一事一议, in one place. Deny by default: an action missing here is refused
 * by the dispatcher. Finer checks that need the stored record (is this person on the frozen
 * electorate? is the proposal still co-signing?) are made in the use case itself.
 */

/** The 书记 or 主任, who record 商议 and publish on the 村两委's behalf. */
export const BRANCH = ['secretary', 'director'] as const;
const TOWNSHIP = ['township_admin', 'township_discipline'] as const;

/** The proposal's stages: proposing, co-signing, 商议, the township's filing and publishing. */
export const matterPolicy = {
  list: { allow: 'anyone' },
  get: { allow: 'anyone' },
  // The party branch proposes; a verified villager may start one that then needs co-signing.
  propose: { allow: ['secretary', 'villager'], scope: 'village' },
  cosign: { allow: ['villager'], scope: 'village' },
  // 商议 is the 两委联席会议; the 书记 or 主任 records its outcome.
  discuss: { allow: BRANCH, scope: 'village' },
  publish: { allow: BRANCH, scope: 'village' },
  // 筹资筹劳 plans are reviewed and filed by the township (农经).
  file: { allow: ['township_admin'], scope: 'township' },
  filings: { allow: TOWNSHIP, scope: 'township' },
} satisfies Record<string, Rule>;

/** The votes: 党员大会 at 审议, the 村民会议 or 代表会议 at 决议. */
export const votingPolicy = {
  // The 书记 convenes the 党员大会; the 村委会 (主任 or 书记) the 村民会议 or 代表会议.
  openVote: { allow: ['secretary', 'director'], scope: 'village' },
  // Who is in the electorate is checked against the frozen list in the service.
  vote: { allow: ['villager'], scope: 'village' },
  // The 监委会 supervises votes: records in-person ballots, counts the box, closes and recounts.
  recordInPerson: { allow: SUPERVISORS, scope: 'village' },
  recordPaperBox: { allow: SUPERVISORS, scope: 'village' },
  electorate: { allow: SUPERVISORS, scope: 'village' },
  close: { allow: SUPERVISORS, scope: 'village' },
  recount: { allow: [...SUPERVISORS, 'township_admin', 'township_discipline'], scope: 'village' },
  receipts: { allow: 'anyone' },
} satisfies Record<string, Rule>;

/** The matters function's whole table. */
export const mattersPolicy = { ...matterPolicy, ...votingPolicy };
