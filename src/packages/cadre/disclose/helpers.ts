import type { Block, DraftView, ItemState, QuarterView, SaveDraftInput } from '../../../../types/disclosure';
import type { DisclosureCategory } from '../../../../types/village';
import { tablesText, type TableBlock } from '../../../components/TableEditor';
import { formatFen } from '../../../services/money';
import { ADHOC_NAME, DISCLOSURE_BLOCKS, DISCLOSURE_PARAGRAPH, DISCLOSURE_TITLE } from '../../../../common/limits';

/** How the server begins its refusal of a draft with personal numbers (disclosure/drafting.ts). */
export const PERSONAL_NUMBERS = '公开内容里不能有完整的身份证号或手机号';

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

export const STATE_TEXT: Record<ItemState | 'none', string> = {
  none: '未起草',
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  published: '已公开',
};

export const STATE_TAG: Record<ItemState | 'none', TagType> = {
  none: 'default',
  draft: 'info',
  submitted: 'warning',
  returned: 'danger',
  published: 'success',
};

// The service's limits, checked before sending so the message can say what to change.
export const MAX_ATTACHMENTS = 9;
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_TITLE = DISCLOSURE_TITLE.max;
export const MAX_PARAGRAPH = DISCLOSURE_PARAGRAPH.max;
export const MAX_BLOCKS = DISCLOSURE_BLOCKS.max;
// Stricter than services/quarters' isQuarterKey (this century only), as the link has always been read.
const QUARTER_KEY = /^20\d{2}Q[1-4]$/;

/** One line of the page: a catalog item of the quarter (or an ad hoc one) and its draft, if any. */
export interface Row {
  itemId: string;
  category: DisclosureCategory;
  title: string;
  required: boolean;
  draft: DraftView | null;
}

export const stateOf = (row: Row): ItemState | 'none' => row.draft?.state ?? 'none';

/** The quarter a link asks for, if it names one. */
export const askedQuarter = (param: string | undefined): string | null => (param && QUARTER_KEY.test(param) ? param : null);

export function rowsOf(view: QuarterView, drafts: DraftView[]): Row[] {
  const byId = new Map(drafts.map((d) => [d.itemId, d]));
  const rows: Row[] = view.entries.map((e) => ({
    itemId: e.itemId,
    category: e.category,
    title: e.title,
    required: e.required,
    draft: byId.get(e.itemId) ?? null,
  }));
  // An ad hoc 专项公开 that is not published yet exists only as a draft.
  const listed = new Set(rows.map((r) => r.itemId));
  for (const d of drafts) {
    if (!listed.has(d.itemId)) rows.push({ itemId: d.itemId, category: d.category, title: d.title, required: false, draft: d });
  }
  return rows;
}

/** This quarter, the one being reported and those already published, newest first (six, plus the one shown). */
export function quarterOptions(calendar: string, known: string[], quarter: string | null): string[] {
  return [...new Set([calendar, ...known, ...(quarter ? [quarter] : [])])]
    .sort()
    .reverse()
    .filter((k, i) => i < 6 || k === quarter);
}

export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The paragraphs of a body as the editor's text box shows them: a blank line between two. */
export function paragraphText(body: Block[]): string {
  return body
    .filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph')
    .map((b) => b.text)
    .join('\n\n');
}

/** The tables of a body as the table editor shows them. */
export const tableText = (body: Block[]): string => tablesText(body.filter((b): b is TableBlock => b.type === 'table'));

/** What the editor boxes start with: the saved draft, or the catalog title for a new one. */
export function formOf(row: Row) {
  const d = row.draft;
  const body = d?.body ?? [];
  return {
    title: d?.title ?? row.title,
    bodyText: paragraphText(body),
    tableText: tableText(body),
    // Without separators: the amount box takes digits and a point only.
    amountText: d && d.amountFen !== null ? formatFen(d.amountFen).replace(/,/g, '') : '',
    attachments: d?.attachments ?? [],
  };
}

/** The editor's paragraphs come before its tables, so a saved body that mixes them would be reordered. */
export function wouldReorder(body: Block[]): boolean {
  const firstTable = body.findIndex((b) => b.type === 'table');
  return firstTable >= 0 && body.slice(firstTable).some((b) => b.type === 'paragraph');
}

/** The same content as the draft on the server, so saving again is not needed. */
export function sameAsSaved(input: SaveDraftInput, d: DraftView | null): boolean {
  if (!d) return false;
  return (
    JSON.stringify([input.title, input.body, input.amountFen ?? null, input.attachments ?? []]) ===
    JSON.stringify([d.title, d.body, d.amountFen, d.attachments.map((a) => a.id)])
  );
}

/** The service keeps names to 80 characters; keep the extension, it tells image from PDF. */
export function shortName(name: string): string {
  if (name.length <= 80) return name;
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  return name.slice(0, 80 - ext.length) + ext;
}

/** An ad hoc item's id comes from its name: the letters the server accepts, at most ADHOC_NAME.max. */
export function adhocIdOf(name: string): string | null {
  const kept = name.replace(/[^A-Za-z0-9_\-\u4e00-\u9fa5]/g, '').slice(0, ADHOC_NAME.max);
  return kept ? `adhoc-${kept}` : null;
}
