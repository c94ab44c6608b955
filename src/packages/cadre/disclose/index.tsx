import { Button, Empty, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Attachment, Block, DraftView, ItemState, QuarterView, SaveDraftInput } from '../../../../types/disclosure';
import type { DisclosureCategory } from '../../../../types/village';
import Blocks from '../../../components/Blocks';
import Alert from '../../../components/Alert';
import PageShell from '../../../components/PageShell';
import StateImage from '../../../components/StateImage';
import NoticeReminders from '../../../components/NoticeReminders';
import TableEditor, { parseTables, tablesText, type TableBlock } from '../../../components/TableEditor';
import { useRequest } from '../../../hooks/useRequest';
import { currentQuarterKey, dateText } from '../../../services/china-time';
import { disclosureApi } from '../../../services/disclosure';
import { fromBrowserFile, fromTempFile, type PickedFile } from '../../../services/file-pick';
import { quarterText } from '../../../services/labels';
import { formatFen, parseYuan } from '../../../services/money';
import { ApiCallError } from '../../../services/transport';
import './index.scss';
import { LimitedInput, LimitedTextArea } from '../../../components/Limited';

/** How the server begins its refusal of a draft with personal numbers (disclosure/service.ts). */
const PERSONAL_NUMBERS = '公开内容里不能有完整的身份证号或手机号';

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

const STATE_TEXT: Record<ItemState | 'none', string> = {
  none: '未起草',
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  published: '已公开',
};

const STATE_TAG: Record<ItemState | 'none', TagType> = {
  none: 'default',
  draft: 'info',
  submitted: 'warning',
  returned: 'danger',
  published: 'success',
};

// The service's limits, checked before sending so the message can say what to change.
const MAX_ATTACHMENTS = 9;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_TITLE = 80;
const MAX_PARAGRAPH = 5000;
const MAX_BLOCKS = 50;
const QUARTER_KEY = /^20\d{2}Q[1-4]$/;

/** One line of the page: a catalog item of the quarter (or an ad hoc one) and its draft, if any. */
interface Row {
  itemId: string;
  category: DisclosureCategory;
  title: string;
  required: boolean;
  draft: DraftView | null;
}

const stateOf = (row: Row): ItemState | 'none' => row.draft?.state ?? 'none';
const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);
const sizeText = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

function rowsOf(view: QuarterView, drafts: DraftView[]): Row[] {
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

function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** What the editor boxes start with: the saved draft, or the catalog title for a new one. */
function formOf(row: Row) {
  const d = row.draft;
  const body = d?.body ?? [];
  return {
    title: d?.title ?? row.title,
    bodyText: body
      .filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph')
      .map((b) => b.text)
      .join('\n\n'),
    tableText: tablesText(body.filter((b): b is TableBlock => b.type === 'table')),
    // Without separators: the amount box takes digits and a point only.
    amountText: d && d.amountFen !== null ? formatFen(d.amountFen).replace(/,/g, '') : '',
    attachments: d?.attachments ?? [],
  };
}

/** The editor's paragraphs come before its tables, so a saved body that mixes them would be reordered. */
function wouldReorder(body: Block[]): boolean {
  const firstTable = body.findIndex((b) => b.type === 'table');
  return firstTable >= 0 && body.slice(firstTable).some((b) => b.type === 'paragraph');
}

/** The same content as the draft on the server, so saving again is not needed. */
function sameAsSaved(input: SaveDraftInput, d: DraftView | null): boolean {
  if (!d) return false;
  return (
    JSON.stringify([input.title, input.body, input.amountFen ?? null, input.attachments ?? []]) ===
    JSON.stringify([d.title, d.body, d.amountFen, d.attachments.map((a) => a.id)])
  );
}

/**
 * Mini-program: a photo of a signed paper is taken on the spot, while a PDF usually arrives in a
 * WeChat chat, so both ways are offered. Too large a file is refused before it is read.
 */
async function pickInMiniProgram(): Promise<PickedFile | { tooLarge: number } | null> {
  const choice = await Taro.showActionSheet({ itemList: ['拍照或从相册选图片', '从微信聊天中选图片或PDF'] }).catch(() => null);
  if (!choice) return null;
  if (choice.tapIndex === 0) {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
    const file = res?.tempFiles[0];
    if (!file) return null;
    if (file.size > MAX_FILE_BYTES) return { tooLarge: file.size };
    const ext = /\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg';
    return fromTempFile(file.path, `照片${ext}`, file.size);
  }
  // 'all' rather than 'file': 'file' leaves images out, and the extension filter only works with 'file'.
  const res = await Taro.chooseMessageFile({ count: 1, type: 'all' }).catch(() => null);
  const file = res?.tempFiles[0];
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) return { tooLarge: file.size };
  return fromTempFile(file.path, file.name, file.size);
}

/** The service keeps names to 80 characters; keep the extension, it tells image from PDF. */
function shortName(name: string): string {
  if (name.length <= 80) return name;
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  return name.slice(0, 80 - ext.length) + ext;
}


function AttachmentList({ list, onRemove }: { list: Attachment[]; onRemove?: (a: Attachment) => void }) {
  if (list.length === 0) return null;
  return (
    <View>
      {list.map((a) => (
        <View key={a.id} className="disclose__file">
          <View style={{ flex: 1, minWidth: 0 }}>
            <Text style={{ display: 'block', wordBreak: 'break-all' }}>{a.name}</Text>
            <Text style={{ display: 'block', color: '#595959' }}>
              {a.mime === 'application/pdf' ? 'PDF 文件' : '图片'}，{sizeText(a.size)}
            </Text>
          </View>
          {onRemove && (
            <View style={{ flexShrink: 0 }}>
              <Button size="normal" aria-label={`移除附件：${a.name}`} onClick={() => onRemove(a)}>
                移除
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

/** A submitted item cannot change until the 监委会 decides; show what they are looking at. */
function Submitted({ draft }: { draft: DraftView }) {
  return (
    <View>
      <Text className="disclose__label">标题</Text>
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>{draft.title}</Text>
      {draft.amountFen !== null && <Text style={{ display: 'block', marginTop: '8px' }}>金额：{formatFen(draft.amountFen)} 元</Text>}
      <Blocks blocks={draft.body} />
      <AttachmentList list={draft.attachments} />
    </View>
  );
}

interface EditorProps {
  villageId: string;
  quarter: string;
  row: Row;
  onChanged: () => void;
}

/** Writing one item: title, paragraphs, tables, amount and files; save, or save and submit. */
function Editor({ villageId, quarter, row, onChanged }: EditorProps) {
  const [start] = useState(() => formOf(row));
  const [title, setTitle] = useState(start.title);
  const [bodyText, setBodyText] = useState(start.bodyText);
  const [tableText, setTableText] = useState(start.tableText);
  const [amountText, setAmountText] = useState(start.amountText);
  const [attachments, setAttachments] = useState<Attachment[]>(start.attachments);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<null | 'upload' | 'save' | 'submit'>(null);
  const [error, setError] = useState<string | null>(null);
  const [reorders] = useState(() => wouldReorder(row.draft?.body ?? []));
  // The server found full ID or mobile numbers: offer to mask them all in one tap.
  const personal = !!error && error.startsWith(PERSONAL_NUMBERS);

  const draft = row.draft;
  const correction = (draft?.publishedVersion ?? 0) > 0;
  const ref = { villageId, quarter, itemId: row.itemId };

  function fail(message: string) {
    setError(message);
    Taro.showToast({ title: message, icon: 'none', duration: 3000 });
  }

  function build(): SaveDraftInput | string {
    const t = title.trim();
    if (!t) return '请填写标题。';
    if (t.length > MAX_TITLE) return `标题最多 ${MAX_TITLE} 个字，现在有 ${t.length} 个字。`;
    const paragraphs = paragraphsOf(bodyText);
    if (paragraphs.some((p) => p.length > MAX_PARAGRAPH)) return `每段最多 ${MAX_PARAGRAPH} 个字，请在长段落中间空一行分成几段。`;
    const tables = parseTables(tableText);
    // The table editor already shows what is wrong, right under the table.
    if (!tables.ok) return '表格里有一处需要修改（见表格下方的提示），改好后再保存。';
    const body: Block[] = [...paragraphs.map((text) => ({ type: 'paragraph' as const, text })), ...tables.tables];
    if (body.length === 0) return '请填写正文或表格，村民才能看到内容。';
    if (body.length > MAX_BLOCKS) return `正文段落和表格合计最多 ${MAX_BLOCKS} 个，请合并一些段落。`;
    const input: SaveDraftInput = { villageId, quarter, itemId: row.itemId, title: t, body, attachments: attachments.map((a) => a.id) };
    if (amountText.trim() !== '') {
      const amount = parseYuan(amountText);
      if (!amount.ok) return amount.message;
      input.amountFen = amount.fen;
    }
    // An ad hoc item has no catalog entry to take its category from.
    if (row.itemId.startsWith('adhoc-')) input.category = row.category;
    return input;
  }

  async function save() {
    const input = build();
    if (typeof input === 'string') return fail(input);
    setError(null);
    setBusy('save');
    try {
      await disclosureApi.saveDraft(input);
      Taro.showToast({ title: '草稿已保存', icon: 'success' });
      onChanged();
    } catch (e) {
      fail(messageOf(e, '没有保存成功，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  /** Submits what is on screen: saving first, so what the 监委会 reviews is what the cadre sees. */
  async function submit() {
    const input = build();
    if (typeof input === 'string') return fail(input);
    const unchanged = sameAsSaved(input, draft);
    if (draft?.state === 'published' && unchanged) return fail('内容和已公开的一样，没有需要提交的更正。');
    if (correction && reason.trim().length < 4) return fail('这一项已经公开过，请写明更正原因（至少 4 个字），会向村民显示。');
    setError(null);
    setBusy('submit');
    let saved = false;
    try {
      if (!unchanged) {
        await disclosureApi.saveDraft(input);
        saved = true;
      }
      await disclosureApi.submit(ref, correction ? reason.trim() : undefined);
      Taro.showToast({ title: '已提交审核', icon: 'success' });
      onChanged();
    } catch (e) {
      fail(messageOf(e, '没有提交成功，请稍后再试。'));
      // The draft was saved even though submitting failed: show it as saved.
      if (saved) onChanged();
    } finally {
      setBusy(null);
    }
  }

  /** 一键打码: the server masks every ID and mobile number on screen; the cadre checks and saves. */
  async function maskNumbers() {
    const input = build();
    if (typeof input === 'string') return fail(input);
    setBusy('save');
    try {
      const masked = await disclosureApi.maskDraft(villageId, input.title, input.body);
      setTitle(masked.title);
      setBodyText(masked.body.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph').map((b) => b.text).join('\n\n'));
      setTableText(tablesText(masked.body.filter((b): b is TableBlock => b.type === 'table')));
      setError(null);
      Taro.showToast({ title: `已打码 ${masked.masked} 处，请核对后保存`, icon: 'none', duration: 3000 });
    } catch (e) {
      fail(messageOf(e, '没有打码成功，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  async function attach(picked: PickedFile | { tooLarge: number } | null) {
    if (!picked) return;
    if ('tooLarge' in picked) return fail(`文件太大（${sizeText(picked.tooLarge)}），附件不能超过 1 MB，请压缩后再传。`);
    setError(null);
    setBusy('upload');
    try {
      const uploaded = await disclosureApi.upload(villageId, shortName(picked.name), picked);
      setAttachments((list) => [...list, uploaded]);
    } catch (e) {
      fail(messageOf(e, '文件没有上传成功，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  async function onBrowserFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return attach({ tooLarge: file.size });
    await attach(fromBrowserFile(file));
  }

  const full = attachments.length >= MAX_ATTACHMENTS;
  return (
    <View className="disclose__editor">
      {reorders && <Text className="disclose__hint">注意：这里正文段落排在表格前面，保存后顺序会按这里的显示。</Text>}

      <Text className="disclose__label">标题</Text>
      <LimitedInput value={title} onChange={setTitle} placeholder="标题" maxLength={MAX_TITLE} name="title" />

      <Text className="disclose__label">正文</Text>
      <LimitedTextArea value={bodyText} onChange={setBodyText} placeholder="正文（空一行分段）" maxLength={50000} autoSize name="body" />

      <Text className="disclose__label">表格（可不填）</Text>
      <TableEditor value={tableText} onChange={setTableText} />

      <Text className="disclose__label">金额（可不填）</Text>
      <View style={{ display: 'flex', alignItems: 'center', gap: '8px' }}>
        <View style={{ flex: 1 }}>
          <LimitedInput value={amountText} onChange={setAmountText} type="digit" placeholder="金额（元，可不填）" maxLength={20} name="amount" />
        </View>
        <Text>元</Text>
      </View>

      <Text className="disclose__label">
        附件（可不填，{attachments.length} / {MAX_ATTACHMENTS}）
      </Text>
      <AttachmentList list={attachments} onRemove={(a) => setAttachments((list) => list.filter((x) => x.id !== a.id))} />
      {!full &&
        (process.env.TARO_ENV === 'h5' ? (
          <label className="file-pick">
            添加图片或PDF
            <input
              className="file-pick__input"
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              aria-label="添加图片或PDF"
              disabled={busy !== null}
              onChange={async (e) => {
                const input = e.currentTarget;
                await onBrowserFile(input.files?.[0]);
                input.value = '';
              }}
            />
          </label>
        ) : (
          <Button size="large" block disabled={busy !== null} onClick={async () => attach(await pickInMiniProgram())}>
            添加图片或PDF
          </Button>
        ))}
      <Text className="disclose__hint">图片（JPG、PNG）或 PDF，每个不超过 1 MB。添加或移除后请保存。</Text>
      {busy === 'upload' && <Text className="disclose__hint">正在上传…</Text>}

      {correction && (
        <View>
          <Text className="disclose__label">更正原因</Text>
          <LimitedInput value={reason} onChange={setReason} placeholder="更正原因（会向村民显示）" maxLength={300} name="reason" />
        </View>
      )}

      {error && <Alert text={error} />}
      {personal && (
        <Button size="large" type="warning" block disabled={busy !== null} onClick={maskNumbers}>
          一键打码（身份证号只留前 6 位和后 4 位，手机号只留前 3 位和后 4 位）
        </Button>
      )}

      <View className="disclose__actions">
        <Button size="large" block loading={busy === 'save'} disabled={busy !== null} onClick={save}>
          保存草稿
        </Button>
        <Button type="primary" size="large" block loading={busy === 'submit'} disabled={busy !== null} onClick={submit}>
          提交监委会审核
        </Button>
      </View>
    </View>
  );
}

function ItemCard({ villageId, quarter, row, onChanged, startOpen = false }: EditorProps & { startOpen?: boolean }) {
  const [open, setOpen] = useState(startOpen);
  // Once opened, the editor stays mounted (hidden when folded) so typed text is not lost.
  const [opened, setOpened] = useState(startOpen);
  const state = stateOf(row);
  const draft = row.draft;
  const action = state === 'none' ? '起草' : state === 'submitted' ? '查看' : state === 'published' ? '更正' : '修改';

  function toggle() {
    setOpened(true);
    setOpen((o) => !o);
  }

  return (
    <View className="card disclose__item" aria-label={`公开项：${row.title}`}>
      <View className="disclose__head" role="button" aria-expanded={open} onClick={toggle}>
        <View style={{ flexShrink: 0 }}>
          <Tag type={STATE_TAG[state]}>{STATE_TEXT[state]}</Tag>
        </View>
        <Text className="disclose__title">{row.title}</Text>
        <Text className="disclose__toggle">{open ? '收起' : `${action} ›`}</Text>
      </View>
      {draft && draft.title !== row.title && <Text className="disclose__hint">草稿标题：{draft.title}</Text>}
      {!row.required && <Text className="disclose__hint">专项公开</Text>}
      {state === 'returned' && (
        <View className="warning-box">
          <Text>监委会退回：{draft?.returnReason ?? '（未写原因）'}</Text>
        </View>
      )}
      {state === 'submitted' && <Text className="disclose__waiting">等待监委会审核</Text>}
      {draft && draft.publishedVersion > 0 && state !== 'published' && (
        <Text className="disclose__hint">已公开第 {draft.publishedVersion} 版，这次提交是更正，需要写明更正原因。</Text>
      )}
      {state === 'published' && <Text className="disclose__hint">已公开第 {draft?.publishedVersion} 版。如有错误，可以修改后提交更正。</Text>}
      {opened && (
        <View style={{ display: open ? 'block' : 'none' }}>
          {state === 'submitted' && draft ? (
            <Submitted draft={draft} />
          ) : (
            <Editor villageId={villageId} quarter={quarter} row={row} onChanged={onChanged} />
          )}
        </View>
      )}
    </View>
  );
}

const CATEGORIES: DisclosureCategory[] = ['党务', '村务', '财务', '资金', '资产', '资源'];

/** An ad hoc item's id comes from its name: the letters the server accepts, at most 40. */
export function adhocIdOf(name: string): string | null {
  const kept = name.replace(/[^A-Za-z0-9_\-\u4e00-\u9fa5]/g, '').slice(0, 40);
  return kept ? `adhoc-${kept}` : null;
}

/** 专项公开: a matter of this quarter outside the catalog (a road project, a land requisition…). */
function AddAdhoc({ taken, onAdd }: { taken: Set<string>; onAdd: (row: Row) => void }) {
  const [category, setCategory] = useState<DisclosureCategory>('村务');
  const [name, setName] = useState('');
  function add() {
    const itemId = adhocIdOf(name.trim());
    if (!itemId) return Taro.showToast({ title: '请写专项公开的名称（汉字、字母或数字）', icon: 'none' });
    if (taken.has(itemId)) return Taro.showToast({ title: '本季度已有同名的专项公开', icon: 'none' });
    onAdd({ itemId, category, title: name.trim(), required: false, draft: null });
    setName('');
  }
  return (
    <View className="card" aria-label="新增专项公开">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>专项公开（目录以外的事项）</Text>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '8px 0' }}>
        {CATEGORIES.map((c) => (
          <Button key={c} size="normal" type={c === category ? 'primary' : 'default'} aria-pressed={c === category} onClick={() => setCategory(c)}>
            {c}
          </Button>
        ))}
      </View>
      <LimitedInput value={name} onChange={setName} placeholder="专项公开名称，如：村内道路硬化工程" maxLength={40} name="adhocName" />
      <Button size="large" block disabled={name.trim() === ''} onClick={add}>
        新增专项公开
      </Button>
    </View>
  );
}

function Summary({ rows }: { rows: Row[] }) {
  const required = rows.filter((r) => r.required);
  const count = (s: ItemState | 'none') => required.filter((r) => stateOf(r) === s).length;
  const parts: [string, number][] = [
    ['已公开', count('published')],
    ['待审核', count('submitted')],
    ['已退回', count('returned')],
    ['草稿', count('draft')],
    ['未起草', count('none')],
  ];
  return (
    <View aria-label="起草进度">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>必须公开 {required.length} 项</Text>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: '4px' }}>
        {parts.map(([label, n]) => (
          <Text key={label}>
            {label} {n}
          </Text>
        ))}
      </View>
    </View>
  );
}

/**
 * The 两委's quarterly 一季一晒: every item of the quarter's catalog with where its draft
 * stands; write each, then hand them to the 监委会 one by one or all at once.
 */
export default function DisclosePage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const asked = params.quarter && QUARTER_KEY.test(params.quarter) ? params.quarter : null;
  const [picked, setPicked] = useState<string | null>(asked);
  const [version, setVersion] = useState(0);
  const [needReason, setNeedReason] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  // Ad hoc items the cadre has started but not saved yet.
  const [added, setAdded] = useState<{ quarter: string; row: Row }[]>([]);

  const quarters = useRequest(villageId ? `disclose-quarters:${villageId}` : null, () => disclosureApi.quarters(villageId));
  const quarter = picked ?? quarters.data?.current ?? null;
  const board = useRequest(villageId && quarter ? `disclose:${villageId}:${quarter}:${version}` : null, async () => {
    const [view, drafts] = await Promise.all([disclosureApi.quarter(villageId, quarter as string), disclosureApi.drafts(villageId, quarter as string)]);
    return { quarter: quarter as string, rows: rowsOf(view, drafts.items), dueDate: view.dueDate };
  });
  const data = board.data?.quarter === quarter ? board.data : undefined;
  const reload = () => setVersion((v) => v + 1);

  // This quarter, the one being reported and those already published, newest first.
  const calendar = currentQuarterKey();
  const options = [
    ...new Set([calendar, ...(quarters.data ? [quarters.data.current, ...quarters.data.quarters.map((q) => q.key)] : []), ...(quarter ? [quarter] : [])]),
  ]
    .sort()
    .reverse()
    .filter((k, i) => i < 6 || k === quarter);

  function choose(key: string) {
    setPicked(key);
    setNeedReason([]);
  }

  async function submitAll() {
    if (!quarter || !data) return;
    setSubmitting(true);
    try {
      const out = await disclosureApi.submitQuarter(villageId, quarter);
      const titles = new Map(data.rows.map((r) => [r.itemId, r.draft?.title ?? r.title]));
      setNeedReason(out.needReason.map((id) => titles.get(id) ?? id));
      Taro.showToast({
        title: out.needReason.length ? `已提交 ${out.submitted.length} 项，另有 ${out.needReason.length} 项更正需逐项写原因` : `已提交 ${out.submitted.length} 项`,
        icon: out.needReason.length ? 'none' : 'success',
        duration: 3000,
      });
      reload();
    } catch (e) {
      Taro.showToast({ title: messageOf(e, '没有提交成功，请稍后再试。'), icon: 'none', duration: 3000 });
    } finally {
      setSubmitting(false);
    }
  }

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' };
  // A reload after saving keeps the list on screen; only a new quarter shows the skeleton.
  const loading = !missingVillage && (quarter ? board.loading && !data : quarters.loading);
  const error = missingVillage ?? board.error ?? (quarter ? null : quarters.error);
  const listed = data?.rows ?? [];
  const rows = [...listed, ...added.filter((a) => a.quarter === quarter && !listed.some((r) => r.itemId === a.row.itemId)).map((a) => a.row)];
  const ready = rows.filter((r) => r.draft?.state === 'draft' || r.draft?.state === 'returned').length;
  const categories = [...new Set(rows.map((r) => r.category))];

  return (
    <View className="page disclose">
      <NoticeReminders />
      <PageShell
        loading={loading}
        error={error}
        onRetry={quarter ? board.reload : quarters.reload}
        renderError={(e) =>
          e.code === 'PERMISSION_DENIED' || e.code === 'UNAUTHENTICATED' ? (
            <View role="alert">
              <Empty image={<StateImage kind="error" />} imageSize={80} title="只有村两委和监委会可以起草公开内容" description={e.message} />
              <View className="disclose__actions">
                <Button size="large" block onClick={() => Taro.navigateBack()}>
                  返回
                </Button>
              </View>
            </View>
          ) : null
        }
      >
        {data && quarter && (
          <View>
            <View className="card">
              <Text className="disclose__label" style={{ marginTop: 0 }}>
                选择季度
              </Text>
              <View className="disclose__quarters" aria-label="选择季度">
                {options.map((key) => (
                  <Button key={key} type={key === quarter ? 'primary' : 'default'} aria-pressed={key === quarter} onClick={() => choose(key)}>
                    {quarterText(key)}
                    {key === calendar ? '（本季度）' : ''}
                  </Button>
                ))}
              </View>
            </View>

            <View className="card">
              <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{quarterText(quarter)}</Text>
              <Text style={{ display: 'block', color: '#595959', marginBottom: '8px' }}>应在 {dateText(data.dueDate)} 前公开</Text>
              <Summary rows={rows} />
              <View className="disclose__actions">
                <Button type="primary" size="large" block loading={submitting} disabled={submitting || ready === 0} onClick={submitAll}>
                  全部提交审核
                </Button>
              </View>
              <Text className="disclose__hint">
                {ready > 0 ? `把 ${ready} 项草稿和退回后改好的内容一起交给监委会。更正已公开的内容要逐项写原因提交。` : '没有待提交的草稿。'}
              </Text>
            </View>

            {needReason.length > 0 && (
              <View className="card warning-box" role="status">
                <Text>以下 {needReason.length} 项是更正已公开的内容，请打开后逐项写明更正原因再提交：{needReason.join('、')}</Text>
              </View>
            )}

            {categories.map((category) => (
              <View key={category}>
                <Text className="section-title" style={{ display: 'block' }}>
                  {category}
                </Text>
                {rows
                  .filter((r) => r.category === category)
                  .map((row) => (
                    <ItemCard
                      key={`${quarter}:${row.itemId}`}
                      villageId={villageId}
                      quarter={quarter}
                      row={row}
                      onChanged={reload}
                      startOpen={!row.required && !row.draft}
                    />
                  ))}
              </View>
            ))}

            <AddAdhoc
              taken={new Set(rows.map((r) => r.itemId))}
              onAdd={(row) => setAdded((list) => [...list, { quarter, row }])}
            />
          </View>
        )}
      </PageShell>
    </View>
  );
}
