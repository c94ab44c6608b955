import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Attachment } from '../../../../types/disclosure';
import { ASSET_PHOTOS } from '../../../../common/limits';
import FilePick from '../../../components/FilePick';
import type { Action } from '../../../hooks/useAction';
import { disclosureApi } from '../../../services/disclosure';
import { fromBrowserFileWithin, type PickedFile, sizeText, type TooLarge, takePhotos } from '../../../services/file-pick';

/** A photo of a building or machine need not be sharp: 1 MB keeps uploads quick on a village signal. */
const MAX_PHOTO_BYTES = 1024 * 1024;

/**
 * The asset's photos so far, each removable, and the picker for one more. Each is stored as the
 * village's upload at once; the asset keeps the ids once it is saved.
 */
export default function AssetPhotos({
  villageId,
  photos,
  upload,
  onChange,
}: {
  villageId: string;
  photos: Attachment[];
  upload: Action;
  onChange: (next: Attachment[]) => void;
}) {
  async function attach(picked: PickedFile | TooLarge | null) {
    if (!picked) return;
    if ('tooLarge' in picked) return upload.refuse(`照片太大（${sizeText(picked.tooLarge)}），资产照片不能超过 1 MB。`);
    await upload.run(() => disclosureApi.upload(villageId, picked.name.slice(-80), picked), {
      failed: '照片没有上传成功，请稍后再试。',
      alsoToast: true,
      onDone: (uploaded) => onChange([...photos, uploaded]),
    });
  }

  return (
    <View>
      <Text className="cadre-assets__label">
        照片（可不传，{photos.length} / {ASSET_PHOTOS.max}）
      </Text>
      {photos.map((p) => (
        <View key={p.id} className="file-row">
          <Text style={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
            {p.name}，{sizeText(p.size)}
          </Text>
          <Button size="normal" aria-label={`移除照片：${p.name}`} onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>
            移除
          </Button>
        </View>
      ))}
      {photos.length < ASSET_PHOTOS.max && (
        <FilePick
          text="添加资产照片"
          accept="image/*"
          disabled={upload.busy}
          onFiles={async ([f]) => {
            if (f) await attach(fromBrowserFileWithin(f, MAX_PHOTO_BYTES));
          }}
          onTap={async () => attach((await takePhotos(1, MAX_PHOTO_BYTES, () => '资产照片'))[0] ?? null)}
        />
      )}
    </View>
  );
}
