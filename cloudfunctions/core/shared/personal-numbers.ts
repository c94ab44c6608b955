/**
 * Personal numbers that must never be published in full: resident ID numbers (18 digits, or the
 * old 15) and mobile numbers, written with ASCII or full-width digits (a Chinese keyboard gives
 * either), mobile numbers also with spaces or dashes between the groups. Masked forms keep what
 * tells neighbours apart without what identifies a person: an ID keeps its region and last four
 * (371603********1138, the birth date hidden), a mobile its first three and last four.
 */
export type PersonalKind = '身份证号' | '手机号';

export interface PersonalNumber {
  kind: PersonalKind;
  /** As written in the text. */
  found: string;
  masked: string;
}

/** Full-width digits and X to ASCII, one character for one: positions stay where they were. */
function ascii(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[Ｘｘ]/g, 'X');
}

const DATE = '(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const ID18 = new RegExp(`(?<![0-9Xx])[1-9]\\d{5}${DATE}\\d{3}[0-9Xx](?![0-9Xx])`, 'g');
const ID15 = /(?<![0-9Xx])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9Xx])/g;
const MOBILE = /(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;

function maskOf(kind: PersonalKind, digits: string): string {
  if (kind === '手机号') return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length === 18 ? `${digits.slice(0, 6)}********${digits.slice(-4)}` : `${digits.slice(0, 6)}******${digits.slice(-3)}`;
}

/** Every personal number in `text`, in order, with its place (start, end) in the text. */
function scan(text: string): (PersonalNumber & { start: number; end: number })[] {
  const plain = ascii(text);
  const out: (PersonalNumber & { start: number; end: number })[] = [];
  const taken = (s: number, e: number) => out.some((o) => s < o.end && e > o.start);
  for (const [kind, re] of [
    ['身份证号', ID18],
    ['身份证号', ID15],
    ['手机号', MOBILE],
  ] as const) {
    for (const m of plain.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const digits = m[0].replace(/[ -]/g, '').toUpperCase();
      out.push({ kind, found: text.slice(start, end), masked: maskOf(kind, digits), start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function findPersonalNumbers(text: string): PersonalNumber[] {
  return scan(text).map(({ kind, found, masked }) => ({ kind, found, masked }));
}

/** The text with every personal number masked. */
export function maskPersonalNumbers(text: string): string {
  let out = '';
  let at = 0;
  for (const n of scan(text)) {
    out += text.slice(at, n.start) + n.masked;
    at = n.end;
  }
  return out + text.slice(at);
}

/** Where personal numbers were found, in words: “第 2 段”, “表格“补贴名单”第 3 行“身份证号”列”. */
export interface PersonalPlace {
  where: string;
  kind: PersonalKind;
}

/** A short sentence naming the places (the first three, and how many more). */
export function placesText(places: PersonalPlace[]): string {
  const named = places.slice(0, 3).map((p) => `${p.where}有${p.kind}`);
  return `${named.join('，')}${places.length > 3 ? `，另有 ${places.length - 3} 处` : ''}`;
}

/**
 * The 监委会's 监督电话 as the poster prints it, whole and grouped for reading aloud: a mobile
 * 13812345678 → 138 1234 5678; any other number (an office line, 0543-1234567) as registered.
 * Printed whole because a villager without a smartphone cannot tap to call: the number is
 * registered for the village to call the 监委会, and `supervisorPhone` gives it to anyone already.
 */
export function hotlineText(phone: string | null | undefined): string | null {
  const p = phone?.trim();
  if (!p) return null;
  const digits = p.replace(/\D/g, '');
  return /^1\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : p;
}

/** Mobile 13812345678 → 138****5678; any other number keeps only its last 4 digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '****';
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
