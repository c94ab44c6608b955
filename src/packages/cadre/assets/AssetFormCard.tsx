import { useState } from 'react';
import type { Attachment } from '../../../../types/disclosure';
import { ASSET_KIND_LABEL, ASSET_STATE_LABEL, ASSET_USE_LABEL, type AssetView } from '../../../../types/assets';
import { ASSET_CHANGE_REASON, ASSET_KEEPER, ASSET_NAME, ASSET_NOTE, ASSET_PLACE } from '../../../../common/limits';
import { DateField } from '../../../components/DateField';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import { chinaDay } from '../../../services/china-time';
import AssetPhotos from './AssetPhotos';
import { FormCard, PickField, TextField } from './fields';
import { type AssetForm, assetFormOf, assetInputOf, choicesOf, EMPTY_ASSET, reasonProblem } from './forms';

/** Registers an asset, or corrects one (`asset` given) with the reason kept on the record. */
export default function AssetFormCard({
  villageId,
  asset,
  onSaved,
  onCancel,
}: {
  villageId: string;
  asset?: AssetView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<AssetForm>(asset ? assetFormOf(asset) : EMPTY_ASSET);
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<Attachment[]>(asset?.photos ?? []);
  const saving = useAction();
  const upload = useAction();
  const set = (patch: Partial<AssetForm>) => setForm((f) => ({ ...f, ...patch }));

  async function save() {
    upload.setError(null);
    const typed = assetInputOf(form, villageId);
    if (typeof typed === 'string') return saving.refuse(typed);
    const input = { ...typed, photos: photos.map((p) => p.id) };
    const why = asset ? reasonProblem(reason) : null;
    if (why) return saving.refuse(why);
    await saving.run(() => (asset ? assetsApi.updateAsset({ ...input, assetId: asset.id, reason: reason.trim() }) : assetsApi.addAsset(input)), {
      done: asset ? '已修改' : '已登记',
      failed: '没有保存成功，请稍后再试。',
      alsoToast: true,
      onDone: onSaved,
    });
  }

  return (
    <FormCard
      label={asset ? `修改资产：${asset.name}` : '登记资产'}
      title={asset ? `修改资产：${asset.name}` : '登记一项资产'}
      error={saving.error ?? upload.error}
      busy={saving.busy || upload.busy}
      send={asset ? '保存修改' : '登记'}
      onSend={save}
      onCancel={onCancel}
    >
      <TextField label="资产名称" required value={form.name} onChange={(v) => set({ name: v })} limit={ASSET_NAME} placeholder="资产名称，如 村委会办公楼" />
      <PickField label="经营性还是非经营性" choices={choicesOf(ASSET_USE_LABEL)} value={form.use} onPick={(use) => set({ use })} />
      <PickField label="类别" choices={choicesOf(ASSET_KIND_LABEL)} value={form.kind} onPick={(kind) => set({ kind })} />
      <TextField label="位置" value={form.location} onChange={(v) => set({ location: v })} limit={ASSET_PLACE} placeholder="在哪里，如 村东头" />
      <DateField label="购置日期" required value={form.acquiredOn} onChange={(v) => set({ acquiredOn: v })} end={chinaDay()} />
      <TextField label="原值（元）" required money value={form.original} onChange={(v) => set({ original: v })} limit={{ max: 20 }} />
      <PickField label="现在的状态" choices={choicesOf(ASSET_STATE_LABEL)} value={form.state} onPick={(state) => set({ state })} />
      <TextField label="保管人" value={form.keeper} onChange={(v) => set({ keeper: v })} limit={ASSET_KEEPER} />
      <TextField label="备注" multiline value={form.note} onChange={(v) => set({ note: v })} limit={ASSET_NOTE} placeholder="备注（可不填）" />
      <AssetPhotos villageId={villageId} photos={photos} upload={upload} onChange={setPhotos} />
      {asset && <TextField label="为什么修改" required value={reason} onChange={setReason} limit={ASSET_CHANGE_REASON} placeholder="修改的原因" />}
    </FormCard>
  );
}
