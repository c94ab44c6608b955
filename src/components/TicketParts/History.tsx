import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TicketView } from '../../../types/tickets';
import { dateText, formatChinaTime } from '../../services/china-time';
import { ESCALATED_WHY } from './labels';

export function Photos({ t }: { t: TicketView }) {
  if (t.photos.length === 0) return null;
  const urls = t.photos.map((p) => p.url);
  return (
    <View className="ticket__photos">
      {t.photos.map((p, i) => (
        <View key={p.id} role="img" aria-label={`照片 ${i + 1}`} className="ticket__photo" onClick={() => Taro.previewImage({ current: p.url, urls })}>
          <Image src={p.url} mode="aspectFill" style={{ width: '100%', height: '100%' }} />
        </View>
      ))}
      <Text className="ticket__note">点照片可以放大</Text>
    </View>
  );
}

/** What was decided and said so far: 分流, who handles it, each answer with its rating. */
export function History({ t, showAssignee }: { t: TicketView; showAssignee: boolean }) {
  return (
    <View>
      {t.triage && (
        <Text className="ticket__line">
          分流：{t.triage.decision} · {t.triage.reason}
        </Text>
      )}
      {showAssignee && t.assignee && (
        <Text className="ticket__line">
          办理人：{t.assignee.name}（交办于 {dateText(t.assignee.at)}）
        </Text>
      )}
      {t.answers.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an append-only history shown in order; entries carry no id and may share a timestamp
        <View key={a.at + i} className="ticket__answer">
          <Text className="keep-lines" style={{ display: 'block' }}>
            {t.answers.length > 1 ? `第 ${i + 1} 次答复` : '答复'}（{formatChinaTime(a.at)}）：{a.text}
          </Text>
          {t.ratings[i] ? (
            <Text className={t.ratings[i].rating === '不满意' ? 'ticket__late' : 'ticket__good'} style={{ display: 'block' }}>
              评价：{t.ratings[i].rating}
            </Text>
          ) : (
            t.state === 'answered' && <Text className="ticket__note">等待提出的人评价</Text>
          )}
        </View>
      ))}
      {t.reopened > 0 && <Text className="ticket__line">重新处理 {t.reopened} 次</Text>}
      {t.escalated && <Text className="ticket__line ticket__late">已转镇里：{ESCALATED_WHY[t.escalated.why]}</Text>}
      {t.closed && <Text className="ticket__line ticket__good">销号：{t.closed.result}</Text>}
      {t.kind === 'suggestion' && t.public && <Text className="ticket__line">已公开到建议栏 · 附议 {t.seconds} 人</Text>}
    </View>
  );
}
