/**
 * Contract of the `matters` cloud function: 一事一议 under 四议两公开. A matter (议题) moves
 * through six stages, never skipping or going back; 审议 and 决议 are decided by votes at
 * meetings whose electorate is frozen when voting opens.
 */

export const STAGES = ['提议', '商议', '审议', '决议', '决议公开', '实施结果公开'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Where a matter stands: gathering co-signatures (a villager proposal), under way at its stage,
 * waiting for the township to file its 筹资筹劳 plan, finished, or stopped (not agreed at 商议,
 * voted down, or returned by the township).
 */
export type MatterStatus = 'cosigning' | 'active' | 'filing' | 'done' | 'stopped';

/** Who votes: 党员大会 at 审议; 村民会议 (adults, or household heads) or 村民代表会议 at 决议. */
export type MeetingBody = 'party' | 'villagers' | 'households' | 'representatives';
export type Choice = '同意' | '不同意' | '弃权';
export type Channel = 'online' | 'in_person';

/** 筹资筹劳: what a matter raises from villagers, checked against the township's caps. */
export interface FundingPlanInput {
  project: string;
  budgetFen: number;
  /** Money per paying villager for the year, in fen. */
  perPersonFen: number;
  /** Workdays per working-age labourer for the year. */
  workdays: number;
  /** Other exemptions in words (the statutory ones are applied automatically). */
  notes?: string;
}

export interface FundingPlan extends FundingPlanInput {
  /** Computed from the roster when the plan was set: who pays and who works. */
  payers: number;
  labourers: number;
  exempt: { lowIncome: number; soldiers: number; minors: number };
  raisedFen: number;
  /** When it was put before villagers; a vote on the matter needs it publicised first. */
  publicisedAt: string;
}

export interface StageRecord {
  stage: Stage;
  at: string;
  /** Who moved the matter: a name and role in words, or 系统 for an automatic step. */
  by: string;
  record: string;
}

export interface MeetingResult {
  eligible: number;
  present: number;
  counts: Record<Choice, number>;
  quorumMet: boolean;
  passed: boolean;
  /** The rules applied, in words, as published. */
  rules: string[];
}

export interface MeetingView {
  id: string;
  matterId: string;
  stage: '审议' | '决议';
  body: MeetingBody;
  bodyName: string;
  secret: boolean;
  liveCounts: boolean;
  state: 'open' | 'closed';
  openedAt: string;
  closesAt: string;
  closedAt: string | null;
  eligible: number;
  present: number;
  online: number;
  inPerson: number;
  /** People still needed for a quorum, 0 once reached. */
  quorumShort: number;
  /** Shown after closing, or live when the matter allows. */
  counts: Record<Choice, number> | null;
  result: MeetingResult | null;
  /** For the caller: can they vote, and did they. */
  me: { eligible: boolean; voted: boolean } | null;
}

export interface PublicationRef {
  quarter: string;
  itemId: string;
  version: number;
}

export interface MatterView {
  id: string;
  villageId: string;
  title: string;
  summary: string;
  origin: 'branch' | 'villagers';
  stage: Stage;
  status: MatterStatus;
  stopReason: string | null;
  history: StageRecord[];
  decisionBody: 'villagers' | 'households' | 'representatives';
  secret: boolean;
  liveCounts: boolean;
  funding: FundingPlan | null;
  filing: { state: 'pending' | 'approved' | 'returned'; reason: string | null; at: string | null } | null;
  /** `progress` says how many more are needed by either threshold, e.g. 已有 1 人联名，再有 2 位村民联名，或者 1 位村民代表联名，就够了. */
  cosign: { needed: number; count: number; progress: string; basis: string; mine: boolean } | null;
  meetings: MeetingView[];
  resolution: PublicationRef | null;
  outcome: PublicationRef | null;
  createdAt: string;
}

export interface MatterSummary {
  id: string;
  title: string;
  stage: Stage;
  status: MatterStatus;
  funding: boolean;
  createdAt: string;
  /** A vote under way now. */
  voting: boolean;
}

export interface ProposeInput {
  villageId: string;
  title: string;
  summary: string;
  decisionBody: 'villagers' | 'households' | 'representatives';
  secret?: boolean;
  liveCounts?: boolean;
  funding?: FundingPlanInput;
}

export interface VoteReceipt {
  /** Only for a secret ballot: the voter keeps it to find their choice in the published list. */
  receipt: string | null;
  choice: Choice;
}

export interface MattersApi {
  list: { input: { villageId: string }; output: { matters: MatterSummary[] } };
  get: { input: { villageId: string; matterId: string }; output: MatterView };
  propose: { input: ProposeInput; output: MatterView };
  cosign: { input: { villageId: string; matterId: string }; output: MatterView };
  discuss: { input: { villageId: string; matterId: string; agreed: boolean; record: string }; output: MatterView };
  openVote: { input: { villageId: string; matterId: string; closesAt: string }; output: MatterView };
  vote: { input: { villageId: string; meetingId: string; choice: Choice }; output: VoteReceipt };
  /** The 监委会 records a paper ballot or a show of hands for a named person (open ballots). */
  recordInPerson: { input: { villageId: string; meetingId: string; personId: string; choice?: Choice }; output: MeetingView };
  /** Secret ballots cast on paper: who came is recorded by name, the box is counted apart. */
  recordPaperBox: { input: { villageId: string; meetingId: string; counts: Record<Choice, number> }; output: MeetingView };
  electorate: {
    input: { villageId: string; meetingId: string; q?: string };
    output: { people: { personId: string; name: string; idMasked: string; voted: boolean }[] };
  };
  close: { input: { villageId: string; meetingId: string }; output: MatterView };
  recount: { input: { villageId: string; meetingId: string }; output: { counts: Record<Choice, number>; present: number; matches: boolean } };
  receipts: { input: { villageId: string; meetingId: string }; output: { receipts: { receipt: string; choice: Choice }[] } };
  file: { input: { villageId: string; matterId: string; decision: 'approve' | 'return'; reason?: string }; output: MatterView };
  publish: { input: { villageId: string; matterId: string; text: string; reason?: string }; output: MatterView };
  filings: { input: { townshipId: string }; output: { matters: (MatterSummary & { villageId: string; villageName: string })[] } };
}

export const BODY_NAMES: Record<MeetingBody, string> = {
  party: '党员大会',
  villagers: '村民会议（18 周岁以上村民）',
  households: '村民会议（户代表）',
  representatives: '村民代表会议',
};
