import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MatterSummary } from '../../../types/matters';
import { dateText } from '../../services/china-time';
import { matterUrl } from '../../services/matters';
import { go, STATUS_TAG, STATUS_TEXT, stageWords } from './helpers';

/** One matter on the village's list: where it stands, and a tap to open it. */
export default function MatterCard({ m, villageId }: { m: MatterSummary; villageId: string }) {
  return (
    <View className="card matters__item" role="button" aria-label={`议题：${m.title}`} onClick={go(matterUrl(villageId, m.id))}>
      <View className="matters__tags">
        <Tag type={STATUS_TAG[m.status]}>{STATUS_TEXT[m.status]}</Tag>
        {m.voting && <Tag type="danger">正在表决</Tag>}
        {m.funding && <Tag type="info">筹资筹劳</Tag>}
      </View>
      <Text className="matters__item-title">{m.title}</Text>
      <Text className="matters__stage">{stageWords(m.stage, m.status)}</Text>
      <Text className="matters__meta">{`${dateText(m.createdAt)} 提出 · 点击查看 ›`}</Text>
    </View>
  );
}
