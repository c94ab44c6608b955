/** Fen (integer) to 元 for display, without floating point: 123450 → "1,234.50". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

export type ParsedYuan = { ok: true; fen: number } | { ok: false; message: string };

/** 10 亿元: the most the disclosure service accepts for one item. */
const MAX_FEN = 100_000_000_000;

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
