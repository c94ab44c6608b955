import { Text, View } from '@tarojs/components';
import Listen from '../../components/Listen';
import { sentences } from '../../components/Listen/say';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { mattersApi } from '../../services/matters';
import MatterCard from './MatterCard';
import ProposeCard from './ProposeCard';

/** The village's matters, newest first, with the way to propose one above them. */
export default function MatterList({ villageId, shown }: { villageId: string; shown: number }) {
  const list = useRequest(`matters:${villageId}:${shown}`, () => mattersApi.list(villageId));
  const matters = [...(list.data?.matters ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <View>
      {/* Outside the shell: with no matters yet, proposing the first one is the point. */}
      {list.data && (
        <View>
          <Listen
            read={() =>
              sentences([
                '一事一议：村里的大事按四议两公开办，党组织或村民联名提议、两委商议、党员大会审议、村民表决，决议和结果都要公开',
                matters.length === 0 ? '村里还没有一事一议的议题' : `议题 ${matters.length} 个`,
                ...matters.map((m) => `${m.title}${m.voting ? '，正在表决' : ''}`),
              ])
            }
            what="一事一议"
            elderOnly
          />
          <Text className="section-title" style={{ display: 'block' }}>
            一事一议：村里的大事按“四议两公开”办——党组织或村民联名提议、两委商议、党员大会审议、村民表决，决议和结果都要公开。
          </Text>
          <ProposeCard villageId={villageId} shown={shown} />
        </View>
      )}
      <PageShell
        loading={list.loading && !list.data}
        error={list.data ? null : list.error}
        onRetry={list.reload}
        empty={matters.length === 0}
        emptyTitle="村里还没有一事一议的议题"
        emptyDescription="修路、打井这类要大家出钱出力的事，要经过“四议两公开”，议题会出现在这里。"
      >
        {matters.map((m) => (
          <MatterCard key={m.id} m={m} villageId={villageId} />
        ))}
      </PageShell>
    </View>
  );
}
