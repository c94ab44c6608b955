/**
 * Sets the phone's clock (Date) to `now`, and fakes nothing else: timers, microtasks and animation
 * frames keep running for real, so the page loads, React renders and Testing Library waits as they
 * always do. Undo it with jest.useRealTimers().
 */
export function phoneClockAt(now: Date): void {
  jest.useFakeTimers({
    now,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
    ],
  });
}
