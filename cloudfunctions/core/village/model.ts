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

export interface VillageCodeDoc {
  /** The code itself: the `scene` of the mini-program code (≤ 32 characters). */
  _id: string;
  villageId: string;
  enabled: boolean;
  issuedAt: string;
  disabledAt?: string;
  [k: string]: unknown;
}
