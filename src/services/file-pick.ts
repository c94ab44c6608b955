import Taro from '@tarojs/taro';

/**
 * A file the person chose, not yet uploaded: a temporary file path in the mini-program, a File in
 * H5. Files never travel inside a function call (CloudBase takes at most 100 KB there): they are
 * uploaded to storage first (services/transport.ts `uploadFile`) and the call carries the id.
 */
export interface PickedFile {
  /** The name shown to the person (and kept with an attachment). */
  name: string;
  size: number;
  source: string | File;
}

/**
 * Mini-program: a roster usually reaches the cadre as a file in a WeChat chat, so it is picked
 * from chat files. (H5 uses a file input in the page instead.)
 */
export async function pickChatFile(extensions: string[]): Promise<PickedFile | null> {
  const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions }).catch(() => null);
  const file = res?.tempFiles[0];
  return file ? { name: file.name, size: file.size, source: file.path } : null;
}

/** A photo or file the mini-program's picker left at a temporary path. */
export function fromTempFile(path: string, name: string, size: number): PickedFile {
  return { name, size, source: path };
}

/** H5: a File from an <input type="file">. */
export function fromBrowserFile(file: File): PickedFile {
  return { name: file.name, size: file.size, source: file };
}

/** A file's size as the person reads it: whole kilobytes, never "0 KB". */
export const sizeText = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
