import type { DisclosureCategory } from '../../types/village';
import type { ItemRef, Rating, ReviewInput, SaveDraftInput } from '../../types/disclosure';
import type { AskInput } from '../../types/tickets';
import { call } from './transport';

export const disclosureApi = {
  quarter: (villageId: string, quarter: string) => call('disclosure', 'quarter', { villageId, quarter }),
  quarters: (villageId: string) => call('disclosure', 'quarters', { villageId }),
  item: (ref: ItemRef, version?: number) => call('disclosure', 'item', version ? { ...ref, version } : ref),
  verify: (ref: ItemRef, version?: number) => call('disclosure', 'verify', version ? { ...ref, version } : ref),
  drafts: (villageId: string, quarter: string) => call('disclosure', 'drafts', { villageId, quarter }),
  saveDraft: (input: SaveDraftInput) => call('disclosure', 'saveDraft', input),
  upload: (villageId: string, name: string, dataBase64: string) => call('disclosure', 'upload', { villageId, name, dataBase64 }),
  submit: (ref: ItemRef, reason?: string) => call('disclosure', 'submit', reason ? { ...ref, reason } : ref),
  submitQuarter: (villageId: string, quarter: string) => call('disclosure', 'submitQuarter', { villageId, quarter }),
  review: (input: ReviewInput) => call('disclosure', 'review', input),
  rate: (villageId: string, quarter: string, rating: Rating, comment?: string) =>
    call('disclosure', 'rate', comment ? { villageId, quarter, rating, comment } : { villageId, quarter, rating }),
  followUpAdd: (villageId: string, quarter: string, text: string) => call('disclosure', 'followUpAdd', { villageId, quarter, text }),
  followUpClose: (villageId: string, quarter: string, followUpId: string, result: string) =>
    call('disclosure', 'followUpClose', { villageId, quarter, followUpId, result }),
  catalog: (townshipId: string) => call('disclosure', 'catalog', { townshipId }),
  catalogAdd: (townshipId: string, category: DisclosureCategory, title: string) => call('disclosure', 'catalogAdd', { townshipId, category, title }),
  catalogRename: (townshipId: string, itemId: string, title: string) => call('disclosure', 'catalogRename', { townshipId, itemId, title }),
  catalogRetire: (townshipId: string, itemId: string) => call('disclosure', 'catalogRetire', { townshipId, itemId }),
  township: (townshipId: string, quarter: string) => call('disclosure', 'township', { townshipId, quarter }),
  subscribe: (villageId: string, on: boolean) => call('disclosure', 'subscribe', { villageId, on }),
  subscription: (villageId: string) => call('disclosure', 'subscription', { villageId }),
};

export const ticketsApi = {
  ask: (input: AskInput) => call('tickets', 'ask', input),
  queue: (villageId: string, state?: 'open' | 'answered') => call('tickets', 'queue', state ? { villageId, state } : { villageId }),
  answer: (villageId: string, ticketId: string, text: string) => call('tickets', 'answer', { villageId, ticketId, text }),
  mine: (villageId: string) => call('tickets', 'mine', { villageId }),
};

/** Where an item opens. */
export const itemUrl = (r: ItemRef, extra = '') =>
  `/pages/item/index?villageId=${r.villageId}&quarter=${r.quarter}&itemId=${encodeURIComponent(r.itemId)}${extra}`;
