import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MatterSummary } from '../../../../types/matters';
import { DetailPending } from '../../../components/MatterParts';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { mattersApi } from '../../../services/matters';
import { nextText, STATUS_TAG, statusText } from './helpers';
import MatterDetail from './MatterDetail';

/** One matter on the list: where it waits and what comes next; opened, the whole matter and its next step. */
export default function MatterCard({
  villageId,
  summary,
  expanded,
  version,
  onToggle,
  onDone,
}: {
  villageId: string;
  summary: MatterSummary;
  expanded: boolean;
  version: number;
  onToggle: () => void;
  onDone: () => void;
}) {
  const detail = useRequest(expanded ? `matter:${villageId}:${summary.id}:${version}` : null, () => mattersApi.get(villageId, summary.id));
  const next = nextText(summary);
  const status = statusText(summary.status, summary.voting);
  return (
    <View className="card matters__item" role="listitem" aria-label={summary.title}>
      <View
        className="matters__item-head"
        role="button"
        aria-expanded={expanded}
        aria-label={`${summary.title}，${summary.stage}阶段，${status}`}
        onClick={onToggle}
      >
        <View className="matters__item-title">
          <Text>{summary.title}</Text>
          <Text className="matters__chevron">{expanded ? '收起 ▴' : '办理 ▾'}</Text>
        </View>
        <View className="matters__tags">
          <Tag type={STATUS_TAG[summary.status]}>{summary.stage}</Tag>
          <Text className="matters__status">{status}</Text>
          {summary.funding && <Tag type="default">筹资筹劳</Tag>}
        </View>
        {next && <Text className="matter-parts__hint">{next}</Text>}
        <Text className="matter-parts__hint">{`提出于 ${formatChinaTime(summary.createdAt)}`}</Text>
      </View>
      {expanded &&
        (detail.data && detail.data.id === summary.id ? (
          <MatterDetail m={detail.data} onDone={onDone} />
        ) : (
          <DetailPending error={detail.error} onRetry={detail.reload} />
        ))}
    </View>
  );
}
