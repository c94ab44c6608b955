import type { Attachment } from './disclosure';

/**
 * Contract of the `assets` cloud function (三资: the village's assets, resources and the contracts
 * that lease them). Every record is public to the village; every change is audited; warnings go to
 * the 监委会 and the township and stay until answered and closed.
 */

/** 经营性 assets earn (a shop let out); 非经营性 serve the village (the office, a road). */
export type AssetUse = 'operating' | 'public';
export type AssetKind = 'building' | 'equipment' | 'facility' | 'vehicle' | 'other';
export type AssetState = 'in_use' | 'leased' | 'idle' | 'scrapped';
export type LandKind = 'arable' | 'forest' | 'orchard' | 'grass' | 'water' | 'waste' | 'construction';
export type ResourceState = 'contracted' | 'uncontracted' | 'self_run';
/** 发包 (a resource let to a contractor), 租赁 (an asset let), 承包 (run by a contractor for a fee). */
export type ContractKind = 'outsource' | 'lease' | 'contract';
export type PaySchedule = 'once' | 'yearly' | 'half_yearly' | 'quarterly';
export type ContractStatus = 'active' | 'ended' | 'renewed' | 'terminated';
export type WarningKind = 'expiring' | 'overdue' | 'idle' | 'long_term' | 'low_price' | 'no_decision';
/** What was done about a warning: 续签, 招标, 催收, or 说明 (an explanation). */
export type WarningAnswerKind = 'renew' | 'tender' | 'collect' | 'explain';
export type WarningState = 'open' | 'answered' | 'closed';

export const ASSET_USE_LABEL: Record<AssetUse, string> = { operating: '经营性', public: '非经营性' };
export const ASSET_KIND_LABEL: Record<AssetKind, string> = {
  building: '房屋建筑',
  equipment: '机器设备',
  facility: '基础设施',
  vehicle: '交通工具',
  other: '其他',
};
export const ASSET_STATE_LABEL: Record<AssetState, string> = { in_use: '在用', leased: '出租', idle: '闲置', scrapped: '报废' };
export const LAND_KIND_LABEL: Record<LandKind, string> = {
  arable: '耕地',
  forest: '林地',
  orchard: '园地',
  grass: '草地',
  water: '水面',
  waste: '四荒地',
  construction: '建设用地',
};
export const RESOURCE_STATE_LABEL: Record<ResourceState, string> = { contracted: '发包', uncontracted: '未发包', self_run: '自营' };
export const CONTRACT_KIND_LABEL: Record<ContractKind, string> = { outsource: '发包', lease: '租赁', contract: '承包' };
export const PAY_SCHEDULE_LABEL: Record<PaySchedule, string> = { once: '一次付清', yearly: '每年', half_yearly: '每半年', quarterly: '每季度' };
export const CONTRACT_STATUS_LABEL: Record<ContractStatus, string> = { active: '履行中', ended: '已到期', renewed: '已续签', terminated: '已解除' };
export const WARNING_KIND_LABEL: Record<WarningKind, string> = {
  expiring: '合同快到期',
  overdue: '租金逾期未收',
  idle: '资产闲置',
  long_term: '承包期过长',
  low_price: '价格低于参考价',
  no_decision: '没有集体决议',
};
export const WARNING_ANSWER_LABEL: Record<WarningAnswerKind, string> = { renew: '续签', tender: '招标', collect: '催收', explain: '说明' };
export const WARNING_STATE_LABEL: Record<WarningState, string> = { open: '待答复', answered: '已答复', closed: '已销号' };

export interface AssetInput {
  villageId: string;
  name: string;
  use: AssetUse;
  kind: AssetKind;
  location: string;
  /** YYYY-MM-DD, or YYYY-MM-01 where the 台账 gives only the month. */
  acquiredOn: string;
  originalFen: number;
  state: AssetState;
  keeper: string;
  photos?: string[];
  note?: string;
}

export interface ResourceInput {
  villageId: string;
  name: string;
  landKind: LandKind;
  /** Area in hundredths of a 亩: 12.5 亩 → 1250. */
  areaMu100: number;
  location: string;
  state: ResourceState;
  note?: string;
}

export interface AssetView extends Required<Omit<AssetInput, 'photos'>> {
  id: string;
  /** The day it came into its present state (an idle asset is warned of after six months). */
  stateSince: string;
  photos: Attachment[];
  /** The contract now letting it, if any. */
  contractId: string | null;
}

export interface ResourceView extends Required<ResourceInput> {
  id: string;
  contractId: string | null;
}

export interface Counterparty {
  name: string;
  /** A villager on the roster (their roster id), or null for an outside party (a company, a person from elsewhere). */
  personId: string | null;
}

export type Award = { method: 'auction'; bids: { bidder: string; fen: number }[] } | { method: 'negotiated'; reason: string };

/** What approved the contract: a 村民代表会议 (or 村民会议) decision, or a 一事一议 matter. */
export type Decision =
  | { kind: 'meeting'; body: 'representatives' | 'villagers'; date: string; note: string }
  | { kind: 'matter'; matterId: string; title: string };

export interface ContractInput {
  villageId: string;
  subject: { type: 'asset' | 'resource'; id: string };
  kind: ContractKind;
  counterparty: Counterparty;
  startOn: string;
  endOn: string;
  priceFenPerYear: number;
  schedule: PaySchedule;
  depositFen: number;
  award: Award;
  decision: Decision | null;
  note?: string;
}

export interface Installment {
  due: string;
  amountFen: number;
  /** How much of it the rent received so far covers (oldest first). */
  paidFen: number;
}

export interface RentReceipt {
  rowId: string;
  date: string;
  amountFen: number;
  summary: string;
}

export interface ContractView {
  id: string;
  villageId: string;
  subject: { type: 'asset' | 'resource'; id: string; name: string; landKind: LandKind | null; areaMu100: number | null };
  kind: ContractKind;
  counterparty: Counterparty;
  startOn: string;
  endOn: string;
  /** Whole years and months, as a villager reads it: 5年, 2年6个月. */
  termText: string;
  priceFenPerYear: number;
  /** Per 亩 per year, for land. */
  pricePerMuFen: number | null;
  schedule: PaySchedule;
  depositFen: number;
  award: Award;
  decision: Decision | null;
  note: string;
  status: ContractStatus;
  /** The contract this one renews, and the one that renewed it. */
  renews: string | null;
  renewedBy: string | null;
  terminated: { on: string; reason: string } | null;
  installments: Installment[];
  /** Due by today, received, and what is owed of what was due (欠款). */
  dueFen: number;
  receivedFen: number;
  arrearsFen: number;
  receipts: RentReceipt[];
  /**
   * Which rent is counted: all that was entered (for the 两委, the 民主理财小组, the 监委会 and the
   * township), or only rent in months whose books are published (for everyone else, as the ledger).
   */
  rentCounted: 'entered' | 'published';
}

export interface WarningView {
  id: string;
  villageId: string;
  villageName: string;
  kind: WarningKind;
  subject: { type: 'asset' | 'resource' | 'contract'; id: string; name: string };
  /** The warning in words, as the village page shows it. */
  text: string;
  /** red: money is being lost now (arrears, expired, price, term); yellow: act soon; green once closed. */
  level: 'red' | 'yellow' | 'green';
  state: WarningState;
  raisedAt: string;
  answers: { kind: WarningAnswerKind; text: string; at: string; by: string }[];
  closed: { text: string; at: string; by: string } | null;
}

export interface VillageAssetsView {
  villageId: string;
  villageName: string;
  assets: AssetView[];
  resources: ResourceView[];
  contracts: ContractView[];
  warnings: WarningView[];
  totals: AssetTotals;
}

export interface AssetTotals {
  assetsByState: Record<AssetState, { count: number; originalFen: number }>;
  /** Land by state, in hundredths of a 亩. */
  areaByState: Record<ResourceState, number>;
  activeContracts: number;
  /** Rent due by today and received, over active contracts. */
  dueFen: number;
  receivedFen: number;
  arrearsFen: number;
  openWarnings: number;
}

export interface AssetSettings {
  townshipId: string;
  /** A contract longer than this many years is warned of (default 30). */
  termLimitYears: number;
  /** Days before a contract ends that it is warned of (default 90). */
  expiringDays: number;
  /** Months an asset may stand idle before it is warned of (default 6). */
  idleMonths: number;
  /** The township's reference rent per 亩 per year, by land kind (fen); a kind not set is not checked. */
  referencePriceFen: Partial<Record<LandKind, number>>;
}

export interface TownshipAssetsView {
  townshipId: string;
  villages: { villageId: string; villageName: string; totals: AssetTotals }[];
  warnings: WarningView[];
}

/** Which 台账 a spreadsheet is: the 资产台账 (assets) or the 资源台账 (land and water). */
export type AssetRegister = 'assets' | 'resources';
export const ASSET_REGISTER_LABEL: Record<AssetRegister, string> = { assets: '资产台账', resources: '资源台账' };

export interface AssetImportProblem {
  /** The spreadsheet row, as Excel numbers it. */
  line: number;
  message: string;
}

export interface AssetImportPreview {
  register: AssetRegister;
  rows: number;
  /** Rows that would be added, and the rows refused with why. */
  ok: number;
  problems: AssetImportProblem[];
  /** Rows of this very file already on the register (an import cut short): importing again adds only the rest. */
  already: number;
  /** Rows read as something other than an entry (a 合计 line, a signature, the header repeated), and why. */
  skipped: AssetImportProblem[];
  headerRow: number | null;
  /** Each column read: as the file names it, and what it is read as (资产名称, 原值（元） …). */
  columns: { field: string; header: string }[];
  /** The first rows as they would be registered. */
  sample: (AssetInput | ResourceInput)[];
}

export interface AssetImportFile {
  villageId: string;
  register: AssetRegister;
  fileName: string;
  fileId: string;
}

export interface AssetsApi {
  village: { input: { villageId: string }; output: VillageAssetsView };
  contract: { input: { villageId: string; contractId: string }; output: ContractView };
  addAsset: { input: AssetInput; output: AssetView };
  updateAsset: { input: AssetInput & { assetId: string; reason: string }; output: AssetView };
  addResource: { input: ResourceInput; output: ResourceView };
  updateResource: { input: ResourceInput & { resourceId: string; reason: string }; output: ResourceView };
  addContract: { input: ContractInput; output: ContractView };
  renewContract: {
    input: { villageId: string; contractId: string; endOn: string; priceFenPerYear: number; schedule: PaySchedule; award: Award; decision: Decision | null };
    output: ContractView;
  };
  terminateContract: { input: { villageId: string; contractId: string; on: string; reason: string }; output: ContractView };
  /** Contracts rent can be entered against, best match first for the row's 对方 and 摘要. */
  rentTargets: { input: { villageId: string; counterparty?: string; summary?: string }; output: { id: string; label: string; score: number }[] };
  answerWarning: { input: { villageId: string; warningId: string; kind: WarningAnswerKind; text: string }; output: WarningView };
  closeWarning: { input: { villageId: string; warningId: string; text: string }; output: WarningView };
  township: { input: { townshipId: string }; output: TownshipAssetsView };
  settings: { input: { townshipId: string }; output: AssetSettings };
  updateSettings: { input: Omit<AssetSettings, 'townshipId'> & { townshipId: string }; output: AssetSettings };
  /** Reads an uploaded 资产台账 or 资源台账 and says what importing it would add, row by row. Writes nothing. */
  previewImport: { input: AssetImportFile; output: AssetImportPreview };
  /** All or nothing: refused while any row is bad; otherwise every row is registered. */
  commitImport: { input: AssetImportFile; output: { register: AssetRegister; added: number } };
  /** 生成本季度三资公开: the catalog's 资产 and 资源 items drafted from the registers, for the usual review. */
  draftDisclosure: { input: { villageId: string; quarter: string }; output: { drafted: { itemId: string; title: string }[] } };
}
