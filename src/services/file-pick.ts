import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  base64: string;
}

/**
 * Mini-program: a roster usually reaches the cadre as a file in a WeChat chat, so it is picked
 * from chat files. (H5 uses a file input in the page instead.)
 */
export async function pickChatFile(extensions: string[]): Promise<PickedFile | null> {
  const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions }).catch(() => null);
  const file = res?.tempFiles[0];
  if (!file) return null;
  const base64 = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (r) => resolve(r.data as string),
      fail: reject,
    }),
  );
  return { name: file.name, base64 };
}

/** H5: read a File from an <input type="file"> as base64. */
export function readBrowserFile(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, base64: String(reader.result).split(',')[1] ?? '' });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
