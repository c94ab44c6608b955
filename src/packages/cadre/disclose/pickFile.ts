import Taro from '@tarojs/taro';
import { fromTempFile, takePhotos, type PickedFile, type TooLarge } from '../../../services/file-pick';
import { MAX_FILE_BYTES } from './helpers';

/** A file, or the size of one refused before it was read; null when none was picked. */
export type Picked = PickedFile | TooLarge | null;

/**
 * Mini-program: a photo of a signed paper is taken on the spot, while a PDF usually arrives in a
 * WeChat chat, so both ways are offered. Too large a file is refused before it is read.
 */
export async function pickInMiniProgram(): Promise<Picked> {
  const choice = await Taro.showActionSheet({ itemList: ['拍照或从相册选图片', '从微信聊天中选图片或PDF'] }).catch(() => null);
  if (!choice) return null;
  if (choice.tapIndex === 0) return (await takePhotos(1, MAX_FILE_BYTES, () => '照片'))[0] ?? null;
  // 'all' rather than 'file': 'file' leaves images out, and the extension filter only works with 'file'.
  const res = await Taro.chooseMessageFile({ count: 1, type: 'all' }).catch(() => null);
  const file = res?.tempFiles[0];
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) return { tooLarge: file.size };
  return fromTempFile(file.path, file.name, file.size);
}
