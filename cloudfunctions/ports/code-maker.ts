/**
 * The pictures villagers scan: the mini-program code in production (wxacode.getUnlimited,
 * `scene` ≤ 32 characters), locally a QR code of the H5 address. `village` is 一村一码 (opening
 * pages/village/index); `check` opens 校验 at a head of the village's history printed on the
 * notice board (packages/board/check/index).
 */
export type CodePage = 'village' | 'check';

export const CODE_PAGES: Record<CodePage, string> = {
  village: 'pages/village/index',
  check: 'packages/board/check/index',
};

export interface CodeMaker {
  png(scene: string, page?: CodePage): Promise<Buffer>;
}
