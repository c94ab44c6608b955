import { useEffect, useState } from 'react';
import type { MeetingView } from '../../../types/matters';
import { hasPassed, msUntil } from '../../services/china-time';

/**
 * Past its closing time the server refuses every vote, but the meeting stays "open" until the
 * hourly timer closes it: the page must not offer a ballot that can only be refused.
 */
export const pastClosing = (x: MeetingView) => x.state === 'open' && hasPassed(x.closesAt);
// Longer waits overflow setTimeout (it would fire at once); nobody keeps a page open that long.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether the vote is past its closing time, re-rendering when that moment comes while the page is open. */
export function usePastClosing(x: MeetingView): boolean {
  const [, tick] = useState(0);
  useEffect(() => {
    if (x.state !== 'open') return undefined;
    const wait = msUntil(x.closesAt);
    if (!(wait > 0) || wait > MAX_TIMER_MS) return undefined;
    // A little after the moment: timers may fire a hair early, and the check is against the clock.
    const t = setTimeout(() => tick((n) => n + 1), wait + 500);
    return () => clearTimeout(t);
  }, [x.state, x.closesAt]);
  return pastClosing(x);
}
