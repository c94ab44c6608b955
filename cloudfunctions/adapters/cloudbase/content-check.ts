import type tcb from '@cloudbase/node-sdk';
import type { ContentCheck } from '../../ports/content-check';

type App = ReturnType<typeof tcb.init>;

/**
 * security.msgSecCheck (version 2) through the cloud's open-API call. Only a `pass` is stored;
 * if WeChat cannot be asked, the text is refused rather than stored unchecked.
 */
export class WeChatContentCheck implements ContentCheck {
  constructor(private readonly app: App) {}

  async check(text: string, openid: string | null): Promise<string | null> {
    if (!openid) return '请在微信中打开阳光村务后再提交。';
    try {
      const res = await this.app.callWxOpenApi({
        apiName: '/wxa/msg_sec_check',
        requestData: { content: text, version: 2, scene: 3, openid },
      });
      const result = (res.result ?? {}) as { errcode?: number; result?: { suggest?: string } };
      if (result.errcode && result.errcode !== 0) return '内容检查暂时不可用，请稍后再试。';
      return result.result?.suggest === 'pass' ? null : '内容没有通过检查，请修改后再提交。';
    } catch {
      return '内容检查暂时不可用，请稍后再试。';
    }
  }
}
