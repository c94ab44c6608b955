/** The `scene` of a WeChat mini-program code holds at most 32 visible characters. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

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
