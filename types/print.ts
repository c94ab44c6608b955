/** A PDF made for printing (海报, 公开栏, 收支明细): where to open it, and the name to save it as. */
export interface PrintFile {
  /** Opens the file: a temporary address on cloud storage, a path on the local host. */
  url: string;
  /** e.g. 杨家村一村一码海报.pdf */
  fileName: string;
}
