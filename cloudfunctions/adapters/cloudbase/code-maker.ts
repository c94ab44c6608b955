import type tcb from '@cloudbase/node-sdk';
import { CODE_PAGES, type CodeMaker, type CodePage } from '../../ports/code-maker';

type App = ReturnType<typeof tcb.init>;

/**
 * wxacode.getUnlimited. The image comes back only through callCompatibleWxOpenApi (the SDK's
 * raw call: bytes, or JSON when WeChat refuses); callWxOpenApi would JSON-parse the answer.
 */
export class WeChatCodeMaker implements CodeMaker {
  constructor(private readonly app: App) {}

  async png(scene: string, page: CodePage = 'village'): Promise<Buffer> {
    const out = (await this.app.callCompatibleWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      requestData: Buffer.from(JSON.stringify({ scene, page: CODE_PAGES[page], check_path: false, width: 600 })),
    })) as unknown;
    if (Buffer.isBuffer(out) && out.subarray(0, 4).equals(PNG_MAGIC)) return out;
    const text = Buffer.isBuffer(out) ? out.toString('utf8') : JSON.stringify(out);
    throw new Error(`wxacode.getUnlimited failed: ${text.slice(0, 200)}`);
  }
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
