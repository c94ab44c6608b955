/**
 * Business dates are China time (UTC+8, no daylight saving) whatever zone the phone is in.
 * Kept tiny on purpose: the main package carries no date library.
 */
function inChina(d: Date): Date {
  return new Date(d.getTime() + 8 * 3600 * 1000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** e.g. 2026Q4 */
export function currentQuarterKey(now = new Date()): string {
  const cn = inChina(now);
  return `${cn.getUTCFullYear()}Q${Math.floor(cn.getUTCMonth() / 3) + 1}`;
}

/** The quarter being reported now (the one that ended last), e.g. 2026Q3 in November 2026. */
export function previousQuarterKey(now = new Date()): string {
  const cn = inChina(now);
  const q = Math.floor(cn.getUTCMonth() / 3) + 1;
  return q === 1 ? `${cn.getUTCFullYear() - 1}Q4` : `${cn.getUTCFullYear()}Q${q - 1}`;
}

/** e.g. 2026-11-23 10:05 */
export function formatChinaTime(iso: string): string {
  const cn = inChina(new Date(iso));
  return `${cn.getUTCFullYear()}-${pad(cn.getUTCMonth() + 1)}-${pad(cn.getUTCDate())} ${pad(cn.getUTCHours())}:${pad(cn.getUTCMinutes())}`;
}
