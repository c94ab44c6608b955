import { z } from 'zod';
import { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';
import { action, createDispatcher, type FunctionDef } from '../../cloudfunctions/core/shared/dispatch';
import { fail } from '../../cloudfunctions/core/shared/errors';
import { anyone } from '../../cloudfunctions/core/shared/policy';
import { functions } from '../../cloudfunctions/functions/registry';
import { MovableClock } from '../../cloudfunctions/ports/clock';
import { StoreError } from '../../cloudfunctions/ports/docstore';
import type { Ports } from '../../cloudfunctions/ports';

const NOW = new Date('2027-03-31T15:59:00Z');
const ports = (): Ports => ({
  store: new SqliteDocStore(':memory:'),
  clock: new MovableClock(NOW),
  caller: { openid: null },
  idKey: 'k',
  files: { put: async () => '', urls: async () => [], pathOf: () => null, read: async () => null, remove: async () => false },
  notifier: { send: async () => {} },
  contentCheck: { check: async () => null },
  codeMaker: { png: async () => Buffer.alloc(0) },
});

const actions = {
  echo: action({ input: z.strictObject({ text: z.string().max(5) }), run: async (_p, i) => i.text }),
  unlisted: action({ input: z.strictObject({}), run: async () => 'should never run' }),
  boom: action({
    input: z.strictObject({}),
    run: async () => {
      throw new Error('secret internals at /srv/x.js:1');
    },
  }),
  taken: action({
    input: z.strictObject({}),
    run: async () => {
      throw new StoreError('CONFLICT', 'dup');
    },
  }),
  refused: action({
    input: z.strictObject({}),
    run: async () => {
      throw fail.precondition('本月已结账，不能再改。');
    },
  }),
};

const def = {
  name: 'demo',
  actions,
  // `unlisted` is deliberately missing: deny by default.
  policy: { echo: anyone, boom: anyone, taken: anyone, refused: anyone },
} as unknown as FunctionDef<typeof actions>;

const logged: unknown[] = [];
const dispatch = createDispatcher(def, (e) => logged.push(e));

describe('dispatch', () => {
  it('runs a valid action and wraps the result', async () => {
    expect(await dispatch({ action: 'echo', data: { text: '你好' } }, ports())).toEqual({ ok: true, data: '你好', now: NOW.toISOString() });
  });

  it("tells the app the server's time with every answer, refusals too", async () => {
    const res = await dispatch({ action: 'refused', data: {} }, ports());
    expect(res).toMatchObject({ ok: false, now: '2027-03-31T15:59:00.000Z' });
  });

  it('refuses an action that has no policy entry, before running it', async () => {
    const res = await dispatch({ action: 'unlisted', data: {} }, ports());
    expect(res).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('explains invalid input in Chinese', async () => {
    const res = await dispatch({ action: 'echo', data: { text: '太长了太长了' } }, ports());
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!res.ok) expect(res.error.message).toContain('超出允许的长度');
  });

  it('answers an unexpected failure as INTERNAL without its details, and logs it', async () => {
    const res = await dispatch({ action: 'boom', data: {} }, ports());
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统出了点问题，请稍后再试。' }, now: NOW.toISOString() });
    expect(JSON.stringify(logged)).toContain('secret internals');
  });

  it('turns a duplicate write into CONFLICT', async () => {
    expect(await dispatch({ action: 'taken', data: {} }, ports())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('passes a business refusal through with its own message', async () => {
    expect(await dispatch({ action: 'refused', data: {} }, ports())).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '本月已结账，不能再改。' },
      now: NOW.toISOString(),
    });
  });

  it('does not treat inherited object keys as actions', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const res = await dispatch({ action: name, data: {} }, ports());
      expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('rejects unknown top-level fields but tolerates what the platform injects', async () => {
    expect(await dispatch({ action: 'echo', data: { text: 'a' }, villageId: 'x' }, ports())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await dispatch({ action: 'echo', data: { text: 'a' }, userInfo: { openId: 'forged' } }, ports())).toEqual({
      ok: true,
      data: 'a',
      now: NOW.toISOString(),
    });
  });
});

describe('every deployed function', () => {
  it.each(Object.entries(functions))('%s has a policy entry for every action and no entry without an action', (_n, fn) => {
    expect(Object.keys(fn.policy).sort()).toEqual(Object.keys(fn.actions).sort());
  });
});
