import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AnswerRating, TicketView } from '../../../types/tickets';
import Alert from '../../components/Alert';
import { useAction } from '../../hooks/useAction';
import { dateText } from '../../services/china-time';
import { ticketsApi } from '../../services/disclosure';
import { ticketSubjectText } from '../../services/labels';
import { Answers, Photos } from './Answers';
import { ESCALATED_TEXT, KIND_TEXT, RATINGS, STATE_TAG, STATE_TEXT } from './helpers';

/** One of my own: where it stands, every answer, and the rating the asker owes each answer. */
export default function MyTicketCard({ t, villageId, onChanged }: { t: TicketView; villageId: string; onChanged: () => void }) {
  // Which rating is on its way, so only that button spins.
  const [rating, setRating] = useState<AnswerRating | null>(null);
  const rater = useAction();
  const canRate = t.state === 'answered' && t.ratings.length < t.answers.length;

  async function rate(r: AnswerRating) {
    setRating(r);
    const said = r !== '不满意' ? '谢谢您的评价' : t.reopened === 0 ? '已退回，等待重新答复' : '已转到镇里处理';
    await rater.run(() => ticketsApi.rate(villageId, t.id, r), { done: said, failed: '评价没有成功，请稍后再试。', onDone: onChanged });
    setRating(null);
  }

  return (
    <View className="card" aria-label={`我的：${t.text.slice(0, 20)}`}>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' }}>
        <Tag type="primary">{KIND_TEXT[t.kind]}</Tag>
        {t.category && <Tag type="info">{t.category}</Tag>}
        <Tag type="default">{t.anonymous ? '匿名' : '实名'}</Tag>
        <Text className="tickets__meta">{dateText(t.createdAt)} 提交</Text>
      </View>
      <View className="tickets__state">
        <Tag type={STATE_TAG[t.state]}>{STATE_TEXT[t.state]}</Tag>
      </View>
      {t.state === 'open' && t.reopened > 0 && <Text className="tickets__hint">您对答复不满意，已退回重新答复。</Text>}
      {t.state === 'escalated' && t.escalated && <Text className="tickets__hint">{ESCALATED_TEXT[t.escalated.why]}</Text>}
      {t.state === 'open' && <Text className="tickets__hint">{`应在 ${dateText(t.dueAt)} 前答复`}</Text>}
      {t.overdue && <Text className="tickets__overdue">已超期</Text>}

      {t.subject && (
        <Text style={{ display: 'block', color: '#1677ff' }} onClick={() => t.link && Taro.navigateTo({ url: t.link })}>
          关于：{ticketSubjectText(t.subject)} ›
        </Text>
      )}
      <Text className="tickets__text">{t.text}</Text>
      <Photos list={t.photos} />
      <Answers t={t} />

      {canRate && (
        <View className="tickets__rate" aria-label="评价答复">
          <Text className="tickets__label" style={{ marginTop: 0 }}>
            您对这次答复满意吗？
          </Text>
          <Text className="tickets__hint">
            {t.reopened === 0
              ? '选“不满意”，会退回去重新答复一次；重新答复后还不满意，会转到镇里处理。'
              : '这是退回后的重新答复。再选“不满意”，会转到镇里处理。'}
          </Text>
          <View className="choice-row tickets__choices">
            {RATINGS.map((r) => (
              <View key={r} className="tickets__choice">
                <Button
                  size="large"
                  block
                  type={r === '满意' ? 'primary' : 'default'}
                  loading={rating === r}
                  disabled={rating !== null}
                  onClick={() => rate(r)}
                >
                  {r}
                </Button>
              </View>
            ))}
          </View>
        </View>
      )}
      {rater.error && <Alert text={rater.error} />}
    </View>
  );
}
