import { Button, Empty, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Attachment } from '../../../../types/disclosure';
import type { Account, ImportPreview, LedgerRow, MonthSigning, MonthState, MonthView, UnknownAccount } from '../../../../types/finance';
import Alert from '../../../components/Alert';
import PageShell from '../../../components/PageShell';
import PdfButton from '../../../components/PdfButton';
import NoticeReminders from '../../../components/NoticeReminders';
import StateImage from '../../../components/StateImage';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi } from '../../../services/disclosure';
import { fromBrowserFile, fromTempFile, pickChatFile, type PickedFile } from '../../../services/file-pick';
import { financeApi, monthText } from '../../../services/finance';
import { identityApi } from '../../../services/identity';
import { quarterText } from '../../../services/labels';
import {
  accountLabel,
  defaultMonth,
  EMPTY_ROW_FORM,
  gapText,
  isFirstMonth,
  MONTH_STATE_TEXT,
  previousMonthOf,
  quarterOfMonth,
  rowInputOf,
  serverCurrentMonth,
  dueText,
  type MonthEntry,
  type RowForm,
} from '../../../services/ledger-form';
import { formatFen, parseYuan } from '../../../services/money';
import { openAttachment } from '../../../services/open-file';
import { ApiCallError } from '../../../services/transport';
import ImportPreviewView from './ImportPreview';
import './index.scss';
import { LimitedInput } from '../../../components/Limited';
import { DateField } from '../../../components/DateField';
import { FieldLabel } from '../../../components/FormHints';
import { chinaDay, lastDayOfMonth } from '../../../services/china-time';
import { confirmFirst } from '../../../services/confirm';
import Signing from '../../../components/Signing';

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

const STATE_TAG: Record<MonthState, TagType> = { open: 'info', closed: 'warning', published: 'success' };

const MONTH_KEY = /^20\d{2}-(0[1-9]|1[0-2])$/;
// The service takes ledger files up to 1 MB; say so before uploading.
const MAX_SHEET_BYTES = 1024 * 1024;
const MAX_VOUCHER_BYTES = 1024 * 1024;
const MAX_VOUCHERS = 9;
const MONTHS_SHOWN = 6;

const COLUMNS_HINT =
  '三资平台导出的现金日记账、银行存款日记账可以直接导入：标题行、期初余额、本月合计、本年累计、承前页、过次页和签字栏会自动认出并跳过，借方按收入、贷方按支出。' +
  '自己做的表也可以，列名为：日期、收支、科目、金额（元）、对方、摘要、经手人。科目写名称（如“补助收入”“管理费用-办公费”）或科目编码都可以。' +
  '导入前会逐行检查，并核对期初余额和本月合计，只要有一行不对，就一行也不导入。';

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);
const sizeText = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

function toast(title: string, ok = false) {
  Taro.showToast({ title, icon: ok ? 'success' : 'none', duration: ok ? 2000 : 3000 });
}


function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="label-line" aria-label={`${label}：${value}`}>
      <Text className="label-line__label">{label}</Text>
      <Text className="label-line__value">{value}</Text>
    </View>
  );
}

/** The page's data for one month, and the opening balance it will close on when that is known already. */
interface Loaded {
  month: string;
  view: MonthView;
  /** For an open month: the previous month's published closing balance, which becomes this month's 月初余额. */
  expectedOpeningFen: number | null;
}

function MonthPicker({ months, current, selected, onPick }: { months: MonthEntry[]; current: string | null; selected: string; onPick: (m: string) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? months : months.filter((m, i) => i < MONTHS_SHOWN || m.month === selected);
  return (
    <View className="card">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        选择月份
      </Text>
      <View className="ledger__months" aria-label="选择月份">
        {shown.map((m) => (
          <Button key={m.month} type={m.month === selected ? 'primary' : 'default'} aria-pressed={m.month === selected} onClick={() => onPick(m.month)}>
            {`${monthText(m.month)}${m.month === current ? '（本月）' : ''} ${MONTH_STATE_TEXT[m.state]}`}
          </Button>
        ))}
      </View>
      {months.length > shown.length && (
        <Button size="large" block fill="none" onClick={() => setAll(true)}>
          显示更早的月份
        </Button>
      )}
    </View>
  );
}

function Summary({ data, first, entry }: { data: Loaded; first: boolean; entry?: MonthEntry }) {
  const { view } = data;
  const income = view.rows.filter((r) => r.direction === '收入').length;
  const expense = view.rows.length - income;
  // Before closing, the server has no 月初余额 yet; show the one the month will close on.
  const opening = view.openingFen ?? data.expectedOpeningFen;
  const computed = view.computedClosingFen ?? (opening === null ? null : opening + view.incomeFen - view.expenseFen);
  const gap = gapText(computed, view.declaredClosingFen);
  let openingText: string;
  if (view.openingFen !== null) openingText = `${formatFen(view.openingFen)} 元`;
  else if (data.expectedOpeningFen !== null) openingText = `${formatFen(data.expectedOpeningFen)} 元（上月公示的月末余额）`;
  else if (first) openingText = '结账时填写（系统里的第一个月）';
  else openingText = '上个月签字公示后确定';
  return (
    <View className="card" aria-label="本月汇总">
      <View className="ledger__head">
        <Text className="ledger__title">{monthText(view.month)}</Text>
        <Tag type={STATE_TAG[view.state]}>{MONTH_STATE_TEXT[view.state]}</Tag>
      </View>
      <Line label="月初余额" value={openingText} />
      <Line label="收入" value={`${formatFen(view.incomeFen)} 元（${income} 笔）`} />
      <Line label="支出" value={`${formatFen(view.expenseFen)} 元（${expense} 笔）`} />
      <Line label="按收支算出的月末余额" value={computed === null ? '—' : `${formatFen(computed)} 元`} />
      <Line label="登记的月末余额" value={view.declaredClosingFen === null ? '结账时填写' : `${formatFen(view.declaredClosingFen)} 元`} />
      <Line label="状态" value={MONTH_STATE_TEXT[view.state]} />
      <Line label="待答复的质询" value={`${view.openQueries} 笔`} />
      {entry && dueText(entry) && <Line label="截止" value={dueText(entry) as string} />}
      {gap && (
        <View className="warning-box" role="status">
          <Text>{gap}理财小组签字前要核对清楚；记错了可以重新打开这个月修改后再结账。</Text>
        </View>
      )}
    </View>
  );
}

function ImportCard({ villageId, onImported }: { villageId: string; onImported: (months: string[]) => void }) {
  // The uploaded file: preview and import both name it, it is sent once.
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A journal's 借方 goes in as 收入: the 会计 says so for each file, after reading the preview.
  const [confirmed, setConfirmed] = useState(false);
  const [mapping, setMapping] = useState<string | null>(null);

  async function check(picked: PickedFile) {
    setFile(null);
    setPreview(null);
    setError(null);
    setConfirmed(false);
    setBusy(true);
    try {
      const fileId = await financeApi.send(villageId, picked);
      setFile({ name: picked.name, fileId });
      setPreview(await financeApi.previewImport(villageId, picked.name, fileId));
    } catch (e) {
      setError(messageOf(e, '检查失败，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  /** The 会计 places an unknown account once; the same file is then checked again with it. */
  async function map(u: UnknownAccount, account: Account) {
    if (!file) return;
    setMapping(`${u.direction}:${u.label}:${account.id}`);
    setError(null);
    try {
      await financeApi.mapAccount(villageId, u.direction, u.label, account.id);
      toast(`已记住：“${u.label}”是${accountLabel(account)}`, true);
      setPreview(await financeApi.previewImport(villageId, file.name, file.fileId));
    } catch (e) {
      setError(messageOf(e, '没有记住，请稍后再试。'));
    } finally {
      setMapping(null);
    }
  }

  async function commit() {
    if (!file) return;
    if (preview?.debitIsIncome && !confirmed) {
      setError('请先核对合计，点“确认：借方是收入，贷方是支出”，再导入。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const done = await financeApi.commitImport(villageId, file.name, file.fileId, preview?.debitIsIncome === true);
      setPreview(null);
      setFile(null);
      toast(`已导入 ${done.rows} 笔`, true);
      onImported(done.months);
    } catch (e) {
      setError(messageOf(e, '导入失败，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  async function onPicked(picked: PickedFile | null) {
    if (!picked) return;
    if (picked.size > MAX_SHEET_BYTES) {
      setPreview(null);
      setError(`文件太大（${sizeText(picked.size)}），请每次导入不超过 1 MB 的表格，可以按月分开导入。`);
      return;
    }
    await check(picked);
  }

  return (
    <View className="card" aria-label="导入账目">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        导入账目
      </Text>
      <Text className="ledger__hint">{COLUMNS_HINT}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <label className="file-pick">
          导入账目（Excel 或 CSV）
          <input
            className="file-pick__input"
            type="file"
            accept=".xlsx,.csv"
            aria-label="导入账目（Excel 或 CSV）"
            disabled={busy}
            onChange={async (e) => {
              const input = e.currentTarget;
              const f = input.files?.[0];
              await onPicked(f ? fromBrowserFile(f) : null);
              input.value = '';
            }}
          />
        </label>
      ) : (
        <Button
          type="primary"
          size="large"
          block
          disabled={busy}
          onClick={async () => {
            await onPicked(await pickChatFile(['xlsx', 'csv']));
          }}
        >
          导入账目（Excel 或 CSV）
        </Button>
      )}
      {busy && <Text className="ledger__hint">正在处理…</Text>}
      {error && <Alert text={error} />}
      {preview && (
        <View>
          <ImportPreviewView preview={preview} fileName={file?.name ?? ''} confirmed={confirmed} onConfirm={setConfirmed} mapping={mapping} onMap={map} />
          {preview.problems.length === 0 && preview.unknownAccounts.length === 0 && (
            <View className="ledger__actions">
              <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={commit}>
                确认导入
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

/**
 * Mini-program: a voucher is photographed on the spot or taken from the album. Too large a
 * photo is refused before it is read.
 */
async function pickVoucherInMiniProgram(): Promise<PickedFile | { tooLarge: number } | null> {
  const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
  const file = res?.tempFiles[0];
  if (!file) return null;
  if (file.size > MAX_VOUCHER_BYTES) return { tooLarge: file.size };
  const ext = /\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg';
  return fromTempFile(file.path, `凭证${ext}`, file.size);
}

function AccountChooser({ accounts, value, onChange }: { accounts: Account[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <View>
      {(['收入', '支出'] as const).map((direction) => (
        <View key={direction}>
          <Text className="ledger__sub">{direction}科目</Text>
          <View className="ledger__accounts" aria-label={`${direction}科目`}>
            {accounts
              .filter((a) => a.direction === direction)
              .map((a) => (
                <Button key={a.id} type={a.id === value ? 'primary' : 'default'} aria-pressed={a.id === value} onClick={() => onChange(a.id)}>
                  {accountLabel(a)}
                </Button>
              ))}
          </View>
        </View>
      ))}
    </View>
  );
}

function AddRowCard({ villageId, month, accounts, onAdded }: { villageId: string; month: string; accounts: Account[]; onAdded: () => void }) {
  const [form, setForm] = useState<RowForm>(EMPTY_ROW_FORM);
  const [vouchers, setVouchers] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState<null | 'upload' | 'save'>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<RowForm>) => setForm((f) => ({ ...f, ...patch }));
  const chosen = accounts.find((a) => a.id === form.accountId);
  const lastDay = lastDayOfMonth(month);
  const today = chinaDay();

  function fail(message: string) {
    setError(message);
    toast(message);
  }

  async function save() {
    const input = rowInputOf({ ...form, vouchers: vouchers.map((v) => v.id) }, villageId, month);
    if (typeof input === 'string') return fail(input);
    setError(null);
    setBusy('save');
    try {
      await financeApi.addRow(input);
      toast('已记一笔', true);
      // The date and the 经手人 usually stay the same for the next receipt in the pile.
      setForm({ ...EMPTY_ROW_FORM, date: form.date, handler: form.handler });
      setVouchers([]);
      onAdded();
    } catch (e) {
      fail(messageOf(e, '没有记上，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  async function attach(picked: PickedFile | { tooLarge: number } | null) {
    if (!picked) return;
    if ('tooLarge' in picked) return fail(`照片太大（${sizeText(picked.tooLarge)}），凭证照片不能超过 1 MB。`);
    setError(null);
    setBusy('upload');
    try {
      const uploaded = await disclosureApi.upload(villageId, picked.name.slice(-80), picked);
      setVouchers((list) => [...list, uploaded]);
    } catch (e) {
      fail(messageOf(e, '凭证没有上传成功，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="card" aria-label="手工记账">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        手工记一笔账（{monthText(month)}）
      </Text>
      <DateField label="日期" required value={form.date} onChange={(v) => set({ date: v })} start={`${month}-01`} end={lastDay < today ? lastDay : today} />

      <FieldLabel className="ledger__label" required text={`科目${chosen ? `：${chosen.direction} · ${accountLabel(chosen)}` : ''}`} />
      <AccountChooser accounts={accounts} value={form.accountId} onChange={(id) => set({ accountId: id })} />

      <FieldLabel className="ledger__label" required text="金额（元）" />
      <LimitedInput value={form.amount} onChange={(v) => set({ amount: v })} type="digit" placeholder="金额（元）" maxLength={20} name="amount" />

      <Text className="ledger__label">对方</Text>
      <LimitedInput value={form.counterparty} onChange={(v) => set({ counterparty: v })} placeholder="对方单位或个人" maxLength={80} name="counterparty" />

      <FieldLabel className="ledger__label" required text="摘要" />
      <LimitedInput value={form.summary} onChange={(v) => set({ summary: v })} placeholder="摘要" maxLength={200} name="summary" />

      <Text className="ledger__label">经手人</Text>
      <LimitedInput value={form.handler} onChange={(v) => set({ handler: v })} placeholder="经手人" maxLength={20} name="handler" />

      <Text className="ledger__label">
        凭证照片（可不传，{vouchers.length} / {MAX_VOUCHERS}）
      </Text>
      {vouchers.map((v) => (
        <View key={v.id} className="ledger__file">
          <Text style={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
            {v.name}，{sizeText(v.size)}
          </Text>
          <Button size="normal" aria-label={`移除凭证：${v.name}`} onClick={() => setVouchers((list) => list.filter((x) => x.id !== v.id))}>
            移除
          </Button>
        </View>
      ))}
      {vouchers.length < MAX_VOUCHERS &&
        (process.env.TARO_ENV === 'h5' ? (
          <label className="file-pick">
            添加凭证照片
            <input
              className="file-pick__input"
              type="file"
              accept="image/*"
              aria-label="添加凭证照片"
              disabled={busy !== null}
              onChange={async (e) => {
                const input = e.currentTarget;
                const f = input.files?.[0];
                input.value = '';
                if (!f) return;
                await attach(f.size > MAX_VOUCHER_BYTES ? { tooLarge: f.size } : fromBrowserFile(f));
              }}
            />
          </label>
        ) : (
          <Button size="large" block disabled={busy !== null} onClick={async () => attach(await pickVoucherInMiniProgram())}>
            添加凭证照片
          </Button>
        ))}
      {busy === 'upload' && <Text className="ledger__hint">正在上传…</Text>}

      {error && <Alert text={error} />}
      <View className="ledger__actions">
        <Button type="primary" size="large" block loading={busy === 'save'} disabled={busy !== null} onClick={save}>
          记一笔
        </Button>
      </View>
    </View>
  );
}

function RowCard({ villageId, row, state, onChanged }: { villageId: string; row: LedgerRow; state: MonthState; onChanged: () => void }) {
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const images = row.vouchers.filter((v) => v.mime !== 'application/pdf');

  async function remove() {
    const sure = await Taro.showModal({
      title: '删除这一笔？',
      content: `${row.date} ${row.direction} ${formatFen(row.amountFen)} 元，${row.summary}`,
      confirmText: '确定删除',
      cancelText: '不删',
    }).catch(() => null);
    if (!sure?.confirm) return;
    setBusy(true);
    try {
      await financeApi.removeRow(villageId, row.id);
      toast('已删除', true);
      onChanged();
    } catch (e) {
      toast(messageOf(e, '没有删除成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  async function reply() {
    const text = answer.trim();
    if (text.length < 2) return setError('请写下答复（至少 2 个字），理财小组会看到。');
    setError(null);
    setBusy(true);
    try {
      await financeApi.answerQuery(villageId, row.id, text);
      toast('已答复', true);
      onChanged();
    } catch (e) {
      setError(messageOf(e, '没有答复成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card ledger__row" aria-label={`账目：${row.date} ${row.summary}`}>
      <View className="ledger__head">
        <Tag type={row.direction === '收入' ? 'success' : 'default'}>{row.direction === '收入' ? '收' : '支'}</Tag>
        <Text className="ledger__row-amount">
          {row.direction} {formatFen(row.amountFen)} 元
        </Text>
      </View>
      <Text className="ledger__row-line">
        {row.date} · {row.account}
      </Text>
      <Text className="ledger__row-line" style={{ fontWeight: 600 }}>
        {row.summary}
      </Text>
      <Text className="ledger__row-line ledger__muted">
        对方：{row.counterparty || '（未填）'}　经手人：{row.handler || '（未填）'}
      </Text>
      {row.adjusts && <Text className="ledger__row-line ledger__muted">调整分录：{row.adjusts.reason}</Text>}
      {row.flags.map((f) => (
        <Text key={f} className="ledger__flag">
          提示：{f}
        </Text>
      ))}
      {row.vouchers.length > 0 && (
        <View className="ledger__vouchers">
          {row.vouchers.map((v, i) => (
            <Button key={v.id} size="normal" onClick={() => openAttachment(v, images)}>
              看凭证 {i + 1}
            </Button>
          ))}
        </View>
      )}
      {row.query && (
        <View className="ledger__query">
          <Text style={{ display: 'block' }}>理财小组质询：{row.query.reason}</Text>
          {row.query.answer !== null ? (
            <Text style={{ display: 'block', marginTop: '8px', color: '#1a1a1a' }}>会计答复：{row.query.answer}</Text>
          ) : (
            <View style={{ marginTop: '8px' }}>
              <LimitedInput value={answer} onChange={setAnswer} placeholder="答复质询" maxLength={300} name="answer" />
              {error && <Alert text={error} />}
              <View className="ledger__actions">
                <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={reply}>
                  答复
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
      {state === 'open' && (
        <View className="ledger__row-tools">
          <Button size="normal" disabled={busy} aria-label={`删除：${row.date} ${row.summary}`} onClick={remove}>
            删除
          </Button>
        </View>
      )}
    </View>
  );
}

function CloseCard({ villageId, data, first, onClosed }: { villageId: string; data: Loaded; first: boolean; onClosed: () => void }) {
  const [closing, setClosing] = useState('');
  const [opening, setOpening] = useState('');
  // The server is the judge of which month is the first; its message asks for 月初余额.
  const [askOpening, setAskOpening] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needOpening = first || askOpening;
  const { view } = data;

  const typed = parseYuan(closing);
  const openingTyped = parseYuan(opening);
  const openingFen = data.expectedOpeningFen ?? (needOpening && openingTyped.ok ? openingTyped.fen : null);
  const live = typed.ok && openingFen !== null ? gapText(openingFen + view.incomeFen - view.expenseFen, typed.fen) : null;

  async function close() {
    if (!typed.ok) return setError(closing.trim() ? `月末余额：${typed.message}` : '请填写月末余额（银行存款加库存现金）。');
    // Books that do not add up cannot be closed (the server refuses them too): say so, rather than ask.
    if (live && openingFen !== null) {
      const computed = openingFen + view.incomeFen - view.expenseFen;
      return setError(
        `账不平，不能结账：按收支算出的月末余额是 ${formatFen(computed)} 元，填写的是 ${formatFen(typed.fen)} 元，${live}请按银行对账单和库存现金核对月末余额，或检查本月有没有漏记、记错的账。`,
      );
    }
    const sure = await confirmFirst({
      title: '结账？',
      content: '结账后这个月不能再记账，交民主理财小组审核签字；要改须重新打开并写明原因，已有的签字随之作废。',
      confirmText: '结账',
    });
    if (!sure) return;
    let openingInput: number | undefined;
    if (needOpening) {
      if (!openingTyped.ok) return setError(opening.trim() ? `月初余额：${openingTyped.message}` : '这是系统里第一个结账的月份，请填写月初余额。');
      openingInput = openingTyped.fen;
    }
    setError(null);
    setBusy(true);
    try {
      await financeApi.closeMonth(villageId, view.month, typed.fen, openingInput);
      toast('已结账', true);
      onClosed();
    } catch (e) {
      const message = messageOf(e, '没有结账成功，请稍后再试。');
      // Only the server's "first month" answer asks for it: a refused break also names 月初余额.
      if (message.startsWith('这是系统里第一个结账的月份')) setAskOpening(true);
      setError(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" aria-label="月末结账">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        月末结账
      </Text>
      <Text className="ledger__hint">
        月末余额按银行对账单和库存现金填写。结账后这个月不能再记账，由民主理财小组审核签字后向村民公示。
      </Text>
      {needOpening && (
        <View>
          <Text className="ledger__label">月初余额（元）</Text>
          <Text className="ledger__hint">这是系统里第一个结账的月份，请按上月末的银行存款和库存现金填写。以后每月的月初余额会自动接上月。</Text>
          <LimitedInput value={opening} onChange={setOpening} type="digit" placeholder="月初余额（元）" maxLength={20} name="opening" />
        </View>
      )}
      <Text className="ledger__label">月末余额（元）</Text>
      <LimitedInput value={closing} onChange={setClosing} type="digit" placeholder="月末余额（元，按银行对账单和现金）" maxLength={20} name="closing" />
      {live && <Text className="ledger__gap-hint">注意：{live}</Text>}
      {error && <Alert text={error} />}
      <View className="ledger__actions">
        <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={close}>
          结账
        </Button>
      </View>
    </View>
  );
}

function ReopenCard({ villageId, month, signing, onReopened }: { villageId: string; month: string; signing: MonthSigning; onReopened: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reopen() {
    const text = reason.trim();
    if (text.length < 4) return setError('请写明重新打开的原因（至少 4 个字），会留在记录里。');
    setError(null);
    setBusy(true);
    try {
      await financeApi.reopenMonth(villageId, month, text);
      toast('已重新打开', true);
      onReopened();
    } catch (e) {
      setError(messageOf(e, '没有打开成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" aria-label="重新打开">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        已结账，等待民主理财小组审核签字
      </Text>
      <Signing signing={signing} state="closed" />
      <Text className="ledger__hint">
        结账后发现记错了，可以重新打开这个月修改，改好后再结账。签字公示以后就不能再打开了。
        {signing.signatures.length > 0 ? `重新打开后，已有的 ${signing.signatures.length} 个签字作废，要重新签字。` : ''}
      </Text>
      <LimitedInput value={reason} onChange={setReason} placeholder="重新打开的原因" maxLength={200} name="reopenReason" />
      {error && <Alert text={error} />}
      <View className="ledger__actions">
        <Button size="large" block loading={busy} disabled={busy} onClick={reopen}>
          重新打开
        </Button>
      </View>
    </View>
  );
}

/** H5 downloads through a link; the mini-program downloads the file and opens it, where it can be forwarded. */
async function saveSpreadsheet(fileName: string, url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const got = await Taro.downloadFile({ url, filePath: `${Taro.env.USER_DATA_PATH}/${fileName}` });
  await Taro.openDocument({ filePath: got.filePath ?? got.tempFilePath, fileType: 'xlsx', showMenu: true });
}

function ToolsCard({ villageId, month }: { villageId: string; month: string }) {
  const [busy, setBusy] = useState<null | 'export' | 'fill'>(null);
  const [error, setError] = useState<string | null>(null);
  const quarter = quarterOfMonth(month);

  async function exportMonth() {
    setError(null);
    setBusy('export');
    try {
      const file = await financeApi.exportMonth(villageId, month);
      await saveSpreadsheet(file.fileName, file.url);
    } catch (e) {
      const message = messageOf(e, '没有导出成功，请稍后再试。');
      setError(message);
      toast(message);
    } finally {
      setBusy(null);
    }
  }

  async function fill() {
    setError(null);
    setBusy('fill');
    try {
      const out = await financeApi.fillDisclosure(villageId, quarter);
      toast(`已生成 ${out.drafted.length} 项草稿，请到“起草季度公开”提交审核`);
    } catch (e) {
      const message = messageOf(e, '没有生成成功，请稍后再试。');
      setError(message);
      toast(message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="card" aria-label="导出与公开">
      <View className="ledger__actions" style={{ marginTop: 0 }}>
        <Button size="large" block loading={busy === 'export'} disabled={busy !== null} onClick={exportMonth}>
          导出本月 Excel
        </Button>
        <Button size="large" block loading={busy === 'fill'} disabled={busy !== null} onClick={fill}>
          生成本季度财务公开
        </Button>
      </View>
      <Text className="ledger__hint">
        “生成本季度财务公开”按已签字公示的月份，起草{quarterText(quarter)}的月度收支明细、收支汇总和非生产性开支三项，审核后才向村民公开。
      </Text>
      {error && <Alert text={error} />}
      <PdfButton make={() => financeApi.statementPdf(villageId, month)} label="打印本月收支明细（PDF）" primary={false} />
      <PdfButton make={() => financeApi.statementPdf(villageId, quarter)} label={`打印${quarterText(quarter)}收支汇总（PDF）`} primary={false} />
    </View>
  );
}

/**
 * The 会计's month: pick a month, import or type its rows, answer the 民主理财小组's queries,
 * and close it with the balance from the bank statement and the cash box. Signing is the
 * panel's, on its own page.
 */
export default function LedgerPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const asked = params.month && MONTH_KEY.test(params.month) ? params.month : null;
  const [picked, setPicked] = useState<string | null>(asked);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  const status = useRequest(villageId ? `ledger-status:${villageId}` : null, () => identityApi.status(villageId));
  const allowed = status.data?.roles.includes('accountant') ?? false;
  const months = useRequest(allowed ? `ledger-months:${villageId}:${version}` : null, () => financeApi.months(villageId));
  const accounts = useRequest(allowed ? `ledger-accounts:${villageId}` : null, () => financeApi.accounts(villageId));
  const list = months.data?.months ?? [];
  const month = picked ?? (months.data ? defaultMonth(list) : null);
  const loaded = useRequest<Loaded>(allowed && month ? `ledger-month:${villageId}:${month}:${version}` : null, async () => {
    const m = month as string;
    const view = await financeApi.month(villageId, m);
    let expectedOpeningFen: number | null = null;
    if (view.openingFen === null) {
      const prev = list.find((x) => x.month === previousMonthOf(m));
      if (prev?.state === 'published') expectedOpeningFen = (await financeApi.month(villageId, prev.month)).declaredClosingFen;
    }
    return { month: m, view, expectedOpeningFen };
  });
  const data = loaded.data?.month === month ? loaded.data : undefined;

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' };
  const denied = status.data && !allowed ? { code: 'PERMISSION_DENIED', message: '记账和结账只有村会计可以做。村里已经公示的收支，请在“村里的钱”里查看。' } : null;
  const error = missingVillage ?? status.error ?? denied ?? months.error ?? accounts.error ?? (data ? null : loaded.error) ?? null;
  // A reload after an action keeps the month on screen; only another month shows the skeleton.
  const loading = !error && (!status.data || !months.data || !accounts.data || (month !== null && !data));

  const view = data?.view;
  const current = serverCurrentMonth(list);
  // A month asked for by link but not in the list (nothing recorded yet) still gets its button.
  const listed = month && view && !list.some((m) => m.month === month) ? [...list, { month, state: view.state, rows: view.rows.length, openQueries: view.openQueries }] : list;
  const first = month ? isFirstMonth(list, month) : false;
  const openRows = view?.rows.filter((r) => r.query && r.query.answer === null) ?? [];
  const otherRows = view?.rows.filter((r) => !(r.query && r.query.answer === null)) ?? [];

  function afterImport(imported: string[]) {
    // A file of another month: show that month, where the rows went.
    if (month && imported.length > 0 && !imported.includes(month)) setPicked(imported[0]);
    reload();
  }

  return (
    <View className="page ledger">
      <NoticeReminders />
      <PageShell
        loading={loading}
        error={error}
        empty={!!months.data && month === null}
        emptyTitle="还没有可以记账的月份"
        onRetry={() => {
          status.reload();
          months.reload();
          accounts.reload();
          loaded.reload();
        }}
        renderError={(e) =>
          e.code === 'PERMISSION_DENIED' || e.code === 'UNAUTHENTICATED' ? (
            <View role="alert">
              <Empty image={<StateImage kind="error" />} imageSize={80} title="只有村会计可以记账和结账" description={e.message} />
              <View className="ledger__actions" style={{ padding: '0 16px' }}>
                <Button size="large" block onClick={() => Taro.navigateBack()}>
                  返回
                </Button>
              </View>
            </View>
          ) : null
        }
      >
        {data && view && month && (
          <View>
            <MonthPicker months={listed} current={current} selected={month} onPick={setPicked} />
            <Summary data={data} first={first} entry={listed.find((m) => m.month === month)} />

            {view.state === 'open' && current !== null && month < current && (
              <CloseCard key={`close:${month}`} villageId={villageId} data={data} first={first} onClosed={reload} />
            )}
            {view.state === 'open' && month === current && (
              <View className="card">
                <Text className="ledger__hint" style={{ margin: 0 }}>
                  这个月还没过完，月底之后才能结账。
                </Text>
              </View>
            )}
            {view.state === 'closed' && <ReopenCard key={`reopen:${month}`} villageId={villageId} month={month} signing={view.signing} onReopened={reload} />}
            {view.state === 'published' && (
              <View className="card">
                <Text className="ledger__hint" style={{ margin: 0 }}>
                  这个月已经签字公示，不能再修改。如需更正，请在以后的月份记一笔调整，并写明原因。
                </Text>
                <Signing signing={view.signing} state="published" />
              </View>
            )}

            {openRows.length > 0 && (
              <View>
                <Text className="section-title" style={{ display: 'block' }}>
                  待答复的质询（{openRows.length} 笔）
                </Text>
                {openRows.map((r) => (
                  <RowCard key={r.id} villageId={villageId} row={r} state={view.state} onChanged={reload} />
                ))}
              </View>
            )}

            {view.state === 'open' && accounts.data && (
              <AddRowCard key={`add:${month}`} villageId={villageId} month={month} accounts={accounts.data.accounts} onAdded={reload} />
            )}
            <ImportCard villageId={villageId} onImported={afterImport} />

            <Text className="section-title" style={{ display: 'block' }}>
              {openRows.length > 0 ? `其余账目（${otherRows.length} 笔）` : `本月账目（${view.rows.length} 笔）`}
            </Text>
            {otherRows.length === 0 && openRows.length === 0 ? (
              <View className="card">
                <Text className="ledger__hint" style={{ margin: 0 }}>
                  这个月还没有记账。
                </Text>
              </View>
            ) : (
              otherRows.map((r) => <RowCard key={r.id} villageId={villageId} row={r} state={view.state} onChanged={reload} />)
            )}

            <ToolsCard villageId={villageId} month={month} />
          </View>
        )}
      </PageShell>
    </View>
  );
}
