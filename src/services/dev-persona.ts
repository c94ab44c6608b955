import Taro from '@tarojs/taro';

/**
 * Dev personas exist only in the local H5 build: the local host reads this header in place of
 * the OPENID the platform injects. The weapp build never sends it (and CloudBase ignores it).
 */
const KEY = 'devPersonaId';

export interface PersonaOption {
  id: string;
  label: string;
  villageId: string | null;
}

export function devPersona(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  const v = Taro.getStorageSync(KEY);
  return typeof v === 'string' && v ? v : null;
}

export function setDevPersona(id: string | null): void {
  if (id) Taro.setStorageSync(KEY, id);
  else Taro.removeStorageSync(KEY);
}

export function devPersonaHeader(): Record<string, string> {
  const id = devPersona();
  return id ? { 'x-dev-persona': id } : {};
}

export async function listDevPersonas(): Promise<PersonaOption[]> {
  const res = await fetch('/dev/personas');
  const body = (await res.json()) as { ok: boolean; data?: PersonaOption[] };
  return body.ok && body.data ? body.data : [];
}
