import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Attachment, Block, SaveDraftInput } from '../../../../types/disclosure';
import Alert from '../../../components/Alert';
import { LimitedInput, LimitedTextArea } from '../../../components/Limited';
import TableEditor, { parseTables } from '../../../components/TableEditor';
import { useAction } from '../../../hooks/useAction';
import { disclosureApi } from '../../../services/disclosure';
import FilePick from '../../../components/FilePick';
import { fromBrowserFileWithin, sizeText } from '../../../services/file-pick';
import { parseYuan } from '../../../services/money';
import AttachmentList from './AttachmentList';
import {
  formOf,
  MAX_ATTACHMENTS,
  MAX_BLOCKS,
  MAX_FILE_BYTES,
  MAX_PARAGRAPH,
  MAX_TITLE,
  paragraphsOf,
  paragraphText,
  PERSONAL_NUMBERS,
  sameAsSaved,
  shortName,
  tableText as tableTextOf,
  wouldReorder,
  type Row,
} from './helpers';
import { pickInMiniProgram, type Picked } from './pickFile';
import { DISCLOSURE_REASON } from '../../../../common/limits';

export interface EditorProps {
  villageId: string;
  quarter: string;
  row: Row;
  onChanged: () => void;
}

/** Writing one item: title, paragraphs, tables, amount and files; save, or save and submit. */
export default function DraftEditor({ villageId, quarter, row, onChanged }: EditorProps) {
  const [start] = useState(() => formOf(row));
  const [title, setTitle] = useState(start.title);
  const [bodyText, setBodyText] = useState(start.bodyText);
  const [tableText, setTableText] = useState(start.tableText);
  const [amountText, setAmountText] = useState(start.amountText);
  const [attachments, setAttachments] = useState<Attachment[]>(start.attachments);
  const [reason, setReason] = useState('');
  // One write at a time and one message for all of them: uploading, saving and submitting touch
  // the same draft. `doing` only says which button shows the spinner.
  const write = useAction();
  const [doing, setDoing] = useState<'upload' | 'save' | 'submit'>('save');
  const [reorders] = useState(() => wouldReorder(row.draft?.body ?? []));
  const error = write.error;
  // The server found full ID or mobile numbers: offer to mask them all in one tap.
  const personal = !!error && error.startsWith(PERSONAL_NUMBERS);

  const draft = row.draft;
  const correction = (draft?.publishedVersion ?? 0) > 0;
  const ref = { villageId, quarter, itemId: row.itemId };

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
    if (typeof input === 'string') return write.refuse(input);
    setDoing('save');
    await write.run(() => disclosureApi.saveDraft(input), {
      done: '草稿已保存',
      failed: '没有保存成功，请稍后再试。',
      alsoToast: true,
      onDone: () => onChanged(),
    });
  }

  /** Submits what is on screen: saving first, so what the 监委会 reviews is what the cadre sees. */
  async function submit() {
    const input = build();
    if (typeof input === 'string') return write.refuse(input);
    const unchanged = sameAsSaved(input, draft);
    if (draft?.state === 'published' && unchanged) return write.refuse('内容和已公开的一样，没有需要提交的更正。');
    if (correction && reason.trim().length < DISCLOSURE_REASON.min)
      return write.refuse(`这一项已经公开过，请写明更正原因（至少 ${DISCLOSURE_REASON.min} 个字），会向村民显示。`);
    setDoing('submit');
    let saved = false;
    let sent = false;
    await write.run(
      async () => {
        if (!unchanged) {
          await disclosureApi.saveDraft(input);
          saved = true;
        }
        await disclosureApi.submit(ref, correction ? reason.trim() : undefined);
        sent = true;
      },
      { done: '已提交审核', failed: '没有提交成功，请稍后再试。', alsoToast: true, onDone: () => onChanged() },
    );
    // The draft was saved even though submitting failed: show it as saved.
    if (saved && !sent) onChanged();
  }

  /** 一键打码: the server masks every ID and mobile number on screen; the cadre checks and saves. */
  async function maskNumbers() {
    const input = build();
    if (typeof input === 'string') return write.refuse(input);
    setDoing('save');
    await write.run(() => disclosureApi.maskDraft(villageId, input.title, input.body), {
      done: (masked) => `已打码 ${masked.masked} 处，请核对后保存`,
      failed: '没有打码成功，请稍后再试。',
      alsoToast: true,
      // The refusal stays up until the numbers are masked: it is what this tap answers.
      keepError: true,
      onDone: (masked) => {
        setTitle(masked.title);
        setBodyText(paragraphText(masked.body));
        setTableText(tableTextOf(masked.body));
        write.setError(null);
      },
    });
  }

  async function attach(picked: Picked) {
    if (!picked) return;
    if ('tooLarge' in picked) return write.refuse(`文件太大（${sizeText(picked.tooLarge)}），附件不能超过 1 MB，请压缩后再传。`);
    setDoing('upload');
    await write.run(() => disclosureApi.upload(villageId, shortName(picked.name), picked), {
      failed: '文件没有上传成功，请稍后再试。',
      alsoToast: true,
      onDone: (uploaded) => setAttachments((list) => [...list, uploaded]),
    });
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
      {!full && (
        <FilePick
          text="添加图片或PDF"
          accept="image/jpeg,image/png,application/pdf"
          disabled={write.busy}
          onFiles={async ([f]) => {
            if (f) await attach(fromBrowserFileWithin(f, MAX_FILE_BYTES));
          }}
          onTap={async () => attach(await pickInMiniProgram())}
        />
      )}
      <Text className="disclose__hint">图片（JPG、PNG）或 PDF，每个不超过 1 MB。添加或移除后请保存。</Text>
      {write.busy && doing === 'upload' && <Text className="disclose__hint">正在上传…</Text>}

      {correction && (
        <View>
          <Text className="disclose__label">更正原因</Text>
          <LimitedInput value={reason} onChange={setReason} placeholder="更正原因（会向村民显示）" maxLength={DISCLOSURE_REASON.max} name="reason" />
        </View>
      )}

      {error && <Alert text={error} />}
      {personal && (
        <Button size="large" type="warning" block disabled={write.busy} onClick={maskNumbers}>
          一键打码（身份证号只留前 6 位和后 4 位，手机号只留前 3 位和后 4 位）
        </Button>
      )}

      <View className="disclose__actions">
        <Button size="large" block loading={write.busy && doing === 'save'} disabled={write.busy} onClick={save}>
          保存草稿
        </Button>
        <Button type="primary" size="large" block loading={write.busy && doing === 'submit'} disabled={write.busy} onClick={submit}>
          提交监委会审核
        </Button>
      </View>
    </View>
  );
}
