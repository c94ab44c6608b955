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

/** A file refused before it was read or sent, with its size for the message. */
export interface TooLarge {
  tooLarge: number;
}

/** H5: a chosen File, or only its size when it is over the page's limit. */
export const fromBrowserFileWithin = (file: File, maxBytes: number): PickedFile | TooLarge =>
  file.size > maxBytes ? { tooLarge: file.size } : fromBrowserFile(file);

/**
 * Mini-program: photos taken on the spot or from the album, compressed; one over the limit is
 * refused before it is read. Each is named `name(i)` (i from 0) with the photo's own extension.
 */
export async function takePhotos(count: number, maxBytes: number, name: (i: number) => string): Promise<(PickedFile | TooLarge)[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
  return (res?.tempFiles ?? []).map((file, i) => {
    if (file.size > maxBytes) return { tooLarge: file.size };
    const ext = /\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg';
    return fromTempFile(file.path, `${name(i)}${ext}`, file.size);
  });
}

/** A file's size as the person reads it: whole kilobytes, never "0 KB". */
export const sizeText = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
