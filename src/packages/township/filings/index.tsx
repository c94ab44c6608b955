import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import NoticeReminders from '../../../components/NoticeReminders';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { identityApi } from '../../../services/identity';
import { mattersApi } from '../../../services/matters';
import FilingCard from './FilingCard';
import './index.scss';

/**
 * 筹资筹劳审核备案: plans the villages passed, waiting for the township. Nothing is published
 * or raised until the 镇管理员 files it; a return ends the matter with the reason.
 */
export default function FilingsPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const list = useRequest(townshipId ? `filings:${townshipId}:${version}` : null, () => mattersApi.filings(townshipId));
  const who = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = who.data?.township.some((t) => t.townshipId === townshipId && t.can.includes('matters.file')) ?? false;
  const matters = list.data?.matters ?? [];
  const missing = townshipId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个镇，请从“我的”页面进入。' };
  const error = missing ?? (list.data ? null : list.error) ?? null;

  function done() {
    setOpened(null);
    setVersion((v) => v + 1);
  }

  return (
    <View className="page filings">
      <NoticeReminders />
      <PageShell
        loading={!error && !list.data}
        error={error}
        onRetry={list.reload}
        empty={!!list.data && matters.length === 0}
        emptyTitle="没有等待审核的筹资筹劳方案"
        emptyDescription="村里表决通过的筹资筹劳方案会出现在这里。"
      >
        <Text className="filings__intro">
          以下方案已经村民会议或村民代表会议表决通过，等待镇里审核备案。请核对筹资标准、减免对象和表决结果；备案后村里才能公开决议。
        </Text>
        <View role="list" aria-label="等待审核的方案">
          {matters.map((f) => (
            <FilingCard
              key={f.id}
              f={f}
              expanded={opened === f.id}
              canFile={who.data ? isAdmin : null}
              onToggle={() => setOpened((o) => (o === f.id ? null : f.id))}
              onDone={done}
            />
          ))}
        </View>
      </PageShell>
    </View>
  );
}
