import type tcb from '@cloudbase/node-sdk';
import { CODE_PAGES, type CodeMaker, type CodePage } from '../../ports/code-maker';

type App = ReturnType<typeof tcb.init>;

/** wxacode.getUnlimited through the cloud's open-API call: an image, or a JSON error. */
export class WeChatCodeMaker implements CodeMaker {
  constructor(private readonly app: App) {}

  async png(scene: string, page: CodePage = 'village'): Promise<Buffer> {
    const res = await this.app.callWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      requestData: { scene, page: CODE_PAGES[page], check_path: false, width: 600 },
    });
    const out = res.result as unknown;
    if (Buffer.isBuffer(out)) return out;
    if (typeof out === 'string' && !out.startsWith('{')) return Buffer.from(out, 'binary');
    throw new Error(`wxacode.getUnlimited failed: ${typeof out === 'string' ? out : JSON.stringify(out)}`);
  }
}
