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
}

export const DEFAULT_SETTINGS: TownshipSettings = {
  disclosureDueDay: 20,
};

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
