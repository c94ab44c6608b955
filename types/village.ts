import type { PrintFile } from './print';
import type { CompletenessCounts, ItemStatus, QuarterView } from './disclosure';

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

/** The home by the scanned code, or by the village the phone remembers. */
export type VillageHomeInput = ({ code: string } | { villageId: string }) & {
  /** false: leave out the reporting quarter's entries (长辈模式's simple home does not list them). */
  entries?: boolean;
};

export interface VillageHomeOutput {
  village: VillageView;
  /** The reporting quarter (village.quarter) as `disclosure.quarter` gives it; null when asked without entries. */
  disclosed: QuarterView | null;
}

export interface SupervisorContact {
  name: string;
  /** Always masked, e.g. 138****5678; the full number comes only from `supervisorPhone`. */
  phoneMasked: string | null;
}

export interface SupervisorPhoneOutput {
  /** The full number, fetched only when someone taps to call (or prints the 公开栏 sheet). */
  phone: string;
  /** The same, grouped for reading off paper: 139 0543 7216. */
  hotline: string;
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
  /**
   * The 监委会's 监督电话 in full (e.g. 139 0543 7216), for the paper on the wall: villagers
   * without a smartphone cannot scan and tap to call. Null when none is registered.
   */
  hotline: string | null;
  code: string | null;
  imageUrl: string | null;
  /** What scanning lets a villager do, in plain words. */
  actions: string[];
  /** The village's history as it stands when printed (null without an audit key). */
  head: HeadLinkView | null;
}

/** A village's history (its audit log) at one moment, signed by the service's audit key. */
export interface SignedHead {
  /** The village id (or `township:<id>` for a township's log). */
  scope: string;
  /** How many records the log held. */
  size: number;
  /** The Merkle root over them (hex). */
  root: string;
  /** When the last of them was written. */
  at: string | null;
  /** Ed25519 over the above (base64). */
  signature: string;
  /** The key that signed it (32 bytes, base64). */
  publicKey: string;
}

export interface HistoryInput {
  villageId: string;
  /** The size of the head this phone kept: prove the log now extends it. */
  from?: number;
}

export interface HistoryOutput {
  /** The log's current head, signed; null when the log is empty or no audit key is set. */
  head: SignedHead | null;
  /** RFC 9162 consistency proof from `from` to head.size; null without `from`, or when `from` is past the head. */
  proof: string[] | null;
  /** The service found the log no longer extends a head it signed before (the township has been told). */
  rewritten: boolean;
}

export interface HistoryAlarmInput {
  villageId: string;
  /** The head the phone kept, as it was signed. */
  held: SignedHead;
}

/** A head of a village's history as the notice board prints it: words to compare and a code to scan. */
export interface HeadLinkView {
  /** What the code carries (scene `H<token>`); a hash of the village, size and root. */
  token: string;
  size: number;
  root: string;
  /** The root's first 16 hex digits, printed for people to compare by eye. */
  rootShort: string;
  imageUrl: string;
}

/** 校验 of a printed head: does the village's history still extend it? */
export interface HeadCheckView {
  villageId: string;
  villageName: string;
  size: number;
  root: string;
  /** The log still gives this root at this size, and the link was not altered. */
  holds: boolean;
  /** The history now, signed, and the proof that it extends the printed head (for the phone to check). */
  current: SignedHead | null;
  proof: string[] | null;
}

export interface LapsedCodeView {
  villageId: string;
  villageName: string;
  supervisor: SupervisorContact | null;
  /** The code works again (re-enabled since the page asked). */
  stillValid: boolean;
}

export interface VillageDirectory {
  townships: { id: string; name: string; county: string; villages: { id: string; name: string }[] }[];
}

/** How many of a village's 民主理财小组 sign a month's books off: one member, or a majority. */
export type LedgerSignatureRule = 'one' | 'majority';

/** A township's settings (DOMAIN.md's numbers per township), as its staff see them. */
export interface TownshipSettingsView {
  townshipId: string;
  townshipName: string;
  ledgerSignatures: LedgerSignatureRule;
  /** Shown beside it, not edited here yet. */
  ledgerCloseDay: number;
  ledgerPublishDay: number;
  disclosureDueDay: number;
  ticketReplyDays: number;
}

export interface VillageApi {
  /** The township's settings (township staff). */
  settings: { input: { townshipId: string }; output: TownshipSettingsView };
  /** The 镇管理员 changes a setting; audited in the township's log. */
  updateSettings: { input: { townshipId: string; ledgerSignatures: LedgerSignatureRule }; output: TownshipSettingsView };
  history: { input: HistoryInput; output: HistoryOutput };
  headLink: { input: GetVillageInput; output: HeadLinkView | null };
  checkHead: { input: { token: string }; output: HeadCheckView };
  historyAlarm: { input: HistoryAlarmInput; output: { reported: boolean } };
  resolveCode: { input: ResolveCodeInput; output: ResolveCodeOutput };
  /** Which village a replaced or withdrawn code belonged to, and its 监委会 contact. */
  lapsedCode: { input: ResolveCodeInput; output: LapsedCodeView };
  /** Every open village by township: the home's list for those without the paper code. */
  directory: { input: Record<string, never>; output: VillageDirectory };
  home: { input: VillageHomeInput; output: VillageHomeOutput };
  get: { input: GetVillageInput; output: VillageView };
  supervisorPhone: { input: GetVillageInput; output: SupervisorPhoneOutput };
  codes: { input: GetVillageInput; output: { codes: CodeView[] } };
  issueCode: { input: { villageId: string; reason: string }; output: CodeView };
  disableCode: { input: { villageId: string; code: string; reason: string }; output: CodeView };
  poster: { input: GetVillageInput; output: PosterView };
  posters: { input: { townshipId: string }; output: { posters: PosterView[] } };
  /** The poster as a PDF (村两委, 监委会, township staff), to open with openDocument and print. */
  posterPdf: { input: GetVillageInput; output: PrintFile };
  /** Every village's poster in one PDF, a page each (township staff). */
  postersPdf: { input: { townshipId: string }; output: PrintFile };
}
