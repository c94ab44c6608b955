import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { type AssetSettings, LAND_KIND_LABEL } from '../../../../types/assets';
import Alert from '../../../components/Alert';
import { FieldLabel } from '../../../components/FormHints';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import { formOf, LAND_KINDS, NUMBERS, type SettingsForm, settingsOf } from './settings-form';

function Field({
  label,
  value,
  unit,
  placeholder,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  unit: string;
  placeholder: string;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <View className="township-assets__field" aria-label={label}>
      <FieldLabel text={`${label}（${unit}）`} />
      <LimitedInput type="digit" value={value} onChange={onChange} placeholder={placeholder} maxLength={12} disabled={disabled} />
    </View>
  );
}

/**
 * The township's numbers behind the warnings: term limit, how early expiry warns, how long an
 * asset may stand idle, and the reference rent per 亩 for each kind of land (empty: not checked).
 * Township staff read them; the 镇管理员 changes them, from each village's next look.
 */
export default function SettingsCard({ settings, canEdit, onSaved }: { settings: AssetSettings; canEdit: boolean; onSaved: () => void }) {
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings));
  const save = useAction();
  useEffect(() => setForm(formOf(settings)), [settings]);

  function send() {
    const checked = settingsOf(settings.townshipId, form);
    if (!checked.ok) return save.refuse(checked.message);
    void save.run(() => assetsApi.updateSettings(checked.settings), {
      done: '已保存，各村下次检查时按新设置预警',
      failed: '没有保存成功，请稍后再试。',
      alsoToast: true,
      onDone: onSaved,
    });
  }

  return (
    <View className="card" aria-label="三资预警设置">
      <Text className="township-assets__title">三资预警设置</Text>
      {NUMBERS.map((n) => (
        <Field
          key={n.key}
          label={n.label}
          unit={n.unit}
          value={form[n.key]}
          placeholder={`${n.min}–${n.max}`}
          disabled={!canEdit}
          onChange={(v) => setForm((f) => ({ ...f, [n.key]: v }))}
        />
      ))}
      <Text className="township-assets__subtitle">每亩每年的参考价（低于它就预警；不填的不检查）</Text>
      {LAND_KINDS.map((k) => (
        <Field
          key={k}
          label={`${LAND_KIND_LABEL[k]}参考价`}
          unit="元/亩/年"
          value={form.prices[k]}
          placeholder="不检查"
          disabled={!canEdit}
          onChange={(v) => setForm((f) => ({ ...f, prices: { ...f.prices, [k]: v } }))}
        />
      ))}
      {save.error && <Alert text={save.error} />}
      {canEdit ? (
        <Button type="primary" size="large" block loading={save.busy} disabled={save.busy} onClick={send}>
          保存预警设置
        </Button>
      ) : (
        <Text className="township-assets__note">只有镇管理员可以更改。</Text>
      )}
    </View>
  );
}
