import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TicketView } from '../../../../types/tickets';
import PageShell from '../../../components/PageShell';
import TagLine from '../../../components/TagLine';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { ticketsApi } from '../../../services/disclosure';
import { ticketSubjectText } from '../../../services/labels';
import { TextToSend } from '../../../components/FormHints';
import { TICKET_TEXT } from '../../../../common/limits';

function Question({ t, onAnswer }: { t: TicketView; onAnswer: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  return (
    <View className="card" aria-label={`提问：${t.text}`}>
      <TagLine type={t.state === 'open' ? 'warning' : 'success'} tag={t.state === 'open' ? '待答复' : '已答复'}>
        <Text>
          {t.askerName ?? '村民'} · {formatChinaTime(t.createdAt)}
        </Text>
      </TagLine>
      <Text className="keep-lines" style={{ display: 'block', fontSize: '18px', margin: '8px 0' }}>
        {t.text}
      </Text>
      {t.subject ? (
        <Text style={{ display: 'block', color: '#1677ff' }} onClick={() => t.link && Taro.navigateTo({ url: t.link })}>
          关于：{ticketSubjectText(t.subject)} ›
        </Text>
      ) : (
        <Text style={{ display: 'block', color: '#595959' }}>
          {t.kind === 'report' ? `反映问题 · ${t.category ?? ''}` : '建议'}
          {t.anonymous ? ' · 匿名' : ''}
        </Text>
      )}
      {t.answers.length > 0 ? (
        <Text style={{ display: 'block', marginTop: '8px', color: '#237804' }}>
          答复（{formatChinaTime(t.answers[t.answers.length - 1].at)}）：{t.answers[t.answers.length - 1].text}
        </Text>
      ) : (
        <View style={{ marginTop: '8px' }}>
          <TextToSend
            multiline
            value={text}
            onChange={setText}
            placeholder="答复内容（提问的村民会收到）"
            limit={TICKET_TEXT}
            need={`写答复（至少 ${TICKET_TEXT.min} 个字）`}
            button="答复"
            primary
            onSend={onAnswer}
          />
        </View>
      )}
    </View>
  );
}

/** The 监委会's queue of villagers' questions (询), oldest first, each linked to its item. */
export default function QuestionsPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [state, setState] = useState<'open' | 'answered'>('open');
  const [version, setVersion] = useState(0);
  const list = useRequest(`queue:${villageId}:${state}:${version}`, () => ticketsApi.queue({ villageId, state }));

  const { run } = useAction();

  const answer = (t: TicketView) => async (text: string) => {
    await run(() => ticketsApi.answer(villageId, t.id, text), {
      done: { title: '已答复', icon: 'success' },
      failed: '答复没有成功',
      toast: true,
      onDone: () => setVersion((v) => v + 1),
    });
  };

  return (
    <View className="page">
      <View style={{ display: 'flex', gap: '8px', padding: '12px' }}>
        <Button type={state === 'open' ? 'primary' : 'default'} onClick={() => setState('open')}>
          待答复{list.data ? ` ${list.data.open}` : ''}
        </Button>
        <Button type={state === 'answered' ? 'primary' : 'default'} onClick={() => setState('answered')}>
          已答复
        </Button>
      </View>
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={(list.data?.tickets.length ?? 0) === 0}
        emptyTitle={state === 'open' ? '没有待答复的提问' : '还没有答复过的提问'}
        emptyDescription="村民在公开内容下提的问题会出现在这里。"
      >
        {list.data?.tickets.map((t) => (
          <Question key={t.id} t={t} onAnswer={answer(t)} />
        ))}
      </PageShell>
    </View>
  );
}
