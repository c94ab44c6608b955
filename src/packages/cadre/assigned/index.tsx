import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TicketView } from '../../../../types/tickets';
import PageShell from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import { AnswerBox, canAnswer, Refusal, TicketSummary, ticketLabel, useCardAction } from '../../../components/TicketParts';
import { useRequest } from '../../../hooks/useRequest';
import { ticketsApi } from '../../../services/disclosure';
import './index.scss';

/** One 小事 handed to the caller: read it, answer it, then wait for the asker's rating. */
function Assigned({ t, reload }: { t: TicketView; reload: () => void }) {
  // The answer box clears itself once sent; nothing else on this card is typed.
  const { busy, refusal, run } = useCardAction(reload, () => undefined);
  return (
    <View className="card" aria-label={ticketLabel(t)}>
      <TicketSummary t={t} showAssignee={false} />
      {canAnswer(t) && <AnswerBox t={t} busy={busy} run={run} />}
      {/* Not yet rated: the history says 等待提出的人评价 under the answer. Rated and still open: the 监委会 closes it. */}
      {t.state === 'answered' && t.ratings.length >= t.answers.length && <Text className="assigned__waiting">提出的人已评价，等村务监督委员会销号。</Text>}
      <Refusal text={refusal} />
    </View>
  );
}

/**
 * 交给我办理的事项: the 小事 the 村务监督委员会 handed to this cadre in 三事分流, soonest due
 * first. The person named answers here; the 监委会 sees the answer in its 问题台账 and closes it.
 */
export default function AssignedPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [version, setVersion] = useState(0);
  const list = useRequest(villageId ? `assigned:${villageId}:${version}` : null, () => ticketsApi.assigned(villageId));
  const reload = () => setVersion((v) => v + 1);

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const tickets = list.data?.tickets ?? [];
  const waiting = tickets.filter(canAnswer).length;

  return (
    <View className="page assigned">
      <NoticeReminders />
      <PageShell
        // After an answer the cards stay on screen while the list reloads.
        loading={!missingVillage && !list.data && !list.error}
        error={missingVillage ?? list.error ?? null}
        onRetry={list.reload}
        empty={tickets.length === 0}
        emptyTitle="没有交给您办理的事项"
        emptyDescription="村务监督委员会把村民反映的小事交给您办理时，会发消息告诉您，事项也会出现在这里。"
      >
        <Text className="assigned__intro">{waiting > 0 ? `有 ${waiting} 件要您答复，请在期限前答复；答复会直接发给提出的人。` : '交给您的事项都已答复。'}</Text>
        {tickets.map((t) => (
          <Assigned key={t.id} t={t} reload={reload} />
        ))}
      </PageShell>
    </View>
  );
}
