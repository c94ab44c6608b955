import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { TicketView } from '../../../types/tickets';
import { ticketsApi } from '../../services/disclosure';
import { LimitedTextArea } from '../Limited';
import type { CardRun } from './useCardAction';
import { TICKET_TEXT } from '../../../common/limits';

/** The answer box: the asker hears of what is sent here. */
export function AnswerBox({ t, busy, run }: { t: TicketView; busy: boolean; run: CardRun }) {
  const [answer, setAnswer] = useState('');
  return (
    <View className="ticket__action">
      <LimitedTextArea value={answer} onChange={setAnswer} placeholder="答复内容（提出的人会收到）" maxLength={TICKET_TEXT.max} name="answer" />
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={busy || answer.trim().length < TICKET_TEXT.min}
        onClick={() =>
          run(async () => {
            await ticketsApi.answer(t.villageId, t.id, answer.trim());
            // Sent: cleared before the card reloads, so it is never sent twice; kept if refused.
            setAnswer('');
          }, '已答复，提出的人会收到')
        }
      >
        答复
      </Button>
    </View>
  );
}
