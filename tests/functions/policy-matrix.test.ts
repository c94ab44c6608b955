import { functions } from '../../cloudfunctions/functions/registry';
import { ALL, CALLERS, MATRIX } from '../helpers/action-samples';
import { functionsHost } from '../helpers/host';

const DENIED = new Set(['PERMISSION_DENIED', 'UNAUTHENTICATED']);

const host = functionsHost();

it('has a row for every action of every deployed function, and no row for an action that does not exist', () => {
  const deployed = Object.entries(functions)
    .flatMap(([fn, def]) => Object.keys(def.actions).map((a) => `${fn}.${a}`))
    .sort();
  const covered = Object.entries(MATRIX)
    .flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`))
    .sort();
  expect(covered).toEqual(deployed);
});

const cases = Object.entries(MATRIX).flatMap(([fn, actions]) =>
  Object.entries(actions).flatMap(([act, { input, allowed }]) => ALL.map((who) => [fn, act, who, allowed.includes(who), input] as const)),
);

it.each(cases)('%s.%s by %s: allowed = %s', async (fn, act, who, allowed, input) => {
  const res = await host.send(fn, act, input, CALLERS[who]);
  const code = res.body.ok ? null : res.body.error.code;
  if (allowed) expect(DENIED.has(code)).toBe(false);
  else expect(code && DENIED.has(code) ? 'denied' : `answered ${code ?? 'ok'}`).toBe('denied');
});
