import { action, type FunctionDef } from '../shared/dispatch';
import { upload } from './attachments';
import { catalog, catalogAdd, catalogRename, catalogRetire, township } from './catalog-admin';
import { subscribe, subscription } from '../messages/api';
import { drafts, maskDraft, saveDraftByHand, submit, submitQuarter } from './drafting';
import { disclosurePolicy } from './policy';
import { boardPdf } from './print';
import { itemView, verify } from './published';
import { quarters, quarterView } from './quarters';
import * as S from './schema';
import { redact } from './redact';
import { review } from './review';
import { followUpAdd, followUpClose, rate } from './voice';

const actions = {
  upload: action({ input: S.UploadSchema, run: upload }),
  saveDraft: action({ input: S.SaveDraftSchema, run: saveDraftByHand }),
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

export const disclosureFunction: FunctionDef<typeof actions> = { name: 'disclosure', actions, policy: disclosurePolicy };
