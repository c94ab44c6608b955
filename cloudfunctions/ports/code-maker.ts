/**
 * The picture villagers scan (一村一码): the mini-program code in production (wxacode.getUnlimited,
 * `scene` ≤ 32 characters, opening pages/village/index), locally a QR code of the H5 address.
 */
export interface CodeMaker {
  png(scene: string): Promise<Buffer>;
}
