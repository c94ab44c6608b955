import { chinaDay } from '../shared/time';

// Printed amounts read exactly as the app shows them.
export { formatFen } from '../../../common/money';

/** A moment as the app's dateText shows it, in Beijing time: 2026年11月23日. */
export function dateText(at: string | Date): string {
  const [y, m, d] = chinaDay(typeof at === 'string' ? new Date(at) : at)
    .split('-')
    .map(Number);
  return `${y}年${m}月${d}日`;
}

/** 1a2b3c4d5e6f7a8b → 1a2b 3c4d 5e6f 7a8b, as HeadStamp prints it: easier to read out and compare. */
export const grouped = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;
