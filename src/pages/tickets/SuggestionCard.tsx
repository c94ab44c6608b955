import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TicketView } from '../../../types/tickets';
import Alert from '../../components/Alert';
import { useAction } from '../../hooks/useAction';
import { dateText } from '../../services/china-time';
import { ticketsApi } from '../../services/disclosure';
import { Answers, Photos } from './Answers';
import { STATE_TAG, STATE_TEXT } from './helpers';

/** A public suggestion: what was asked, what was answered, and 附议 for those who agree. */
export default function SuggestionCard({ t, villageId }: { t: TicketView; villageId: string }) {
  const [seconds, setSeconds] = useState(t.seconds);
  const second = useAction();

  return (
    <View className="card" aria-label={`建议：${t.text.slice(0, 20)}`}>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' }}>
        <Tag type={STATE_TAG[t.state]}>{STATE_TEXT[t.state]}</Tag>
        <Text className="tickets__meta">{dateText(t.createdAt)} 提出</Text>
      </View>
      <Text className="tickets__text">{t.text}</Text>
      <Photos list={t.photos} />
      <Answers t={t} />
      <View className="tickets__actions">
        <Button
          size="large"
          block
          loading={second.busy}
          disabled={second.busy}
          onClick={() =>
            second.run(() => ticketsApi.second(villageId, t.id), {
              done: '已附议',
              failed: '附议没有成功，请稍后再试。',
              onDone: (out) => setSeconds(out.seconds),
            })
          }
        >
          {`附议（${seconds}）`}
        </Button>
      </View>
      {second.error && <Alert text={second.error} />}
    </View>
  );
}
