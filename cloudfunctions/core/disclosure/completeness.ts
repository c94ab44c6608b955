import type { CompletenessCounts, ItemStatus } from '../../../types/disclosure';
import { local } from '../shared/time';

/**
 * Where a required item stands: published on time (on or before the due date, in the
 * villages' time zone), late, missing once the due date has passed, or not yet due.
 * Lateness is judged by the first publication; a later correction does not make it late.
 */
export function statusOf(firstPublishedAt: string | null, dueDate: string, now: Date): ItemStatus {
  if (firstPublishedAt) {
    return local(new Date(firstPublishedAt)).format('YYYY-MM-DD') <= dueDate ? 'published' : 'late';
  }
  return local(now).format('YYYY-MM-DD') > dueDate ? 'missing' : 'pending';
}

export function countStatuses(statuses: ItemStatus[]): CompletenessCounts {
  const counts: CompletenessCounts = { required: statuses.length, published: 0, late: 0, missing: 0, pending: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}
