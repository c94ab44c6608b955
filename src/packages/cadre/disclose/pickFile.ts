import Taro from '@tarojs/taro';
import { fromTempFile, type PickedFile } from '../../../services/file-pick';
import { MAX_FILE_BYTES } from './helpers';

/** A file refused before it was read, with its size for the message. */
export type Picked = PickedFile | { tooLarge: number } | null;

/**
 * Mini-program: a photo of a signed paper is taken on the spot, while a PDF usually arrives in a
 * WeChat chat, so both ways are offered. Too large a file is refused before it is read.
 */
export async function pickInMiniProgram(): Promise<Picked> {
  const choice = await Taro.showActionSheet({ itemList: ['拍照或从相册选图片', '从微信聊天中选图片或PDF'] }).catch(() => null);
  if (!choice) return null;
  if (choice.tapIndex === 0) {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
    const file = res?.tempFiles[0];
    if (!file) return null;
    if (file.size > MAX_FILE_BYTES) return { tooLarge: file.size };
    const ext = /\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg';
    return fromTempFile(file.path, `照片${ext}`, file.size);
  }
  // 'all' rather than 'file': 'file' leaves images out, and the extension filter only works with 'file'.
  const res = await Taro.chooseMessageFile({ count: 1, type: 'all' }).catch(() => null);
  const file = res?.tempFiles[0];
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) return { tooLarge: file.size };
  return fromTempFile(file.path, file.name, file.size);
}
