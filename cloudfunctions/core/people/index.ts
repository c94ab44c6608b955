import { action, type FunctionDef } from '../shared/dispatch';
import { RosterFileSchema, RosterListSchema } from './schema';
import { commitImport, listRoster, previewImport, rosterPolicy } from './service';

const actions = {
  previewImport: action({ input: RosterFileSchema, run: previewImport }),
  commitImport: action({ input: RosterFileSchema, run: commitImport }),
  list: action({ input: RosterListSchema, run: listRoster }),
};

export const rosterFunction: FunctionDef<typeof actions> = { name: 'roster', actions, policy: rosterPolicy };
