import type { CompletenessCounts, ItemStatus } from './disclosure';

/** Contract of the `village` cloud function. */

export interface ResolveCodeInput {
  code: string;
}

export interface ResolveCodeOutput {
  villageId: string;
}

export interface GetVillageInput {
  villageId: string;
}

export interface SupervisorContact {
  name: string;
  /** Always masked, e.g. 138****5678; the full number comes only from `supervisorPhone`. */
  phoneMasked: string | null;
}

export interface SupervisorPhoneOutput {
  /** The full number, fetched only when someone taps to call. */
  phone: string;
}

export type DisclosureCategory = '党务' | '村务' | '财务' | '资金' | '资产' | '资源';

export interface QuarterState {
  /** e.g. 2026Q4 */
  key: string;
  /** e.g. 2026年第四季度 */
  label: string;
  /** ISO date (Asia/Shanghai) by which this quarter's disclosure is due. */
  dueDate: string;
  /** How many items the township catalog requires for a quarter. */
  requiredCount: number;
  /** Required items per category, in catalog order. */
  categories: { category: DisclosureCategory; items: { id: string; title: string; status: ItemStatus }[] }[];
  /** Required (catalog) items published so far this quarter, on time or late. */
  publishedCount: number;
  /** 专项公开 items published for the quarter (not counted against the catalog). */
  adhocCount: number;
  completeness: CompletenessCounts;
}

export interface VillageView {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
  county: string;
  supervisor: SupervisorContact | null;
  /** The quarter villagers are owed: the one being reported (see disclosure/rules.ts). */
  quarter: QuarterState;
  /** Later quarters with something out (or past due with nothing), oldest first: a second card each. */
  moreQuarters: QuarterState[];
}

export interface CodeView {
  code: string;
  enabled: boolean;
  issuedAt: string;
  disabledAt: string | null;
  /** Why it was disabled (a lost poster…). */
  reason: string | null;
  /** The picture to print; only for a code in use. */
  imageUrl: string | null;
}

export interface PosterView {
  villageId: string;
  villageName: string;
  townshipName: string;
  county: string;
  supervisor: SupervisorContact | null;
  code: string | null;
  imageUrl: string | null;
  /** What scanning lets a villager do, in plain words. */
  actions: string[];
}

export interface VillageApi {
  resolveCode: { input: ResolveCodeInput; output: ResolveCodeOutput };
  get: { input: GetVillageInput; output: VillageView };
  supervisorPhone: { input: GetVillageInput; output: SupervisorPhoneOutput };
  codes: { input: GetVillageInput; output: { codes: CodeView[] } };
  issueCode: { input: { villageId: string; reason: string }; output: CodeView };
  disableCode: { input: { villageId: string; code: string; reason: string }; output: CodeView };
  poster: { input: GetVillageInput; output: PosterView };
  posters: { input: { townshipId: string }; output: { posters: PosterView[] } };
}
