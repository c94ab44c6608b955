import { MAX_FEN } from '../../common/money';

// One formatter for both sides, so an amount reads the same on the page and in a printed PDF.
export { formatFen } from '../../common/money';

export type ParsedYuan = { ok: true; fen: number } | { ok: false; message: string };

/**
 * What a cadre typed in 元 to integer fen, by splitting the digits rather than multiplying a
 * float (1234.5 × 100 is not always 123450 in floating point). Accepts thousands separators
 * and full-width digits from a Chinese keyboard; rejects anything that is not exact to the fen.
 */
export function parseYuan(input: string): ParsedYuan {
  const text = input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/，/g, ',')
    .replace(/\s+/g, '')
    .replace(/元$/, '');
  if (text === '') return { ok: false, message: '请填写金额。' };
  if (text.startsWith('-')) return { ok: false, message: '金额不能是负数。' };
  const m = /^(\d[\d,]*)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, message: '金额只能填数字，例如 1234.50。' };
  const [, whole, decimals = ''] = m;
  if (whole.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(whole)) {
    return { ok: false, message: '金额里的逗号位置不对，可以不写逗号，例如 1234.50。' };
  }
  if (decimals.length > 2) return { ok: false, message: '金额最多精确到分（小数点后两位）。' };
  const digits = whole.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  // Longer than 10 digits of 元 is over the limit, and checking the length first keeps the
  // arithmetic below within exact integers.
  if (digits.length > 10) return { ok: false, message: '金额不能超过 10 亿元。' };
  const fen = Number(digits) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, message: '金额不能超过 10 亿元。' };
  return { ok: true, fen };
}
