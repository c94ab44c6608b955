import Taro from '@tarojs/taro';

/**
 * One question before a step that cannot be undone (publish, sign, co-sign, close a month),
 * saying what cannot be undone. Resolves true only on an explicit yes. The buttons' words are at
 * most four characters: WeChat (and Taro's H5 dialog) refuse longer ones and show nothing.
 * The way out says 再想想 unless the page words it.
 */
export async function confirmFirst(o: { title: string; content: string; confirmText: string; cancelText?: string }): Promise<boolean> {
  const answer = await Taro.showModal({ cancelText: '再想想', ...o }).catch(() => null);
  return !!answer?.confirm;
}
