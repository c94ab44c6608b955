import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

declare const CLOUD_ENV: string;

if (process.env.TARO_ENV === 'weapp') {
  // `cloud: true` is not in Taro 4's AppConfig type; init here instead.
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
