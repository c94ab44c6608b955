/** The DocStore contract's transactions cases, over every adapter (tests/adapters/contract/harness.ts). */
import { AppError } from '../../cloudfunctions/core/shared/errors';
import { cmd, type Doc } from '../../cloudfunctions/ports/docstore';
import { expectStoreError, runContract } from './contract/harness';

runContract('transactions', ({ check, harness, open, contention, everyTransactionCommits }) => {
  check(`${contention} parallel transactions that each read a counter and write value + 1 lose no update`, async () => {
    const [c, n] = await open<Doc & { value: number }>('counters');
    await c.add({ _id: 'counter', value: 0 });
    // Settled, not raced: nothing may still be writing when the test ends.
    const outcomes = await Promise.allSettled(
      Array.from({ length: contention }, () =>
        harness().store.transaction(async (tx) => {
          const doc = await tx.get<Doc & { value: number }>(n, 'counter');
          await tx.update(n, 'counter', { value: (doc?.value ?? 0) + 1 });
        }),
      ),
    );
    // Each one counts or says it gave up (ABORTED, after its retries); none vanishes.
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'ABORTED' });
    expect((await c.get('counter'))?.value).toBe(committed);
    if (everyTransactionCommits) expect(committed).toBe(contention);
    else expect(committed).toBeGreaterThan(0);
  });

  check('an error of the app thrown inside a transaction comes out as it went in, and nothing is written', async () => {
    const [c, n] = await open();
    await c.add({ _id: 'x', v: 1 });
    for (const code of ['CONFLICT', 'NOT_FOUND', 'FAILED_PRECONDITION'] as const) {
      const thrown = await harness()
        .store.transaction(async (tx) => {
          await tx.update(n, 'x', { v: cmd.inc(1) });
          throw new AppError(code, '已经投过票了');
        })
        .catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe(code);
    }
    expect((await c.get('x'))?.v).toBe(1);
  });

  check('an update that changes nothing inside a transaction succeeds; a missing document is NOT_FOUND', async () => {
    const [c, n] = await open();
    await c.add({ _id: 'x', roles: ['书记'] });
    await harness().store.transaction(async (tx) => tx.update(n, 'x', { roles: ['书记'] }));
    expect(await c.get('x')).toEqual({ _id: 'x', roles: ['书记'] });
    await expectStoreError(
      harness().store.transaction(async (tx) => tx.update(n, 'nobody', { roles: [] })),
      'NOT_FOUND',
    );
  });

  check('a transaction returns what its function returns and commits all its writes', async () => {
    const [a, an] = await open('left');
    const [b, bn] = await open('right');
    await a.add({ _id: 'x', v: 1 });
    const result = await harness().store.transaction(async (tx) => {
      await tx.update(an, 'x', { v: cmd.inc(1) });
      await tx.add(bn, { _id: 'y', v: '新' });
      return 'done';
    });
    expect(result).toBe('done');
    expect(await a.get('x')).toEqual({ _id: 'x', v: 2 });
    expect(await b.get('y')).toEqual({ _id: 'y', v: '新' });
  });

  check('a transaction that writes two documents and then throws leaves neither write and rejects with the thrown error', async () => {
    const [c, n] = await open();
    await c.add({ _id: 'existing', v: 'before' });
    const boom = new Error('boom after two writes');
    await expect(
      harness().store.transaction(async (tx) => {
        await tx.update(n, 'existing', { v: 'after' });
        await tx.set(n, 'created', { v: 'new' });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await c.get('existing')).toEqual({ _id: 'existing', v: 'before' });
    expect(await c.get('created')).toBeNull();
  });

  check('a transaction that adds an existing _id rejects with CONFLICT and writes nothing else', async () => {
    const [c, n] = await open();
    await c.add({ _id: 'taken', v: 'original' });
    await c.add({ _id: 'other', v: 'before' });
    await expectStoreError(
      harness().store.transaction(async (tx) => {
        await tx.update(n, 'other', { v: 'after' });
        await tx.set(n, 'side', { v: 'effect' });
        await tx.add(n, { _id: 'taken', v: 'intruder' });
      }),
      'CONFLICT',
    );
    expect(await c.get('taken')).toEqual({ _id: 'taken', v: 'original' });
    expect(await c.get('other')).toEqual({ _id: 'other', v: 'before' });
    expect(await c.get('side')).toBeNull();
  });

  check('tx.update on a missing document rejects with NOT_FOUND and writes nothing', async () => {
    const [c, n] = await open();
    await expectStoreError(
      harness().store.transaction(async (tx) => {
        await tx.set(n, 'side', { v: 'effect' });
        await tx.update(n, 'missing', { v: 1 });
      }),
      'NOT_FOUND',
    );
    expect(await c.get('missing')).toBeNull();
    expect(await c.get('side')).toBeNull();
  });

  check('a transaction that removes a document and adds it again replaces it', async () => {
    const c = await harness().name('tx_readd');
    await harness().store.collection(c).add({ _id: 'b', v: 1 });
    await harness().store.transaction(async (tx) => {
      await tx.remove(c, 'b');
      await tx.add(c, { _id: 'b', v: 2 });
    });
    expect(await harness().store.collection(c).get('b')).toEqual({ _id: 'b', v: 2 });
  });

  check('a transaction sees its own writes', async () => {
    const [c, n] = await open();
    await c.add({ _id: 'a', n: 1 });
    await c.add({ _id: 'd', n: 4 });
    const seen = await harness().store.transaction(async (tx) => {
      await tx.update(n, 'a', { n: cmd.inc(1), note: '改' });
      const a = await tx.get(n, 'a');
      await tx.add(n, { _id: 'b', n: 10 });
      const b = await tx.get(n, 'b');
      await tx.set(n, 'c', { n: 20 });
      const cc = await tx.get(n, 'c');
      await tx.remove(n, 'd');
      const d = await tx.get(n, 'd');
      return { a, b, c: cc, d };
    });
    expect(seen).toEqual({
      a: { _id: 'a', n: 2, note: '改' },
      b: { _id: 'b', n: 10 },
      c: { _id: 'c', n: 20 },
      d: null,
    });
    expect(await c.get('a')).toEqual({ _id: 'a', n: 2, note: '改' });
    expect(await c.get('b')).toEqual({ _id: 'b', n: 10 });
    expect(await c.get('c')).toEqual({ _id: 'c', n: 20 });
    expect(await c.get('d')).toBeNull();
  });
});
