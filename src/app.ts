import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

declare const CLOUD_ENV: string;

if (process.env.TARO_ENV === 'weapp') {
  // `cloud: true` is not in Taro 4's AppConfig type; init here instead.
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
}

if (process.env.TARO_ENV === 'h5' && typeof MutationObserver !== 'undefined') {
  // In the browser each page is its own scrolling box; keyboard and switch users can only
  // scroll a box that takes focus. The mini-program scrolls the page itself.
  let queued = false;
  const focusable = () => {
    queued = false;
    document.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => {
      el.setAttribute('tabindex', '0');
    });
  };
  // At most once a frame, however many nodes a page adds.
  new MutationObserver(() => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(focusable);
    }
  }).observe(document.body, { childList: true, subtree: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
