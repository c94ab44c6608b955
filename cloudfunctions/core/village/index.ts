import { action, type FunctionDef } from '../shared/dispatch';
import { z } from 'zod';
import { CODE_REASON } from '../../../common/limits';
import { placeId } from '../shared/ids';
import { codes, disableCode, issueCode, poster, posters } from './codes';
import { CODE_PATTERN } from './rules';
import { GetVillageSchema, HomeSchema, ResolveCodeSchema } from './schema';
import { villageHome } from './home';
import { getVillage, resolveCode, supervisorPhone } from './service';
import { checkHead, headLink, history, historyAlarm } from '../audit/api';
import { villagePolicy } from './policy';
import { posterPdf, postersPdf } from './print';
import { directory, lapsedCode } from './directory';
import { townshipSettings, updateSettings } from './settings';

/** A Ed25519 signed head as a phone sends it back. */
const signedHead = z.strictObject({
  scope: z.string().min(1).max(80),
  size: z.number().int().min(1).max(1_000_000_000),
  root: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(40).nullable(),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});

const codeReason = z.string().trim().min(CODE_REASON.min).max(CODE_REASON.max);

const actions = {
  resolveCode: action({ input: ResolveCodeSchema, run: resolveCode }),
  lapsedCode: action({ input: ResolveCodeSchema, run: lapsedCode }),
  directory: action({ input: z.strictObject({}), run: directory }),
  home: action({ input: HomeSchema, run: villageHome }),
  get: action({ input: GetVillageSchema, run: getVillage }),
  supervisorPhone: action({ input: GetVillageSchema, run: supervisorPhone }),
  codes: action({ input: GetVillageSchema, run: codes }),
  issueCode: action({ input: z.strictObject({ villageId: placeId, reason: codeReason }), run: issueCode }),
  disableCode: action({ input: z.strictObject({ villageId: placeId, code: z.string().regex(CODE_PATTERN), reason: codeReason }), run: disableCode }),
  poster: action({ input: GetVillageSchema, run: poster }),
  posters: action({ input: z.strictObject({ townshipId: placeId }), run: posters }),
  posterPdf: action({ input: GetVillageSchema, run: posterPdf }),
  postersPdf: action({ input: z.strictObject({ townshipId: placeId }), run: postersPdf }),
  history: action({ input: z.strictObject({ villageId: placeId, from: z.number().int().min(1).max(1_000_000_000).optional() }), run: history }),
  historyAlarm: action({ input: z.strictObject({ villageId: placeId, held: signedHead }), run: historyAlarm }),
  headLink: action({ input: GetVillageSchema, run: headLink }),
  checkHead: action({ input: z.strictObject({ token: z.string().regex(/^[0-9a-f]{24}$/) }), run: checkHead }),
  settings: action({ input: z.strictObject({ townshipId: placeId }), run: townshipSettings }),
  updateSettings: action({
    input: z.strictObject({ townshipId: placeId, ledgerSignatures: z.enum(['one', 'majority'], { message: '请选择“一人签字即可”或“过半数成员签字”' }) }),
    run: updateSettings,
  }),
};

/** What a visitor who scanned the code may read, and the township's codes and posters. */
export const villageFunction: FunctionDef<typeof actions> = {
  name: 'village',
  actions,
  policy: villagePolicy,
};
