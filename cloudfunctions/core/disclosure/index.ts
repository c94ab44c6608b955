import { action, type FunctionDef } from '../shared/dispatch';
import { ItemSchema, QuarterSchema, ReviewSchema, SaveDraftSchema, SubmitSchema } from './schema';
import { disclosurePolicy, drafts, itemView, quarterView, review, saveDraft, submit } from './service';

const actions = {
  saveDraft: action({ input: SaveDraftSchema, run: saveDraft }),
  submit: action({ input: SubmitSchema, run: submit }),
  review: action({ input: ReviewSchema, run: review }),
  drafts: action({ input: QuarterSchema, run: drafts }),
  quarter: action({ input: QuarterSchema, run: quarterView }),
  item: action({ input: ItemSchema, run: itemView }),
};

export const disclosureFunction: FunctionDef<typeof actions> = { name: 'disclosure', actions, policy: disclosurePolicy };
