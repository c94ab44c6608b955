import type { DisclosureCategory } from '../../types/village';
import type { Block, ItemRef, Rating, ReviewInput, SaveDraftInput } from '../../types/disclosure';
import type { AnswerRating, AskInput, FileInput, QueueFilter, Triage } from '../../types/tickets';
import { call, uploadFile } from './transport';
import type { PickedFile } from './file-pick';

export const disclosureApi = {
  quarter: (villageId: string, quarter: string) => call('disclosure', 'quarter', { villageId, quarter }),
  quarters: (villageId: string) => call('disclosure', 'quarters', { villageId }),
  item: (ref: ItemRef, version?: number) => call('disclosure', 'item', version ? { ...ref, version } : ref),
  verify: (ref: ItemRef, version?: number) => call('disclosure', 'verify', version ? { ...ref, version } : ref),
  drafts: (villageId: string, quarter: string) => call('disclosure', 'drafts', { villageId, quarter }),
  saveDraft: (input: SaveDraftInput) => call('disclosure', 'saveDraft', input),
  /** Uploads the file to storage, then names it for a draft. */
  upload: async (villageId: string, name: string, file: PickedFile) =>
    call('disclosure', 'upload', { villageId, name, fileId: await uploadFile(villageId, 'attachment', file) }),
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
  township: (townshipId: string, quarter: string | null) => call('disclosure', 'township', quarter ? { townshipId, quarter } : { townshipId }),
  subscribe: (villageId: string, on: boolean) => call('disclosure', 'subscribe', { villageId, on }),
  subscription: (villageId: string) => call('disclosure', 'subscription', { villageId }),
  maskDraft: (villageId: string, title: string, body: Block[]) => call('disclosure', 'maskDraft', { villageId, title, body }),
  redact: (ref: ItemRef, reason: string, removeAttachments: string[]) =>
    call('disclosure', 'redact', removeAttachments.length ? { ...ref, reason, removeAttachments } : { ...ref, reason }),
  /** The quarter's 公开栏 version as a PDF to print. */
  boardPdf: (villageId: string, quarter: string) => call('disclosure', 'boardPdf', { villageId, quarter }),
};

export const ticketsApi = {
  upload: async (villageId: string, name: string, file: PickedFile) =>
    call('tickets', 'upload', { villageId, name, fileId: await uploadFile(villageId, 'photo', file) }),
  ask: (input: AskInput) => call('tickets', 'ask', input),
  file: (input: FileInput) => call('tickets', 'file', input),
  queue: (filter: QueueFilter) => call('tickets', 'queue', filter),
  triage: (villageId: string, ticketId: string, decision: Triage, reason: string, assigneePersonId?: string) =>
    call('tickets', 'triage', { villageId, ticketId, decision, reason, ...(assigneePersonId ? { assigneePersonId } : {}) }),
  assignees: (villageId: string) => call('tickets', 'assignees', { villageId }),
  assigned: (villageId: string) => call('tickets', 'assigned', { villageId }),
  township: (townshipId: string) => call('tickets', 'township', { townshipId }),
  answer: (villageId: string, ticketId: string, text: string) => call('tickets', 'answer', { villageId, ticketId, text }),
  rate: (villageId: string, ticketId: string, rating: AnswerRating) => call('tickets', 'rate', { villageId, ticketId, rating }),
  close: (villageId: string, ticketId: string, result: string) => call('tickets', 'close', { villageId, ticketId, result }),
  mine: (villageId: string) => call('tickets', 'mine', { villageId }),
  stats: (villageId: string) => call('tickets', 'stats', { villageId }),
  board: (villageId: string) => call('tickets', 'board', { villageId }),
  markPublic: (villageId: string, ticketId: string, isPublic: boolean) => call('tickets', 'markPublic', { villageId, ticketId, public: isPublic }),
  second: (villageId: string, ticketId: string) => call('tickets', 'second', { villageId, ticketId }),
  /** 镇纪委 only; the reason and who asked are written to the township's audit chain. */
  reveal: (villageId: string, ticketId: string, reason: string) => call('tickets', 'reveal', { villageId, ticketId, reason }),
};

/** Where an item opens. */
export const itemUrl = (r: ItemRef, extra = '') =>
  `/pages/item/index?villageId=${r.villageId}&quarter=${r.quarter}&itemId=${encodeURIComponent(r.itemId)}${extra}`;
