import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Dispatch, SetStateAction } from 'react';
import type { Attachment } from '../../../types/disclosure';
import type { Action } from '../../hooks/useAction';
import { ticketsApi } from '../../services/disclosure';
import FilePick from '../../components/FilePick';
import { fromBrowserFileWithin, sizeText } from '../../services/file-pick';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, pickInMiniProgram, type Picked } from './photos';

interface Props {
  villageId: string;
  photos: Attachment[];
  setPhotos: Dispatch<SetStateAction<Attachment[]>>;
  /** The form's upload action: its error shows with the form's other messages. */
  upload: Action;
  /** Anything of the form on its way: photos are neither added nor removed meanwhile. */
  busy: boolean;
  /** An upload starts: the form's last message no longer applies. */
  onStart: () => void;
}

/** The photos of a report: each by number with its size, removable, and up to six added. */
export default function PhotoField({ villageId, photos, setPhotos, upload, busy, onStart }: Props) {
  async function add(picked: Picked[]) {
    if (picked.length === 0) return;
    onStart();
    const room = MAX_PHOTOS - photos.length;
    await upload.run(
      async () => {
        let refused: string | null = picked.length > room ? `最多添加 ${MAX_PHOTOS} 张照片，多选的没有添加。` : null;
        for (const p of picked.slice(0, room)) {
          if ('tooLarge' in p) {
            refused = `有一张照片太大（${sizeText(p.tooLarge)}），每张不能超过 1 MB，没有添加。`;
            continue;
          }
          // The server names every photo 照片: the phone's name for it may date it.
          const uploaded = await ticketsApi.upload(villageId, /\.png$/i.test(p.name) ? '照片.png' : '照片.jpg', p);
          setPhotos((list) => [...list, uploaded]);
        }
        return refused;
      },
      { failed: '照片没有传上去，请稍后再试。', onDone: (refused) => refused && upload.setError(refused) },
    );
  }

  const full = photos.length >= MAX_PHOTOS;
  return (
    <>
      <Text className="tickets__label">
        照片（可不加，{photos.length} / {MAX_PHOTOS}）
      </Text>
      {/* By number, not by the phone's file name (IMG_20261205_231245.jpg says when it was taken). */}
      {photos.map((p, i) => (
        <View key={p.id} className="file-row tickets__photo">
          <View style={{ flex: 1, minWidth: 0 }}>
            <Text style={{ display: 'block', wordBreak: 'break-all' }}>照片 {i + 1}</Text>
            <Text className="tickets__meta">{sizeText(p.size)}，拍摄地点和手机信息已去掉</Text>
          </View>
          <View style={{ flexShrink: 0 }}>
            <Button size="normal" aria-label={`移除照片 ${i + 1}`} disabled={busy} onClick={() => setPhotos((list) => list.filter((x) => x.id !== p.id))}>
              移除
            </Button>
          </View>
        </View>
      ))}
      {!full && (
        <FilePick
          text="添加照片"
          accept="image/jpeg,image/png"
          multiple
          disabled={busy}
          onFiles={(files) => add(files.map((f) => fromBrowserFileWithin(f, MAX_PHOTO_BYTES)))}
          onTap={async () => add(await pickInMiniProgram(MAX_PHOTOS - photos.length, photos.length + 1))}
        />
      )}
      <Text className="tickets__hint">最多 {MAX_PHOTOS} 张，JPG 或 PNG，每张不超过 1 MB。</Text>
      {upload.busy && <Text className="tickets__hint">正在上传照片…</Text>}
    </>
  );
}
