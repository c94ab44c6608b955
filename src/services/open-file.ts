import Taro from '@tarojs/taro';
import type { Attachment } from '../../types/disclosure';
import type { PrintFile } from '../../types/print';

/** Opens an attachment the way the platform can: images in the viewer, PDFs as documents. */
export function openAttachment(a: Attachment, images: Attachment[] = [a]): void {
  if (a.mime !== 'application/pdf') {
    Taro.previewImage({ current: a.url, urls: images.filter((i) => i.mime !== 'application/pdf').map((i) => i.url) });
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(a.url, '_blank', 'noopener');
    return;
  }
  Taro.downloadFile({ url: a.url })
    .then((r) => Taro.openDocument({ filePath: r.tempFilePath, fileType: 'pdf' }))
    .catch(() => Taro.showToast({ title: '文件打不开，请稍后再试', icon: 'none' }));
}

/**
 * Opens a PDF made for printing. The mini-program downloads it under its own name (so forwarding
 * it to a computer keeps 杨家村一村一码海报.pdf) and opens it in WeChat's viewer with the menu
 * shown: "…" there prints it, sends it to a chat or opens it in another app. H5 gives the file to
 * the browser in a new tab, opened before the file is made so no pop-up blocker stops it.
 */
export async function openPdf(make: () => Promise<PrintFile>): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const tab = window.open('', '_blank');
    try {
      const file = await make();
      const url = new URL(file.url, window.location.href).href;
      if (tab) tab.location.href = url;
      else window.location.assign(url);
    } catch (e) {
      tab?.close();
      throw e;
    }
    return;
  }
  const file = await make();
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
  const res = await Taro.downloadFile({ url: file.url, filePath });
  if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`);
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}
