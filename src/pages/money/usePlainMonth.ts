import { useEffect, useState } from 'react';
import type { MoneyView } from '../../../types/finance';
import type { PlainSegment } from '../../../types/plain';
import { useRequest } from '../../hooks/useRequest';
import { financeApi } from '../../services/finance';
import { plainApi } from '../../services/plain';

/**
 * The month in view's 明白账, and what changed since this viewer last looked in plain words.
 * Both are per viewer until the page is marked seen, so `seen` waits for the first answer (or
 * its failure); the words kept are that first answer's, not a later month's asked after `seen`.
 */
export function usePlainMonth(villageId: string, month: string | null, money: MoneyView | undefined) {
  const plain = useRequest(month ? `money-plain:${villageId}:${month}` : null, () => plainApi.summary(villageId, month as string));
  const [since, setSince] = useState<PlainSegment[] | null>(null);
  useEffect(() => {
    if (plain.data && since === null) setSince(plain.data.since);
  }, [plain.data, since]);
  // With no published month there is nothing to ask, and the page is seen as soon as it loads.
  const settled = !month || !!plain.data || !!plain.error;
  // Once the page has shown what is new, it is no longer new next time.
  useEffect(() => {
    if (money && settled) financeApi.seen(villageId).catch(() => undefined);
  }, [money, settled, villageId]);
  // A month's answer only: a month not published has no 明白账 (summary null).
  const view = plain.data?.period === month ? plain.data : null;
  return { view, since };
}
