import { chinaDay } from '../shared/time';

/** Fen to 元 as the app shows it (src/services/money.ts), without floating point: 123450 → "1,234.50". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A moment as the app's dateText shows it, in Beijing time: 2026年11月23日. */
export function dateText(at: string | Date): string {
  const [y, m, d] = chinaDay(typeof at === 'string' ? new Date(at) : at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 1a2b3c4d5e6f7a8b → 1a2b 3c4d 5e6f 7a8b, as HeadStamp prints it: easier to read out and compare. */
export const grouped = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;
