import { View } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import NoticeReminders from '../NoticeReminders';
import PageShell, { deniedPage } from '../PageShell';

/**
 * A village page only some roles may use: the reminders, then the shell. Retry reads the caller's
 * standing again with the page's own reads (either may have failed), and a refusal says who may
 * use the page, with the way back in the page's own button box.
 */
export default function RolePage({
  className,
  loading,
  error,
  reads,
  deniedTitle,
  back,
  children,
}: {
  className: string;
  loading: boolean;
  error: { code?: string; message: string } | null;
  /** The caller's status and the page's requests, each read again on 重试. */
  reads: { reload: () => void }[];
  deniedTitle: string;
  back: { className: string; style?: CSSProperties };
  children?: ReactNode;
}) {
  return (
    <View className={className}>
      <NoticeReminders />
      <PageShell
        loading={loading}
        error={error}
        onRetry={() => {
          for (const r of reads) r.reload();
        }}
        renderError={deniedPage(deniedTitle, back)}
      >
        {children}
      </PageShell>
    </View>
  );
}
