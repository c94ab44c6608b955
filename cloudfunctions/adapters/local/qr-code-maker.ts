import QRCode from 'qrcode';
import { CODE_PAGES, type CodeMaker, type CodePage } from '../../ports/code-maker';

/** A QR code of a page on this host, as the phone's camera or WeChat would open it. */
export class QrCodeMaker implements CodeMaker {
  constructor(private readonly base: () => string) {}

  png(scene: string, page: CodePage = 'village'): Promise<Buffer> {
    const url = `${this.base()}/${CODE_PAGES[page]}?scene=${encodeURIComponent(scene)}`;
    // Error correction M and a wide margin: posters get creased and rained on. Grey without
    // alpha (pngjs colorType 0), as a printer takes it: a PDF embeds such a PNG as it is.
    return QRCode.toBuffer(url, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 4,
      width: 600,
      rendererOpts: { colorType: 0 },
    } as QRCode.QRCodeToBufferOptions);
  }
}
