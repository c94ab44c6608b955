import { z } from 'zod';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId, storedFileId } from '../shared/ids';
import { quarter } from '../shared/keys';
import { addContract, renewContract, terminateContract } from './contracts';
import { draftDisclosure } from './disclosure';
import { commitImport, previewImport } from './importing';
import { assetsPolicy } from './policy';
import { contract, township, village } from './reads';
import { addAsset, addResource, updateAsset, updateResource } from './registers';
import { rentTargets } from './rent';
import { assetFields, award, contractFields, day, decision, docId, fen, reason, resourceFields, schedule, villageId, warningText } from './schema';
import { settings, updateSettings } from './settings';
import { answerWarning, closeWarning } from './warnings';

const landPrices = z
  .strictObject({
    arable: fen,
    forest: fen,
    orchard: fen,
    grass: fen,
    water: fen,
    waste: fen,
    construction: fen,
  })
  .partial();

/** An uploaded 资产台账 or 资源台账, named by the register it is for. */
const importFile = z.strictObject({
  villageId,
  register: z.enum(['assets', 'resources'], { message: '请选择资产台账或资源台账' }),
  fileName: z
    .string()
    .min(1)
    .max(120)
    .regex(/\.(xlsx|csv)$/i, '只能导入 .xlsx 或 .csv 表格。'),
  fileId: storedFileId,
});

const actions = {
  village: action({ input: z.strictObject({ villageId }), run: village }),
  contract: action({ input: z.strictObject({ villageId, contractId: docId }), run: contract }),
  addAsset: action({ input: z.strictObject(assetFields), run: addAsset }),
  updateAsset: action({ input: z.strictObject({ ...assetFields, assetId: docId, reason }), run: updateAsset }),
  addResource: action({ input: z.strictObject(resourceFields), run: addResource }),
  updateResource: action({ input: z.strictObject({ ...resourceFields, resourceId: docId, reason }), run: updateResource }),
  addContract: action({ input: z.strictObject(contractFields), run: addContract }),
  renewContract: action({
    input: z.strictObject({ villageId, contractId: docId, endOn: day, priceFenPerYear: fen.min(1), schedule, award, decision }),
    run: renewContract,
  }),
  terminateContract: action({ input: z.strictObject({ villageId, contractId: docId, on: day, reason }), run: terminateContract }),
  rentTargets: action({
    input: z.strictObject({ villageId, counterparty: z.string().max(80).optional(), summary: z.string().max(200).optional() }),
    run: rentTargets,
  }),
  answerWarning: action({
    input: z.strictObject({
      villageId,
      warningId: z.string().min(1).max(200),
      kind: z.enum(['renew', 'tender', 'collect', 'explain'], { message: '请选择续签、招标、催收或说明' }),
      text: warningText,
    }),
    run: answerWarning,
  }),
  closeWarning: action({ input: z.strictObject({ villageId, warningId: z.string().min(1).max(200), text: warningText }), run: closeWarning }),
  township: action({ input: z.strictObject({ townshipId: placeId }), run: township }),
  settings: action({ input: z.strictObject({ townshipId: placeId }), run: settings }),
  updateSettings: action({
    input: z.strictObject({
      townshipId: placeId,
      termLimitYears: z.number().int().min(1).max(70),
      expiringDays: z.number().int().min(7).max(366),
      idleMonths: z.number().int().min(1).max(36),
      referencePriceFen: landPrices,
    }),
    run: updateSettings,
  }),
  previewImport: action({ input: importFile, run: previewImport }),
  commitImport: action({ input: importFile, run: commitImport }),
  draftDisclosure: action({ input: z.strictObject({ villageId, quarter }), run: draftDisclosure }),
};

/** 三资: the village's assets, land and the contracts that let them, with their warnings. */
export const assetsFunction: FunctionDef<typeof actions> = { name: 'assets', actions, policy: assetsPolicy };
