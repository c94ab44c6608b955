import { Text, View } from '@tarojs/components';
import Taro, { getCurrentInstance } from '@tarojs/taro';
import './index.scss';

const TAB_PAGES = ['/pages/index/index', '/pages/mine/index'];

/**
 * The mini-program shows its tab bar or a home button on every page; the H5 build shows the tab
 * bar only on the two tab pages, so a page opened from a link (a scanned code, a message) had no
 * way to 首页 or 我的. This footer is that way, on H5 pages that are not tabs.
 */
export default function H5Nav() {
  if (process.env.TARO_ENV !== 'h5') return null;
  const path = (getCurrentInstance().router?.path ?? '').split('?')[0];
  if (TAB_PAGES.includes(path)) return null;
  return (
    <View className="h5-nav" aria-label="回到首页或我的">
      <Text className="h5-nav__link" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
        首页
      </Text>
      <Text className="h5-nav__link" onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
        我的
      </Text>
    </View>
  );
}
