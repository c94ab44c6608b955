// Reading numbers back out of Chinese text, Arabic (12.35万, 1,024) and Chinese (第三, 一万二千三百):
// how the checks find every number a 明白账 says, to recompute each. No converter on the registry
// we may use is kept up (cn2an is Python's); this one covers what village texts write.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** 一万二千三百四十五 → 12345, 十二 → 12, 二〇二六 → 2026 (read digit by digit), 三 → 3. Null when not a numeral. */
export function chineseToNumber(text: string): number | null {
  if (!text || [...text].some((c) => !(c in DIGITS || c in SMALL || c in LARGE))) return null;
  // Digits only (二〇二六): a year or a code, read one by one.
  if ([...text].every((c) => c in DIGITS) && text.length > 1) return Number([...text].map((c) => DIGITS[c]).join(''));
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in SMALL) {
      section += (digit || 1) * SMALL[c];
      digit = 0;
    } else if (c === '万') {
      wan += (section + digit || 1) * LARGE[c];
      section = 0;
      digit = 0;
    } else {
      yi = (yi + wan + section + digit || 1) * LARGE[c];
      wan = 0;
      section = 0;
      digit = 0;
    }
  }
  return yi + wan + section + digit;
}

export interface FoundNumber {
  /** Where it starts in the text. */
  at: number;
  /** The characters read, e.g. 12.35万, 第三 is read as 三. */
  text: string;
  value: number;
}

const ARABIC = /\d[\d,]*(?:\.\d+)?[万亿]?/g;
const CHINESE = /[零〇一二两三四五六七八九十百千万亿]+/g;

/** Every number in a text, Arabic or Chinese, in order: 12.35万 reads 123500, 1,024 reads 1024. */
export function numbersIn(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  const taken = new Set<number>();
  for (const m of text.matchAll(ARABIC)) {
    const raw = m[0];
    const unit = raw.endsWith('万') ? 10_000 : raw.endsWith('亿') ? 100_000_000 : 1;
    const value = Math.round(Number(raw.replace(/[,万亿]/g, '')) * unit * 100) / 100;
    found.push({ at: m.index ?? 0, text: raw, value });
    for (let i = 0; i < raw.length; i++) taken.add((m.index ?? 0) + i);
  }
  for (const m of text.matchAll(CHINESE)) {
    const at = m.index ?? 0;
    if (taken.has(at)) continue;
    const value = chineseToNumber(m[0]);
    if (value !== null) found.push({ at, text: m[0], value });
  }
  return found.sort((a, b) => a.at - b.at);
}
