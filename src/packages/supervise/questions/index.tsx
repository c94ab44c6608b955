import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TicketView } from '../../../../types/tickets';
import PageShell from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { ticketsApi } from '../../../services/disclosure';
import { quarterText } from '../../../services/labels';
import { LimitedTextArea } from '../../../components/Limited';
import { StillNeeded } from '../../../components/FormHints';
import { TICKET_TEXT } from '../../../../common/limits';

function Question({ t, onAnswer }: { t: TicketView; onAnswer: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  return (
    <View className="card" aria-label={`提问：${t.text}`}>
      <View style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
        <View style={{ flexShrink: 0 }}>
          <Tag type={t.state === 'open' ? 'warning' : 'success'}>{t.state === 'open' ? '待答复' : '已答复'}</Tag>
        </View>
        <Text>
          {t.askerName ?? '村民'} · {formatChinaTime(t.createdAt)}
        </Text>
      </View>
      <Text className="keep-lines" style={{ display: 'block', fontSize: '18px', margin: '8px 0' }}>
        {t.text}
      </Text>
      {t.subject ? (
        <Text style={{ display: 'block', color: '#1677ff' }} onClick={() => t.link && Taro.navigateTo({ url: t.link })}>
          关于：{t.subject.type === 'disclosure' ? `${quarterText(t.subject.quarter)}公开内容` : '账目'}“{t.subject.title}” ›
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
          <LimitedTextArea value={text} onChange={setText} placeholder="答复内容（提问的村民会收到）" maxLength={TICKET_TEXT.max} />
          <StillNeeded items={[text.trim().length < TICKET_TEXT.min && `写答复（至少 ${TICKET_TEXT.min} 个字）`]} />
          <Button type="primary" size="large" block disabled={text.trim().length < TICKET_TEXT.min} onClick={() => onAnswer(text.trim())}>
            答复
          </Button>
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
      failed: '答复没有成功',
      toast: true,
      // With the success icon, which the shared `done` toast does not use.
      onDone: () => {
        Taro.showToast({ title: '已答复', icon: 'success' });
        setVersion((v) => v + 1);
      },
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
