import QRCode from 'qrcode';
import type { CodeMaker } from '../../ports/code-maker';

/** A QR code of the village page on this host, as the phone's camera or WeChat would open it. */
export class QrCodeMaker implements CodeMaker {
  constructor(private readonly base: () => string) {}

  png(scene: string): Promise<Buffer> {
    const url = `${this.base()}/pages/village/index?scene=${encodeURIComponent(scene)}`;
    // Error correction M and a wide margin: posters get creased and rained on.
    return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 600 });
  }
}
