// What a spreadsheet cell holds, read exactly: the import's and the account matcher's view of text and amounts.

/** Full-width digits, letters and punctuation (what a Chinese keyboard or a platform export gives) as ASCII. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** An amount cell: empty (or a dash), an exact signed amount in fen, or text that is no amount. */
export type CellAmount = { kind: 'blank' } | { kind: 'fen'; fen: number } | { kind: 'bad'; text: string };

/** 12 digits of 元 is beyond any village's books; the bound keeps the arithmetic within exact integers. */
const MAX_YUAN_DIGITS = 11;

/**
 * An amount cell as a spreadsheet holds it: a number, or text as platforms export it —
 * "1,286.50", "１２８６．５０", "¥860.00", "1,200.00元", "(50.00)" or "-50.00" for a red entry.
 * Parsed to fen by splitting the digits, never through a float multiplication.
 */
export function amountOfCell(v: string | number | null): CellAmount {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'bad', text: String(v) };
    // A number cell holds a binary float: six decimals show what was typed (0.1 + 0.2 → 0.3).
    v = v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  }
  const raw = v.trim();
  let text = halfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/[。]/g, '.')
    .replace(/^(人民币|RMB)/i, '')
    .replace(/[¥￥]/g, '')
    .replace(/元$/, '');
  if (text === '' || /^[-—–]+$/.test(text)) return { kind: 'blank' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return { kind: 'bad', text: raw };
  const digits = m[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_YUAN_DIGITS) return { kind: 'bad', text: raw };
  const fen = Number(digits) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return { kind: 'fen', fen: negative && fen !== 0 ? -fen : fen };
}

/**
 * An amount cell as a spreadsheet holds it: a number, or text like "1,234.50" or "1234.5元".
 * Parsed to fen without floating point; null when it is not a positive amount of at most two decimals.
 */
export function fenFromCell(v: string | number | null): number | null {
  const a = amountOfCell(v);
  return a.kind === 'fen' && a.fen > 0 ? a.fen : null;
}
