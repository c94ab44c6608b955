import type { ItemRef, ReviewInput } from '../../types/disclosure';
import { call } from './transport';

export const disclosureApi = {
  quarter: (villageId: string, quarter: string) => call('disclosure', 'quarter', { villageId, quarter }),
  item: (ref: ItemRef, version?: number) => call('disclosure', 'item', version ? { ...ref, version } : ref),
  drafts: (villageId: string, quarter: string) => call('disclosure', 'drafts', { villageId, quarter }),
  review: (input: ReviewInput) => call('disclosure', 'review', input),
};
