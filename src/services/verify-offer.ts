import Taro from '@tarojs/taro';

/**
 * Something only a verified villager may do was tapped by someone not yet verified: rather than a
 * toast that names 认证 and vanishes, ask once whether to go there now. The page still shows why
 * the action did not go through.
 */
export function offerVerification(villageId?: string): void {
  Taro.showModal({
    title: '需要先认证村民身份',
    content: '认证只要填姓名和身份证号，和村里的花名册对上就行。认证以后再回来办。',
    confirmText: '去认证',
    cancelText: '先不了',
  })
    .then((r) => {
      if (r.confirm) Taro.navigateTo({ url: `/pages/verify/index${villageId ? `?villageId=${encodeURIComponent(villageId)}` : ''}` });
    })
    .catch(() => undefined);
}
