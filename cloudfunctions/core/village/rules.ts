/** The `scene` of a WeChat mini-program code holds at most 32 visible characters. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** Mobile 13812345678 → 138****5678; any other number keeps only its last 4 digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '****';
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
