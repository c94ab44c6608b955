/**
 * Text as it should be read aloud (听): numbers, amounts, dates and percentages in Chinese words,
 * personal numbers never read out. Speech engines guess at "12,345.60" or "2026-10-07" (digit by
 * digit, or in English), and an elder listening cannot look back at the screen to check.
 *
 * Pure and dependency-free: the app carries it in its main package, so it stays small. Rules run
 * in order over the text; each turns digits into words, so a later rule never sees what an earlier
 * one produced.
 *
 * 二 or 两: 二 everywhere, except a number that starts with 2 before 千, 万 or 亿 (两千, 两万二千,
 * 两亿), as a number is said aloud; 二百, 二十, 十二 and 二元 keep 二, which is how amounts are read
 * on the radio and at a meeting, and what a speech engine pronounces without hesitation.
 */

const DIGITS = '零一二三四五六七八九';
const SMALL = ['', '十', '百', '千'];
const LARGE = ['', '万', '亿', '万亿'];

/** 0–9999 without leading 零; zeros inside become one 零 (一千零五). */
function section(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i -= 1) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) zero = out !== '';
    else {
      out += (zero ? '零' : '') + DIGITS[d] + SMALL[i];
      zero = false;
    }
  }
  return out;
}

/** A whole number (as digits, any length up to 万亿) in words: 10005 → 一万零五, 10 → 十, 2000 → 两千. */
export function integerWords(digits: string): string {
  const n = digits.replace(/^0+(?=\d)/, '');
  if (/^0*$/.test(n)) return '零';
  if (n.length > 16) return digitByDigit(n);
  const groups: number[] = [];
  for (let end = n.length; end > 0; end -= 4) groups.unshift(Number(n.slice(Math.max(0, end - 4), end)));
  let out = '';
  let gap = false;
  groups.forEach((g, i) => {
    if (g === 0) {
      gap = out !== '';
      return;
    }
    // 一万零五十, 一亿零三万: a group after a gap, or without its thousands, is said after 零.
    if (out !== '' && (gap || g < 1000)) out += '零';
    out += section(g) + LARGE[groups.length - 1 - i];
    gap = false;
  });
  return out.replace(/^一十/, '十').replace(/^二(?=[千万亿])/, '两');
}

/** Digits one by one (a year, a phone number, a code): 2026 → 二〇二六 when `year`. */
export function digitByDigit(digits: string, year = false): string {
  return digits.replace(/\d/g, (d) => (year && d === '0' ? '〇' : DIGITS[Number(d)]));
}

/** A decimal as read: 3.5 → 三点五, 0.05 → 零点零五. */
function decimalWords(n: string): string {
  const [whole, frac] = n.replace(/,/g, '').split('.');
  return integerWords(whole) + (frac ? `点${digitByDigit(frac)}` : '');
}

/** 元 as spoken: 12345.60 → 一万二千三百四十五元六角, 12.05 → 十二元零五分, 0.05 → 五分. */
export function yuanWords(amount: string): string {
  const plain = amount.replace(/,/g, '');
  const negative = plain.startsWith('-');
  const [whole, frac = ''] = plain.replace(/^-/, '').split('.');
  if (frac.length > 2) return `${negative ? '负' : ''}${decimalWords(plain.replace(/^-/, ''))}元`;
  const jiao = Number(frac[0] ?? 0);
  const fen = Number(frac[1] ?? 0);
  const yuan = Number(whole) > 0 || (jiao === 0 && fen === 0) ? `${integerWords(whole)}元` : '';
  const small = (jiao ? `${DIGITS[jiao]}角` : fen && yuan ? '零' : '') + (fen ? `${DIGITS[fen]}分` : '');
  return (negative ? '负' : '') + yuan + small;
}

/** 1.2 (万) → 12000: a 万元 amount said in 元, exactly, from its digits. */
function timesTenThousand(n: string): string {
  const [whole, frac = ''] = n.replace(/,/g, '').split('.');
  const padded = frac.padEnd(4, '0');
  const yuan = `${whole}${padded.slice(0, 4)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(4).replace(/0+$/, '');
  return rest ? `${yuan}.${rest}` : yuan;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MONTH_DAY = (m: string, d?: string) => `${integerWords(m)}月${d ? `${integerWords(d)}日` : ''}`;
const YEAR = (y: string) => `${digitByDigit(y, true)}年`;

/** How many characters a masked number has tells what it is: 18 or 15 an ID card, 11 a mobile phone. */
function hidden(masked: string): string {
  if (masked.length === 18 || masked.length === 15) return '身份证号已隐藏';
  return masked.length === 11 ? '手机号已隐藏' : '号码已隐藏';
}

/** A number to call, said in its groups with a pause between: 138 1234 5678 → 一三八，一二三四，五六七八. */
const groups = (...parts: string[]) => parts.map((p) => digitByDigit(p)).join('，');

/**
 * Each rule: a pattern, and what to say for a match. A match that continues a number on its left
 * (a digit, or a decimal point or separator before it) is left for a later rule that sees the whole.
 */
type Rule = [RegExp, (m: string[], before: string, after: string) => string];

const RULES: Rule[] = [
  // Personal numbers first, so no later rule reads part of one.
  [/\d{1,6}\*{3,}[\dXx]{1,5}(?![\dXx])/g, (m) => hidden(m[0])],
  [/(?:\d{17}[\dXx]|\d{15})(?![\dXx])/g, () => '身份证号已隐藏'],
  // Numbers to call: a mobile (138 1234 5678), a landline with its area code (0543-1234567), and a
  // short line after 电话/热线/拨打 (12345, 110), which would otherwise be read as an amount.
  [/(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g, (m) => groups(m[1], m[2], m[3])],
  [/(0\d{2,3})[-－ ](\d{7,8})(?!\d)/g, (m) => groups(m[1], m[2])],
  [/(电话|热线|拨打|致电)([：: ]*)(\d{3,8})(?!\d)/g, (m) => m[1] + m[2] + digitByDigit(m[3])],
  // Dates and times.
  [/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/g, (m) => YEAR(m[1]) + MONTH_DAY(m[2], m[3])],
  [/(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/g, (m) => YEAR(m[1]) + MONTH_DAY(m[2], m[3])],
  [/(\d{4})-(0[1-9]|1[0-2])(?![\d-])/g, (m) => YEAR(m[1]) + MONTH_DAY(m[2])],
  [/(\d{4})Q([1-4])(?!\d)/g, (m) => `${YEAR(m[1])}第${DIGITS[Number(m[2])]}季度`],
  [/(\d{4})(\s*)(年|级)/g, (m) => digitByDigit(m[1], true) + m[3]],
  [/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, (m) => MONTH_DAY(m[1], m[2])],
  [
    /([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?!\d)/g,
    (m) => `${integerWords(m[1])}点${m[2] === '00' ? '' : `${m[2][0] === '0' ? '零' : ''}${integerWords(m[2])}分`}`,
  ],
  // Percentages and amounts.
  [new RegExp(String.raw`([-−]?)(${NUM})\s*[%％]`, 'g'), (m) => `${m[1] ? '负' : ''}百分之${decimalWords(m[2])}`],
  [new RegExp(String.raw`([-−]?)[¥￥]\s*([-−]?)(${NUM})(?:\s*元)?`, 'g'), (m) => yuanWords(`${m[1] || m[2] ? '-' : ''}${m[3]}`)],
  [new RegExp(String.raw`([-−]?)(${NUM})\s*万元`, 'g'), (m) => yuanWords(`${m[1] ? '-' : ''}${timesTenThousand(m[2])}`)],
  [new RegExp(String.raw`([-−]?)(${NUM})\s*元`, 'g'), (m) => yuanWords(`${m[1] ? '-' : ''}${m[2]}`)],
  // What is left: codes (a leading 0, letters beside it, nine digits or more) digit by digit,
  // other numbers as numbers.
  [
    new RegExp(`([-−]?)(${NUM})`, 'g'),
    (m, before, after) => {
      const raw = m[2];
      if (/[A-Za-z]/.test(before + after) || (/^0\d/.test(raw) && !raw.includes('.')) || /^\d{9,}$/.test(raw)) return m[1] + digitByDigit(raw);
      return (m[1] ? '负' : '') + decimalWords(raw);
    },
  ],
  [/\d+/g, (m) => digitByDigit(m[0])],
];

function apply(text: string, rule: Rule): string {
  const [pattern, say] = rule;
  return text.replace(pattern, (...args: unknown[]) => {
    const whole = args[args.length - 1] as string;
    const at = args[args.length - 2] as number;
    const m = args.slice(0, -2).map((a) => (typeof a === 'string' ? a : '')) as string[];
    const before = whole[at - 1] ?? '';
    // A minus sign only after a space, punctuation or the start: "2026-10" is not "minus 10".
    if (/[-−]/.test(m[0][0] ?? '') && /[\dA-Za-z]/.test(before)) return m[0][0] + apply(m[0].slice(1), rule);
    // Inside a longer number (a digit or a decimal point before it, or 1,2 as one number) it is
    // not this rule's to read; the last rule, digit by digit, takes whatever is left.
    const inside = /[\d.]/.test(before) || (before === ',' && /\d/.test(whole[at - 2] ?? ''));
    if (inside && pattern.source !== '\\d+') return m[0];
    return say(m, before, whole[at + m[0].length] ?? '');
  });
}

/** Marks that mean something on screen and nothing (or something else) aloud. */
const MARKS: [RegExp, string][] = [
  [/[›★]/g, ''],
  [/⚠\s*/g, '注意：'],
  [/\s*·\s*/g, '，'],
  [/…+/g, '。'],
  [/\s*[—–]{1,2}\s*/g, '，'],
  [/\s+/g, ' '],
];

/** Text as it should be read aloud: amounts, dates, percentages in words; ID and phone numbers hidden. */
export function speakable(text: string): string {
  const words = RULES.reduce(apply, text);
  return (
    MARKS.reduce((t, [re, to]) => t.replace(re, to), words)
      .replace(/ ?([，。；：、！？）])/g, '$1')
      .replace(/([，；：、（]) /g, '$1')
      // "第 3 版" is spaced for the eye; read aloud, a space between words is a stumble.
      .replace(/([\u4e00-\u9fff〇]) (?=[\u4e00-\u9fff〇])/g, '$1')
      .trim()
  );
}

/** 1 → 一, 11 → 十一: the 第N of a row. */
const ordinal = (n: number) => integerWords(String(n));

/** A column whose name says its amounts are 元 (金额（元）) reads them as money, and is named without the unit. */
const YUAN_COLUMN = /\s*[（(]\s*(?:万?元)\s*[)）]\s*$/;

/**
 * One row's values, each with its column's name: 姓名，张三；金额，一千元. Empty cells are skipped,
 * not read as silence. A 元 column reads its bare numbers as money.
 */
export function speakCells(headers: string[], row: string[]): string {
  const cells = row.flatMap((cell, c) => {
    const value = cell.trim();
    if (!value) return [];
    const header = headers[c] ?? '';
    const unit = header.match(YUAN_COLUMN)?.[0];
    const name = unit ? header.replace(YUAN_COLUMN, '') : header;
    const money = unit && new RegExp(`^-?(?:${NUM})$`).test(value) ? `${value}${unit.includes('万') ? '万元' : '元'}` : value;
    return [`${speakable(name)}，${speakable(money)}`];
  });
  return cells.join('；');
}

/** A table read row by row, each value with its column's name: 第一行：姓名，张三；金额，一千元。 */
export function speakTable(headers: string[], rows: string[][]): string {
  return rows.map((row, r) => `第${ordinal(r + 1)}行：${speakCells(headers, row)}。`).join('');
}
