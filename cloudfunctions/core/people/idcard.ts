import { createHmac } from 'node:crypto';
import { calendarDayOf } from '../shared/time';

/**
 * Resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women), and a check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export interface ParsedId {
  /** The 18-character number: upper-cased, spaces removed, a 15-digit number upgraded. */
  normalized: string;
  birthDate: string;
  gender: '男' | '女';
  /** Set when the number was written in the old 15-digit form and upgraded to 18. */
  converted15?: true;
}

export type IdProblem = 'format' | 'birthDate' | 'checkDigit';

export const ID_PROBLEM_MESSAGES: Record<IdProblem, string> = {
  format: '身份证号应为 18 位（最后一位可以是 X），老身份证也可以写 15 位',
  birthDate: '身份证号中的出生日期不存在',
  checkDigit: '身份证号校验位不对，请核对是否抄错',
};

/**
 * What a person or a spreadsheet typed, as the characters it stands for: full-width digits and
 * letters (a Chinese input method in full-width mode), spaces anywhere (written in groups of
 * four or six), zero-width characters pasted from a chat, a lower-case x.
 */
export function normalizeIdText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')
    .toUpperCase();
}

/**
 * A 15-digit number (issued before 1999: 2-digit birth year, no check character) in its 18-digit
 * form, by GB 11643's rule: "19" goes in front of the birth year and the check character is
 * computed. Every 15-digit number belongs to someone born in the 1900s.
 */
export function upgrade15(digits15: string): string {
  const first17 = `${digits15.slice(0, 6)}19${digits15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** Why a number is refused, saying how many characters were found when the length is wrong. */
export function idProblemMessage(problem: IdProblem, raw: string): string {
  if (problem !== 'format') return ID_PROBLEM_MESSAGES[problem];
  const text = normalizeIdText(raw);
  if (/^[\dX]+$/.test(text) && text.length !== 18 && text.length !== 15) {
    return `身份证号有 ${text.length} 位，应为 18 位（老身份证 15 位），请核对是否漏写或多写`;
  }
  return ID_PROBLEM_MESSAGES.format;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseIdNumber(raw: string): ParsedId | IdProblem {
  const text = normalizeIdText(raw);
  const converted15 = /^\d{15}$/.test(text);
  const normalized = converted15 ? upgrade15(text) : text;
  if (!/^\d{17}[\dX]$/.test(normalized)) return 'format';
  const y = Number(normalized.slice(6, 10));
  const m = Number(normalized.slice(10, 12));
  const d = Number(normalized.slice(12, 14));
  if (y < 1900 || !validDate(y, m, d)) return 'birthDate';
  if (checkCharacter(normalized.slice(0, 17)) !== normalized[17]) return 'checkDigit';
  return {
    normalized,
    birthDate: `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`,
    gender: Number(normalized[16]) % 2 === 1 ? '男' : '女',
    ...(converted15 ? { converted15: true as const } : {}),
  };
}

/** 370321199001011234 → 3703**********1234: enough to recognise, never enough to use. */
export function maskIdNumber(normalized: string): string {
  return `${normalized.slice(0, 4)}${'*'.repeat(10)}${normalized.slice(14)}`;
}

/**
 * The only form in which an ID number is stored: a keyed hash, so a copied database does not
 * reveal IDs and cannot be matched against a list of them without the key.
 */
export function hashIdNumber(key: string, normalized: string): string {
  return createHmac('sha256', key).update(`id:${normalized}`).digest('hex');
}

/** The day someone turns 18 (a 29 February birthday counts from 1 March in common years). */
export function adultOn(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const date = new Date(Date.UTC(y + 18, m - 1, d));
  if (date.getUTCMonth() !== m - 1) {
    date.setUTCDate(0);
    date.setUTCDate(date.getUTCDate() + 1);
  }
  return calendarDayOf(date);
}

export function isAdult(birthDate: string, today: string): boolean {
  return adultOn(birthDate) <= today;
}
