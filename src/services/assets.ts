import {
  ASSET_KIND_LABEL,
  ASSET_STATE_LABEL,
  ASSET_USE_LABEL,
  type AssetInput,
  type AssetRegister,
  type AssetSettings,
  type AssetView,
  type Award,
  type ContractInput,
  type Decision,
  LAND_KIND_LABEL,
  type PaySchedule,
  RESOURCE_STATE_LABEL,
  type ResourceInput,
  type ResourceView,
  type WarningAnswerKind,
} from '../../types/assets';
import type { PickedFile } from './file-pick';
import { call, uploadFile } from './transport';

/** 续签: a running contract's new term, price and schedule, awarded and approved again. */
export type RenewInput = {
  villageId: string;
  contractId: string;
  endOn: string;
  priceFenPerYear: number;
  schedule: PaySchedule;
  award: Award;
  decision: Decision | null;
};

/** 三资: the village's assets, land, the contracts that let them, and their warnings. */
export const assetsApi = {
  village: (villageId: string) => call('assets', 'village', { villageId }),
  contract: (villageId: string, contractId: string) => call('assets', 'contract', { villageId, contractId }),
  addAsset: (input: AssetInput) => call('assets', 'addAsset', input),
  updateAsset: (input: AssetInput & { assetId: string; reason: string }) => call('assets', 'updateAsset', input),
  addResource: (input: ResourceInput) => call('assets', 'addResource', input),
  updateResource: (input: ResourceInput & { resourceId: string; reason: string }) => call('assets', 'updateResource', input),
  addContract: (input: ContractInput) => call('assets', 'addContract', input),
  renewContract: (input: RenewInput) => call('assets', 'renewContract', input),
  terminateContract: (villageId: string, contractId: string, on: string, reason: string) =>
    call('assets', 'terminateContract', { villageId, contractId, on, reason }),
  /** Contracts a ledger income row may pay, the best match for its 对方 and 摘要 first. */
  rentTargets: (villageId: string, counterparty?: string, summary?: string) => call('assets', 'rentTargets', { villageId, counterparty, summary }),
  answerWarning: (villageId: string, warningId: string, kind: WarningAnswerKind, text: string) =>
    call('assets', 'answerWarning', { villageId, warningId, kind, text }),
  closeWarning: (villageId: string, warningId: string, text: string) => call('assets', 'closeWarning', { villageId, warningId, text }),
  township: (townshipId: string) => call('assets', 'township', { townshipId }),
  settings: (townshipId: string) => call('assets', 'settings', { townshipId }),
  updateSettings: (input: AssetSettings) => call('assets', 'updateSettings', input),
  /** Puts a 资产台账 or 资源台账 in storage; preview and commit then name it by the id. */
  send: (villageId: string, file: PickedFile) => uploadFile(villageId, 'assets', file),
  previewImport: (villageId: string, register: AssetRegister, fileName: string, fileId: string) =>
    call('assets', 'previewImport', { villageId, register, fileName, fileId }),
  commitImport: (villageId: string, register: AssetRegister, fileName: string, fileId: string) =>
    call('assets', 'commitImport', { villageId, register, fileName, fileId }),
  /** 生成本季度三资公开: the quarter's 资产 and 资源 items drafted from the registers. */
  draftDisclosure: (villageId: string, quarter: string) => call('assets', 'draftDisclosure', { villageId, quarter }),
};

/** 1250 (hundredths of a 亩) → 12.5亩 */
export function muText(areaMu100: number): string {
  return `${(areaMu100 / 100).toFixed(2).replace(/\.?0+$/, '')}亩`;
}

/** An asset's kind, use and state in the register's words, as both the 会计's and the villagers' cards say them. */
export function assetLabels(a: Pick<AssetView, 'kind' | 'use' | 'state'>) {
  return { kind: ASSET_KIND_LABEL[a.kind], use: ASSET_USE_LABEL[a.use], state: ASSET_STATE_LABEL[a.state] };
}

/** A piece of land's kind and state in the register's words. */
export function resourceLabels(r: Pick<ResourceView, 'landKind' | 'state'>) {
  return { landKind: LAND_KIND_LABEL[r.landKind], state: RESOURCE_STATE_LABEL[r.state] };
}
