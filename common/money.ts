/**
 * Money as both sides write it. Amounts travel and are stored as integer fen; this is the one
 * place that turns fen into the 元 people read, without floating point.
 */

/** 10 亿元: the most any single amount may be, on the app's inputs and in the functions' schemas. */
export const MAX_FEN = 100_000_000_000;

/** Fen to 元 for display: 123450 → "1,234.50", -5 → "-0.05". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen to 元 for a spreadsheet cell or a table column, where separators get in a parser's way: 128650 → "1286.50". */
export function formatFenPlain(fen: number): string {
  return formatFen(fen).replace(/,/g, '');
}
