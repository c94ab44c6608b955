/**
 * Something the tests of a file (or of the describe block this is called in) share, such as a
 * host or a browser: started in beforeAll and stopped in afterAll. `current()` is how the tests
 * reach it; read before beforeAll has run (at module load), it throws instead of handing out one
 * that is not there. `stopNow()` stops it early, which leaves afterAll nothing to do.
 * `timeoutMs` is beforeAll's, for a start that takes longer than a test may.
 */
export function startedForTests<T extends { stop(): Promise<void> }>(
  what: string,
  start: () => Promise<T>,
  timeoutMs?: number,
): { current(): T; stopNow(): Promise<void> } {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  }, timeoutMs);
  afterAll(async () => {
    await running?.stop();
  });
  const current = (): T => {
    if (!running) throw new Error(`${what} starts in beforeAll`);
    return running;
  };
  return {
    current,
    async stopNow() {
      const stopping = current();
      running = undefined;
      await stopping.stop();
    },
  };
}
