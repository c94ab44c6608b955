import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { createContext, useContext, type CSSProperties, type ReactNode } from 'react';
import H5NavBar from '../H5Nav';
import StateImage from '../StateImage';
import './index.scss';

type PageError = { code?: string; message: string };

export interface PageShellProps {
  loading: boolean;
  error?: PageError | null;
  onRetry?: () => void;
  /** True when the page loaded but has nothing to show. */
  empty?: boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  /** Lets a page show its own error page for errors it understands (e.g. an invalid code). */
  renderError?: (error: PageError) => ReactNode | null;
  children?: ReactNode;
}

/** Refused for who the caller is: not signed in, or without the role the page is for. */
export const isDenied = (e: { code?: string }) => e.code === 'PERMISSION_DENIED' || e.code === 'UNAUTHENTICATED';

/**
 * `renderError` for a page only some roles may use: who may (`title`), the server's words, and
 * the way back, in the page's own button box. Any other error gets the shell's page.
 */
export function deniedPage(title: string, back: { className: string; style?: CSSProperties }) {
  return (e: PageError) =>
    isDenied(e) ? (
      <View role="alert">
        <Empty image={<StateImage kind="error" />} imageSize={80} title={title} description={e.message} />
        <View className={back.className} {...(back.style ? { style: back.style } : {})}>
          <Button size="large" block onClick={() => Taro.navigateBack()}>
            返回
          </Button>
        </View>
      </View>
    ) : null;
}

/** Set inside a shell: a shell within it (a card's own loading state) is not the page's end. */
const InShell = createContext(false);

/** 首页 · 我的 once per page, at the end of the outermost shell only. */
function H5Nav() {
  return useContext(InShell) ? null : <H5NavBar />;
}

/**
 * One shell for every page: loading (skeleton), error (with retry), empty, or the content.
 * Pages only decide which state they are in.
 */
export default function PageShell(props: PageShellProps) {
  const { loading, error, onRetry, empty, emptyTitle, emptyDescription, renderError, children } = props;

  if (loading) {
    return (
      <View className="page-shell page-shell--loading" aria-busy="true" aria-label="正在加载">
        <Skeleton rows={2} animated />
        <View className="page-shell__gap" />
        <Skeleton rows={4} animated />
      </View>
    );
  }

  if (error) {
    const custom = renderError?.(error);
    if (custom)
      return (
        <View className="page-shell">
          {custom}
          <H5Nav />
        </View>
      );
    const offline = error.code === 'UNAVAILABLE';
    return (
      <View className="page-shell page-shell--error" role="alert">
        <Empty
          image={<StateImage kind={offline ? 'network' : 'error'} />}
          imageSize={80}
          title={offline ? '网络连接失败' : '加载失败'}
          description={error.message}
        />
        {onRetry && (
          <View className="page-shell__action">
            <Button type="primary" size="large" block onClick={onRetry}>
              重试
            </Button>
          </View>
        )}
        <H5Nav />
      </View>
    );
  }

  if (empty) {
    return (
      <View className="page-shell page-shell--empty">
        <Empty image={<StateImage kind="empty" />} imageSize={80} title={emptyTitle ?? '暂无内容'} description={emptyDescription} />
        <H5Nav />
      </View>
    );
  }

  return (
    <View className="page-shell">
      <InShell.Provider value={true}>{children}</InShell.Provider>
      <H5Nav />
    </View>
  );
}
