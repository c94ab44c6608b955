import type { ContentCheck } from '../../ports/content-check';

/**
 * Locally there is no WeChat to ask, so a short list stands in: abuse and the usual spam. It is
 * deliberately small; a complaint about a cadre must not be blocked for naming what went wrong.
 */
const BLOCKED = ['傻逼', '操你', '去死', '加微信', '代开发票', '刷单', '博彩', '裸聊'];

export class KeywordCheck implements ContentCheck {
  constructor(private readonly words: readonly string[] = BLOCKED) {}

  async check(text: string): Promise<string | null> {
    const compact = text.replace(/\s/g, '');
    const hit = this.words.find((w) => compact.includes(w));
    return hit ? '内容里有不文明用语或广告，请修改后再提交。' : null;
  }
}
