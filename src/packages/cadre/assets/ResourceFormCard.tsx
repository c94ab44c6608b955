import { useState } from 'react';
import { LAND_KIND_LABEL, RESOURCE_STATE_LABEL, type ResourceView } from '../../../../types/assets';
import { ASSET_CHANGE_REASON, ASSET_NAME, ASSET_NOTE, ASSET_PLACE } from '../../../../common/limits';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import { FormCard, PickField, TextField } from './fields';
import { choicesOf, EMPTY_RESOURCE, reasonProblem, type ResourceForm, resourceFormOf, resourceInputOf } from './forms';

/** Registers land or water, or corrects it (`resource` given) with the reason kept on the record. */
export default function ResourceFormCard({
  villageId,
  resource,
  onSaved,
  onCancel,
}: {
  villageId: string;
  resource?: ResourceView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<ResourceForm>(resource ? resourceFormOf(resource) : EMPTY_RESOURCE);
  const [reason, setReason] = useState('');
  const saving = useAction();
  const set = (patch: Partial<ResourceForm>) => setForm((f) => ({ ...f, ...patch }));

  async function save() {
    const input = resourceInputOf(form, villageId);
    if (typeof input === 'string') return saving.refuse(input);
    const why = resource ? reasonProblem(reason) : null;
    if (why) return saving.refuse(why);
    await saving.run(() => (resource ? assetsApi.updateResource({ ...input, resourceId: resource.id, reason: reason.trim() }) : assetsApi.addResource(input)), {
      done: resource ? '已修改' : '已登记',
      failed: '没有保存成功，请稍后再试。',
      alsoToast: true,
      onDone: onSaved,
    });
  }

  return (
    <FormCard
      label={resource ? `修改资源：${resource.name}` : '登记资源'}
      title={resource ? `修改资源：${resource.name}` : '登记一块土地或水面'}
      error={saving.error}
      busy={saving.busy}
      send={resource ? '保存修改' : '登记'}
      onSend={save}
      onCancel={onCancel}
    >
      <TextField label="名称" required value={form.name} onChange={(v) => set({ name: v })} limit={ASSET_NAME} placeholder="名称，如 东洼耕地" />
      <PickField label="类别" choices={choicesOf(LAND_KIND_LABEL)} value={form.landKind} onPick={(landKind) => set({ landKind })} />
      <TextField
        label="面积（亩，最多两位小数）"
        required
        money
        value={form.area}
        onChange={(v) => set({ area: v })}
        limit={{ max: 12 }}
        placeholder="面积（亩）"
      />
      <TextField label="位置" value={form.location} onChange={(v) => set({ location: v })} limit={ASSET_PLACE} placeholder="在哪里，如 村东 四至" />
      <PickField label="现在的状态" choices={choicesOf(RESOURCE_STATE_LABEL)} value={form.state} onPick={(state) => set({ state })} />
      <TextField label="备注" multiline value={form.note} onChange={(v) => set({ note: v })} limit={ASSET_NOTE} placeholder="备注（可不填）" />
      {resource && <TextField label="为什么修改" required value={reason} onChange={setReason} limit={ASSET_CHANGE_REASON} placeholder="修改的原因" />}
    </FormCard>
  );
}
