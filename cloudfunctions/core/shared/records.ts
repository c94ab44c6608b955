/**
 * The shapes of the documents several capabilities read: townships (with their settings),
 * villages and roster people. Reading one must not tie a capability to the one that keeps it, so
 * the shapes live here; writing them is still only their owner's (OWNER in core/collections.ts:
 * village writes townships and villages, people writes people).
 */
import type { Role } from '../../../types/roles';

/** Who did something, as an audit record and every write name them. */
export interface Actor {
  openid: string | null;
  personId?: string | null;
  roles: Role[];
}

/** The timer, when it acts on its own (a vote closing at its time, a ticket going overdue, a warning raised). */
export const SYSTEM_ACTOR: Actor = { openid: null, personId: null, roles: [] };

export interface TownshipDoc {
  _id: string;
  name: string;
  /** e.g. 山东省滨州市沾化区 */
  county: string;
  settings: TownshipSettings;
  [k: string]: unknown;
}

/** Numbers DOMAIN.md makes a per-township setting, with their defaults. */
export interface TownshipSettings {
  /** Day of the month after a quarter by which its disclosure is due. */
  disclosureDueDay: number;
  /** Day of the next month by which a month's books are closed (结账). */
  ledgerCloseDay?: number;
  /** Day of the next month by which a month is published (月公示). */
  ledgerPublishDay?: number;
  /** 招待费 in one month above this (fen) is flagged to villagers. */
  hospitalityMonthlyFlagFen?: number;
  /** A single expense at or above this (fen) is flagged to villagers. */
  largeExpenseFlagFen?: number;
  /** Days the 监委会 has to answer a question, report or suggestion. */
  ticketReplyDays?: number;
  /** 一事一议 筹资 cap per person per year (fen), set by the province. */
  fundingCapFen?: number;
  /** 一事一议 筹劳 cap per labourer per year (workdays). */
  labourCapDays?: number;
  /** Approval a 筹资筹劳 matter needs at 决议: more than half, or two thirds where the province says so. */
  fundingApproval?: 'majority' | 'two_thirds';
  /** Labour is asked only of villagers aged 18 up to this age. */
  workingAgeMax?: number;
  /**
   * How the 民主理财小组 signs a month's books off: one member, or a majority of its members (the
   * group's joint review, as practised). Majority by default.
   */
  ledgerSignatures?: 'one' | 'majority';
}

export const DEFAULT_SETTINGS: Required<TownshipSettings> = {
  disclosureDueDay: 20,
  ledgerCloseDay: 10,
  ledgerPublishDay: 15,
  hospitalityMonthlyFlagFen: 200_000,
  largeExpenseFlagFen: 5_000_000,
  ticketReplyDays: 10,
  fundingCapFen: 1_500,
  labourCapDays: 10,
  fundingApproval: 'majority',
  workingAgeMax: 60,
  ledgerSignatures: 'majority',
};

export function settingsOf(township: TownshipDoc | null): Required<TownshipSettings> {
  return { ...DEFAULT_SETTINGS, ...(township?.settings ?? {}) };
}

export interface VillageDoc {
  _id: string;
  name: string;
  townshipId: string;
  enabled: boolean;
  supervisor: { name: string; phone: string | null } | null;
  [k: string]: unknown;
}

/** A person on a village roster. The ID number exists only as a keyed hash and a masked form. */
export interface PersonFields {
  /** `${villageId}:${idHash}`: re-importing the same person lands on the same document. */
  _id: string;
  villageId: string;
  name: string;
  /** Name without spaces, for lookups (查找我的名字, verification). */
  nameKey: string;
  gender: '男' | '女';
  idHash: string;
  idMasked: string;
  /**
   * Birth month and the day they turn 18 (AgeFacts), sealed with a key derived from ID_HASH_KEY:
   * in clear, with the masked ID number, they gave back the whole number. Read with ageFacts().
   */
  sealed: string;
  householdNo: string;
  relation: string;
  isHouseholdHead: boolean;
  group: string;
  phoneMasked: string | null;
  /** The roster's phone as a keyed hash: what a WeChat-verified number is matched against. */
  phoneHash?: string | null;
  partyMember: boolean;
  representative: boolean;
  lowIncome: boolean;
  activeSoldier: boolean;
  /**
   * False when the roster says the person's 户籍 is in another village: they stay on this roster
   * (they live here, take part in asking and rating) but vote in the 村民会议 (and as 户代表) of
   * the village that holds their 户籍 only. Absent on records imported before the column existed:
   * read as true.
   */
  hukouHere?: boolean;
  /** Where the roster says their 户籍 is, when it names another place (e.g. 豆腐李村). */
  hukouPlace?: string | null;
  /** False once a later import no longer lists them (moved away, deceased); kept for history. */
  inRoster: boolean;
  /** Village roles given by the 书记 or the township (书记, 会计, 监委会…). */
  assignedRoles: Role[];
  /** The WeChat account bound to this person, if any. */
  boundOpenid: string | null;
  importedAt: string;
}

export interface PersonDoc extends PersonFields {
  [k: string]: unknown;
}
