import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Attachment } from '../../../../types/disclosure';
import type { Account } from '../../../../types/finance';
import Alert from '../../../components/Alert';
import { DateField } from '../../../components/DateField';
import { FieldLabel } from '../../../components/FormHints';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { chinaDay, lastDayOfMonth } from '../../../services/china-time';
import { disclosureApi } from '../../../services/disclosure';
import { sizeText } from '../../../services/file-pick';
import { monthText, financeApi } from '../../../services/finance';
import { accountLabel, EMPTY_ROW_FORM, rowInputOf, type RowForm } from '../../../services/ledger-form';
import AccountChooser from './AccountChooser';
import ContractPicker from './ContractPicker';
import VoucherPhotos, { type PickedVoucher } from './VoucherPhotos';
import { LEDGER_COUNTERPARTY, LEDGER_HANDLER, LEDGER_SUMMARY } from '../../../../common/limits';

/** One receipt typed in by hand, with photos of its vouchers, for a month still open. */
export default function AddRowCard({ villageId, month, accounts, onAdded }: { villageId: string; month: string; accounts: Account[]; onAdded: () => void }) {
  const [form, setForm] = useState<RowForm>(EMPTY_ROW_FORM);
  const [vouchers, setVouchers] = useState<Attachment[]>([]);
  // Rent or a 承包费 names the 三资 contract it pays; only income can (the server says so too).
  const [contractId, setContractId] = useState<string | null>(null);
  // A photo on its way and the row being saved each show on their own button; either holds both.
  const upload = useAction();
  const saving = useAction();
  const busy = upload.busy || saving.busy;
  const error = saving.error ?? upload.error;
  const set = (patch: Partial<RowForm>) => setForm((f) => ({ ...f, ...patch }));
  const chosen = accounts.find((a) => a.id === form.accountId);
  const income = chosen?.direction === '收入';
  const lastDay = lastDayOfMonth(month);
  const today = chinaDay();

  /** The form is long: a refusal is said on the card and in a toast, which shows wherever the 会计 has scrolled. */
  function refuse(message: string) {
    upload.setError(null);
    saving.refuse(message);
  }

  async function save() {
    const input = rowInputOf({ ...form, vouchers: vouchers.map((v) => v.id) }, villageId, month);
    if (typeof input === 'string') return refuse(input);
    if (income && contractId) input.contractId = contractId;
    upload.setError(null);
    await saving.run(() => financeApi.addRow(input), {
      done: '已记一笔',
      failed: '没有记上，请稍后再试。',
      alsoToast: true,
      onDone: () => {
        // The date and the 经手人 usually stay the same for the next receipt in the pile.
        setForm({ ...EMPTY_ROW_FORM, date: form.date, handler: form.handler });
        setVouchers([]);
        setContractId(null);
        onAdded();
      },
    });
  }

  async function attach(picked: PickedVoucher | null) {
    if (!picked) return;
    if ('tooLarge' in picked) return refuse(`照片太大（${sizeText(picked.tooLarge)}），凭证照片不能超过 1 MB。`);
    saving.setError(null);
    await upload.run(() => disclosureApi.upload(villageId, picked.name.slice(-80), picked), {
      failed: '凭证没有上传成功，请稍后再试。',
      alsoToast: true,
      onDone: (uploaded) => setVouchers((list) => [...list, uploaded]),
    });
  }

  return (
    <View className="card" aria-label="手工记账">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        手工记一笔账（{monthText(month)}）
      </Text>
      {/* biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, which compare as text; Math.min would turn them into NaN */}
      <DateField label="日期" required value={form.date} onChange={(v) => set({ date: v })} start={`${month}-01`} end={lastDay < today ? lastDay : today} />

      <FieldLabel className="ledger__label" required text={`科目${chosen ? `：${chosen.direction} · ${accountLabel(chosen)}` : ''}`} />
      <AccountChooser accounts={accounts} value={form.accountId} onChange={(id) => set({ accountId: id })} />

      <FieldLabel className="ledger__label" required text="金额（元）" />
      <LimitedInput value={form.amount} onChange={(v) => set({ amount: v })} type="digit" placeholder="金额（元）" maxLength={20} name="amount" />

      <Text className="ledger__label">对方</Text>
      <LimitedInput
        value={form.counterparty}
        onChange={(v) => set({ counterparty: v })}
        placeholder="对方单位或个人"
        maxLength={LEDGER_COUNTERPARTY.max}
        name="counterparty"
      />

      <FieldLabel className="ledger__label" required text="摘要" />
      <LimitedInput value={form.summary} onChange={(v) => set({ summary: v })} placeholder="摘要" maxLength={LEDGER_SUMMARY.max} name="summary" />

      {income && <ContractPicker villageId={villageId} counterparty={form.counterparty} summary={form.summary} value={contractId} onChange={setContractId} />}

      <Text className="ledger__label">经手人</Text>
      <LimitedInput value={form.handler} onChange={(v) => set({ handler: v })} placeholder="经手人" maxLength={LEDGER_HANDLER.max} name="handler" />

      <VoucherPhotos vouchers={vouchers} disabled={busy} onRemove={(id) => setVouchers((list) => list.filter((x) => x.id !== id))} onPick={attach} />
      {upload.busy && <Text className="ledger__hint">正在上传…</Text>}

      {error && <Alert text={error} />}
      <View className="ledger__actions">
        <Button type="primary" size="large" block loading={saving.busy} disabled={busy} onClick={save}>
          记一笔
        </Button>
      </View>
    </View>
  );
}
