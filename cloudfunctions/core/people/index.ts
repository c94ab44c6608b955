import { action, type FunctionDef } from '../shared/dispatch';
import { approvals, decideApproval, requestApproval } from './approvals';
import { crossVillage } from './cross-village';
import { commitImport, previewImport } from './importing';
import { listRoster } from './list';
import { rosterFunctionPolicy } from './policy';
import { RosterApprovalRequestSchema, RosterCommitSchema, RosterDecideSchema, RosterFileSchema, RosterListSchema, TownshipOnlySchema } from './schema';

const actions = {
  previewImport: action({ input: RosterFileSchema, run: previewImport }),
  commitImport: action({ input: RosterCommitSchema, run: commitImport }),
  requestApproval: action({ input: RosterApprovalRequestSchema, run: requestApproval }),
  approvals: action({ input: TownshipOnlySchema, run: approvals }),
  decideApproval: action({ input: RosterDecideSchema, run: decideApproval }),
  crossVillage: action({ input: TownshipOnlySchema, run: crossVillage }),
  list: action({ input: RosterListSchema, run: listRoster }),
};

export const rosterFunction: FunctionDef<typeof actions> = {
  name: 'roster',
  actions,
  policy: rosterFunctionPolicy,
};
