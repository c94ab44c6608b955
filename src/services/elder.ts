import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

/**
 * 长辈模式: larger type and touch targets, and a village home cut down to the three things most
 * people come for. A setting of this phone, not of the person: an elder often uses a child's or a
 * neighbour's phone, and the setting should not follow an account around.
 */
const KEY = 'elderMode';

/** Storage is the one truth, so a fresh page (or a restarted app) reads what 我的 last set. */
export function elderMode(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true;
  } catch {
    // Storage can fail on a full or locked-down phone: the normal layout still works.
    return false;
  }
}

/** Pages already open (the village home under 我的) redraw at once rather than on their next show. */
const listeners = new Set<(on: boolean) => void>();

export function setElderMode(on: boolean): void {
  try {
    Taro.setStorageSync(KEY, on);
  } catch {
    // Not remembered, but still applied for this session below.
  }
  listeners.forEach((l) => {
    l(on);
  });
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(elderMode);
  useEffect(() => {
    listeners.add(setOn);
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  // A page that was hidden while storage changed (e.g. another tab of the H5 build) catches up.
  useDidShow(() => setOn(elderMode()));
  return [on, setElderMode];
}
