import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TicketView, Triage } from '../../../../types/tickets';
import ChoiceRow from '../../../components/ChoiceRow';
import { StillNeeded, TextToSend } from '../../../components/FormHints';
import { LimitedInput } from '../../../components/Limited';
import { AnswerBox, canAnswer, Refusal, TicketSummary, ticketLabel, useCardAction } from '../../../components/TicketParts';
import { ticketsApi } from '../../../services/disclosure';
import AssigneePicker from './AssigneePicker';
import { TRIAGE_CHOICES, TRIAGE_HINT, type People } from './helpers';
import { TICKET_TEXT } from '../../../../common/limits';

/**
 * One point of the ledger with what can be done to it now. Refusals stay on the card so the
 * 监委会 can read why while fixing it. `committee` is false for township staff: they answer and
 * close, but 分流 and the suggestion board are the 监委会's (the server refuses them anyway).
 */
export default function TicketCard({ t, reload, committee, people }: { t: TicketView; reload: () => void; committee: boolean; people: People }) {
  const [decision, setDecision] = useState<Triage | null>(null);
  const [reason, setReason] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [result, setResult] = useState('');
  const [retriage, setRetriage] = useState(false);
  const { busy, refusal, run } = useCardAction(reload, () => {
    setDecision(null);
    setReason('');
    setAssignee(null);
    setResult('');
    setRetriage(false);
  });

  const open = t.state === 'open';
  const allRated = t.ratings.length >= t.answers.length;
  // A 小事 goes to a named person: it cannot be confirmed before one is chosen.
  const needsPerson = decision === '小事' && !assignee;
  const chosen = people.list?.find((p) => p.personId === assignee);

  function startRetriage() {
    setRetriage(true);
    // Re-triaging a 小事 starts from whoever has it now.
    setAssignee(t.assignee?.personId ?? null);
  }

  function confirm() {
    if (!decision) return;
    const trimmed = reason.trim();
    if (decision === '小事') {
      if (!assignee) return;
      run(() => ticketsApi.triage(t.villageId, t.id, decision, trimmed, assignee), `已交给${chosen?.name ?? '办理人'}办理`);
    } else {
      run(() => ticketsApi.triage(t.villageId, t.id, decision, trimmed), decision === '大事' ? '已转镇里' : '已分流');
    }
  }

  return (
    <View className="card" aria-label={ticketLabel(t)}>
      <TicketSummary t={t} showAssignee />

      {committee && open && t.triage && !retriage && (
        <View className="ticket__action">
          <Button size="large" block onClick={startRetriage}>
            重新分流
          </Button>
        </View>
      )}
      {committee && open && (!t.triage || retriage) && (
        <View className="ticket__action" aria-label="分流">
          <Text className="tickets__title">分流</Text>
          <ChoiceRow className="tickets__choices" buttonClassName="tickets__choice" choices={TRIAGE_CHOICES} current={decision} onPick={setDecision} />
          {decision && <Text className="ticket__note">{TRIAGE_HINT[decision]}</Text>}
          {decision === '小事' && <AssigneePicker people={people} chosen={assignee} onChoose={setAssignee} />}
          <LimitedInput
            value={reason}
            onChange={setReason}
            placeholder="分流理由（私事就写给村民的指导意见）"
            maxLength={TICKET_TEXT.max}
            name="triageReason"
          />
          <StillNeeded
            items={[
              !decision && '选择大事、小事或私事',
              needsPerson && '在上面选择办理人',
              reason.trim().length < TICKET_TEXT.min && `写分流理由（至少 ${TICKET_TEXT.min} 个字）`,
            ]}
          />
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy || !decision || reason.trim().length < TICKET_TEXT.min || needsPerson}
            onClick={confirm}
          >
            确认分流
          </Button>
        </View>
      )}

      {canAnswer(t) && <AnswerBox t={t} busy={busy} run={run} />}

      {t.state === 'answered' && allRated && (
        <View className="ticket__action">
          <TextToSend
            value={result}
            onChange={setResult}
            placeholder="办理结果（销号时填写）"
            limit={TICKET_TEXT}
            name="result"
            need={`写办理结果（至少 ${TICKET_TEXT.min} 个字）`}
            button="销号"
            primary
            busy={busy}
            onSend={(text) => run(() => ticketsApi.close(t.villageId, t.id, text), '已销号')}
          />
        </View>
      )}
      {t.state === 'answered' && !allRated && <Text className="ticket__note">等提出的人评价答复后才能销号。</Text>}

      {committee && t.kind === 'suggestion' && (
        <View className="ticket__action">
          <Button
            size="large"
            block
            loading={busy}
            disabled={busy}
            onClick={() => run(() => ticketsApi.markPublic(t.villageId, t.id, !t.public), t.public ? '已从建议栏撤下' : '已公开到建议栏')}
          >
            {t.public ? '从建议栏撤下' : '公开到建议栏'}
          </Button>
        </View>
      )}

      <Refusal text={refusal} />
    </View>
  );
}
