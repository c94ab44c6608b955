import type { AssetInput, AssetSettings, Award, ContractInput, Decision, PaySchedule, ResourceInput, WarningAnswerKind } from '../../types/assets';
import { call } from './transport';

/** 三资: the village's assets, land, the contracts that let them, and their warnings. */
export const assetsApi = {
  village: (villageId: string) => call('assets', 'village', { villageId }),
  contract: (villageId: string, contractId: string) => call('assets', 'contract', { villageId, contractId }),
  addAsset: (input: AssetInput) => call('assets', 'addAsset', input),
  updateAsset: (input: AssetInput & { assetId: string; reason: string }) => call('assets', 'updateAsset', input),
  addResource: (input: ResourceInput) => call('assets', 'addResource', input),
  updateResource: (input: ResourceInput & { resourceId: string; reason: string }) => call('assets', 'updateResource', input),
  addContract: (input: ContractInput) => call('assets', 'addContract', input),
  renewContract: (input: { villageId: string; contractId: string; endOn: string; priceFenPerYear: number; schedule: PaySchedule; award: Award; decision: Decision | null }) =>
    call('assets', 'renewContract', input),
  terminateContract: (villageId: string, contractId: string, on: string, reason: string) => call('assets', 'terminateContract', { villageId, contractId, on, reason }),
  /** Contracts a ledger income row may pay, the best match for its 对方 and 摘要 first. */
  rentTargets: (villageId: string, counterparty?: string, summary?: string) => call('assets', 'rentTargets', { villageId, counterparty, summary }),
  answerWarning: (villageId: string, warningId: string, kind: WarningAnswerKind, text: string) => call('assets', 'answerWarning', { villageId, warningId, kind, text }),
  closeWarning: (villageId: string, warningId: string, text: string) => call('assets', 'closeWarning', { villageId, warningId, text }),
  township: (townshipId: string) => call('assets', 'township', { townshipId }),
  settings: (townshipId: string) => call('assets', 'settings', { townshipId }),
  updateSettings: (input: AssetSettings) => call('assets', 'updateSettings', input),
};

/** 1250 (hundredths of a 亩) → 12.5亩 */
export function muText(areaMu100: number): string {
  return `${(areaMu100 / 100).toFixed(2).replace(/\.?0+$/, '')}亩`;
}
