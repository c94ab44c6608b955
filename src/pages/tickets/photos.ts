import Taro from '@tarojs/taro';
import { fromTempFile, type PickedFile } from '../../services/file-pick';
import { TICKET_PHOTOS } from '../../../common/limits';

// The service's limits, checked before sending so the message can say what to change.
export const MAX_PHOTOS = TICKET_PHOTOS.max;
export const MAX_PHOTO_BYTES = 1024 * 1024;

export type Picked = PickedFile | { tooLarge: number };

/** Mini-program: a photo of the problem is usually taken on the spot, or is already in the album. */
export async function pickInMiniProgram(count: number, firstNumber: number): Promise<Picked[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
  const out: Picked[] = [];
  for (const [i, file] of (res?.tempFiles ?? []).entries()) {
    // Too large a photo is refused before it is read.
    if (file.size > MAX_PHOTO_BYTES) {
      out.push({ tooLarge: file.size });
      continue;
    }
    const ext = /\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg';
    out.push(fromTempFile(file.path, `照片${firstNumber + i}${ext}`, file.size));
  }
  return out;
}
