import type { Channel, Choice, MatterView, MeetingBody, MeetingResult, PublicationRef } from '../../../types/matters';

/** What passing a meeting takes: more than half of those present, or two thirds (筹资筹劳 where the province says so). */
export type Approval = 'majority' | 'two_thirds';

/** The stored matter: the view's own fields (types/matters MatterView) and what only the server keeps. */
export interface MatterDoc
  extends Pick<
    MatterView,
    | 'villageId'
    | 'title'
    | 'summary'
    | 'origin'
    | 'stage'
    | 'status'
    | 'stopReason'
    | 'history'
    | 'decisionBody'
    | 'secret'
    | 'liveCounts'
    | 'funding'
    | 'filing'
  > {
  _id: string;
  proposerPersonId: string | null;
  /** Villager proposals: how many co-signatures move it on, by basis, and how many it has. */
  cosign: { neededAdults: number; neededRepresentatives: number; adults: number; representatives: number } | null;
  meetingIds: string[];
  openMeetingId: string | null;
  resolution: PublicationRef | null;
  outcome: PublicationRef | null;
  createdAt: string;
  [k: string]: unknown;
}

export interface CosignDoc {
  /** `${matterId}:${personId}`: once per person. */
  _id: string;
  matterId: string;
  personId: string;
  representative: boolean;
  at: string;
  [k: string]: unknown;
}

export interface MeetingDoc {
  _id: string;
  villageId: string;
  matterId: string;
  stage: '审议' | '决议';
  body: MeetingBody;
  approval: Approval;
  secret: boolean;
  liveCounts: boolean;
  /** `closing`: counts sealed, the count being taken; a moment, unless a close was cut short. */
  state: 'open' | 'closing' | 'closed';
  openedAt: string;
  closesAt: string;
  closedAt: string | null;
  /** Frozen when voting opened: the electors are in vote_electors. */
  eligible: number;
  result: MeetingResult | null;
  reminded: boolean;
  [k: string]: unknown;
}

/** One of a meeting's frozen electorate. */
export interface ElectorDoc {
  /** `${meetingId}:${personId}` */
  _id: string;
  meetingId: string;
  personId: string;
  name: string;
  idMasked: string;
  openid: string | null;
  [k: string]: unknown;
}

/**
 * That a person took part, by whichever channel: one per person per meeting, which is what
 * makes a second vote through any channel a CONFLICT. For a secret ballot it holds no choice.
 */
export interface MarkDoc {
  /** `${meetingId}:${personId}` */
  _id: string;
  meetingId: string;
  personId: string;
  channel: Channel;
  at: string;
  /** The 监委会 member who recorded an in-person attendance or ballot. */
  recordedBy: string | null;
  [k: string]: unknown;
}

/**
 * A choice. Open ballots name the person; secret ones carry only a random receipt and no time,
 * so nothing joins them to the marks.
 */
export interface BallotDoc {
  _id: string;
  meetingId: string;
  choice: Choice;
  channel: Channel;
  personId: string | null;
  receipt: string | null;
  /** A counted paper box: how many ballots of this choice it held (absent: one ballot). */
  count?: number;
  [k: string]: unknown;
}

/** Counts kept in the same transaction as each ballot; recounted from the ballots at close. */
export interface TallyDoc {
  _id: string;
  present: number;
  online: number;
  inPerson: number;
  /** Secret in-person ballots counted from the box so far. */
  boxed: number;
  /** How many times a box was counted (names each count's records). */
  boxes?: number;
  /** Set on every shard when the meeting closes: nothing more is added (core/matters/tally.ts). */
  sealed?: boolean;
  yes: number;
  no: number;
  abstain: number;
  [k: string]: unknown;
}

export const NO_TALLY = { present: 0, online: 0, inPerson: 0, boxed: 0, yes: 0, no: 0, abstain: 0 };

/** Field names stay ASCII: the store's field paths are. */
export const CHOICE_KEY: Record<Choice, 'yes' | 'no' | 'abstain'> = { 同意: 'yes', 不同意: 'no', 弃权: 'abstain' };

export const countsOf = (t: Pick<TallyDoc, 'yes' | 'no' | 'abstain'>): Record<Choice, number> => ({ 同意: t.yes, 不同意: t.no, 弃权: t.abstain });
