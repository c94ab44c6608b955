import Taro from '@tarojs/taro';

/**
 * One question before a step that cannot be undone (publish, sign, co-sign, close a month),
 * saying what cannot be undone. Resolves true only on an explicit yes. The buttons' words are at
 * most four characters: WeChat (and Taro's H5 dialog) refuse longer ones and show nothing.
 */
export async function confirmFirst(o: { title: string; content: string; confirmText: string }): Promise<boolean> {
  const answer = await Taro.showModal({ ...o, cancelText: '再想想' }).catch(() => null);
  return !!answer?.confirm;
}
