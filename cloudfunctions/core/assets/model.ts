import type {
  AssetView,
  Award,
  ContractKind,
  ContractStatus,
  Counterparty,
  Decision,
  LandKind,
  PaySchedule,
  ResourceView,
  WarningAnswerKind,
  WarningKind,
  WarningState,
} from '../../../types/assets';
import type { StoredAttachment } from '../attachments/api';

/** An asset on the village's 资产台账. */
export type AssetDoc = Omit<AssetView, 'id' | 'photos'> & {
  _id: string;
  photos: StoredAttachment[];
  createdAt: string;
  [k: string]: unknown;
};

/** A piece of land or water on the 资源台账. */
export type ResourceDoc = Omit<ResourceView, 'id'> & {
  _id: string;
  createdAt: string;
  [k: string]: unknown;
};

export interface ContractDoc {
  _id: string;
  villageId: string;
  townshipId: string;
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
  note: string;
  status: ContractStatus;
  renews: string | null;
  renewedBy: string | null;
  terminated: { on: string; reason: string } | null;
  /** Rent entered against it in the ledger, kept with each row's transaction (receipts). */
  receivedFen: number;
  createdAt: string;
  [k: string]: unknown;
}

/** One ledger income row entered against a contract, `_id` the row's: a row pays one contract once. */
export interface ReceiptDoc {
  _id: string;
  villageId: string;
  contractId: string;
  date: string;
  amountFen: number;
  summary: string;
  [k: string]: unknown;
}

/**
 * A warning raised by the rules, `_id` `${villageId}:${kind}:${subject}:${occasion}`: the same
 * occasion (this installment, this end date, this idle spell) raises it once, however often the
 * timer looks, and a closed one stays closed (one closed while yellow that turns red is raised
 * again, as `${id}:red`: see warnings.ts).
 */
export interface WarningDoc {
  _id: string;
  villageId: string;
  townshipId: string;
  kind: WarningKind;
  subject: { type: 'asset' | 'resource' | 'contract'; id: string; name: string };
  text: string;
  level: 'red' | 'yellow';
  state: WarningState;
  raisedAt: string;
  answers: { kind: WarningAnswerKind; text: string; at: string; by: string }[];
  closed: { text: string; at: string; by: string } | null;
  [k: string]: unknown;
}

/** A township's numbers for the warnings, `_id` the township's. */
export interface AssetSettingsDoc {
  _id: string;
  termLimitYears?: number;
  expiringDays?: number;
  idleMonths?: number;
  referencePriceFen?: Partial<Record<LandKind, number>>;
  [k: string]: unknown;
}
