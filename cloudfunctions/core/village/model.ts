export { DEFAULT_SETTINGS, settingsOf, type TownshipDoc, type TownshipSettings, type VillageDoc } from '../shared/records';

export interface VillageCodeDoc {
  /** The code itself: the `scene` of the mini-program code (≤ 32 characters). */
  _id: string;
  villageId: string;
  enabled: boolean;
  issuedAt: string;
  disabledAt?: string;
  [k: string]: unknown;
}
