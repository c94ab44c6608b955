import { action, type FunctionDef } from '../shared/dispatch';
import { attachmentPolicy, upload } from './attachments';
import { catalog, catalogAdd, catalogPolicy, catalogRename, catalogRetire, township } from './catalog-admin';
import { subscribe, subscription, subscriptionPolicy } from './notify';
import { boardPdf, boardPrintPolicy } from './print';
import { itemView, publicPolicy, quarters, quarterView, verify } from './public';
import * as S from './schema';
import { drafts, draftingPolicy, maskDraft, review, saveDraft, submit, submitQuarter } from './service';
import { redact, redactPolicy } from './redact';
import { followUpAdd, followUpClose, rate, voicePolicy } from './voice';

const actions = {
  upload: action({ input: S.UploadSchema, run: upload }),
  saveDraft: action({ input: S.SaveDraftSchema, run: saveDraft }),
  submit: action({ input: S.SubmitSchema, run: submit }),
  submitQuarter: action({ input: S.QuarterSchema, run: submitQuarter }),
  review: action({ input: S.ReviewSchema, run: review }),
  drafts: action({ input: S.QuarterSchema, run: drafts }),
  quarter: action({ input: S.QuarterSchema, run: quarterView }),
  quarters: action({ input: S.VillageSchema, run: quarters }),
  item: action({ input: S.ItemSchema, run: itemView }),
  verify: action({ input: S.ItemSchema, run: verify }),
  rate: action({ input: S.RateSchema, run: rate }),
  followUpAdd: action({ input: S.FollowUpAddSchema, run: followUpAdd }),
  followUpClose: action({ input: S.FollowUpCloseSchema, run: followUpClose }),
  catalog: action({ input: S.CatalogSchema, run: catalog }),
  catalogAdd: action({ input: S.CatalogAddSchema, run: catalogAdd }),
  catalogRename: action({ input: S.CatalogRenameSchema, run: catalogRename }),
  catalogRetire: action({ input: S.CatalogRetireSchema, run: catalogRetire }),
  township: action({ input: S.TownshipSchema, run: township }),
  subscribe: action({ input: S.SubscribeSchema, run: subscribe }),
  subscription: action({ input: S.VillageSchema, run: subscription }),
  maskDraft: action({ input: S.MaskDraftSchema, run: maskDraft }),
  redact: action({ input: S.RedactSchema, run: redact }),
  boardPdf: action({ input: S.QuarterSchema, run: boardPdf }),
};

export const disclosurePolicy = {
  ...attachmentPolicy,
  ...draftingPolicy,
  ...publicPolicy,
  ...voicePolicy,
  ...catalogPolicy,
  ...subscriptionPolicy,
  ...redactPolicy,
  ...boardPrintPolicy,
};

export const disclosureFunction: FunctionDef<typeof actions> = { name: 'disclosure', actions, policy: disclosurePolicy };
