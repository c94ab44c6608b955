import Taro from '@tarojs/taro';

const LAST_VILLAGE = 'lastVillageId';

/** The village last opened by code, so 首页 can open it straight away next time. */
export function rememberVillage(villageId: string): void {
  Taro.setStorageSync(LAST_VILLAGE, villageId);
}

export function lastVillage(): string | null {
  const v = Taro.getStorageSync(LAST_VILLAGE);
  return typeof v === 'string' && v ? v : null;
}

export function forgetVillage(): void {
  Taro.removeStorageSync(LAST_VILLAGE);
}
