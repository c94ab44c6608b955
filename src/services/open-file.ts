import Taro from '@tarojs/taro';
import type { Attachment } from '../../types/disclosure';

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
