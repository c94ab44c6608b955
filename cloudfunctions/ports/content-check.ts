/**
 * Text villagers write (questions, reports, suggestions) is checked before it is stored:
 * WeChat's msgSecCheck in production, a small keyword list locally.
 */
export interface ContentCheck {
  /** `null` when the text may be stored; otherwise why not, in words for the writer. */
  check(text: string, openid: string | null): Promise<string | null>;
}
