import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { AskInput } from '../../../types/tickets';
import { TICKET_TEXT } from '../../../common/limits';
import { useAction } from '../../hooks/useAction';
import { ticketsApi } from '../../services/disclosure';
import { askToBeTold } from '../../services/subscribe';
import { StillNeeded } from '../FormHints';
import { LimitedTextArea } from '../Limited';

/**
 * The question box's state and its sending, for a card that lays the box out its own way (a ledger
 * row of 村里的钱): the question goes to the 监委会, and once sent the box closes empty.
 */
export function useAsk(villageId: string, subject: AskInput['subject']) {
  const [asking, setAsking] = useState(false);
  const [text, setText] = useState('');
  const send = useAction();
  async function ask() {
    await send.run(
      async () => {
        await askToBeTold('ticket');
        await ticketsApi.ask({ villageId, subject, text: text.trim() });
      },
      {
        done: '已交给村务监督委员会，答复会出现在“我的”',
        failed: '没有提交成功',
        toast: true,
        onDone: () => {
          setAsking(false);
          setText('');
        },
      },
    );
  }
  return { asking, setAsking, text, setText, send, ask };
}

/**
 * 问一问 on one record of a list (an asset, a contract): a button that opens a question box, as on
 * a ledger row of 村里的钱. Closed, it takes one line, so a long list stays easy to scan; the
 * question goes to the 监委会 with a link back to the record, and the answer comes to 我的.
 */
export default function AskBox({
  villageId,
  subject,
  button,
  placeholder,
}: {
  villageId: string;
  subject: AskInput['subject'];
  button: string;
  placeholder: string;
}) {
  const { asking, setAsking, text, setText, send, ask } = useAsk(villageId, subject);
  const short = text.trim().length < TICKET_TEXT.min;
  if (!asking) {
    return (
      <View style={{ marginTop: '8px' }}>
        <Button size="normal" onClick={() => setAsking(true)}>
          {button}
        </Button>
      </View>
    );
  }
  return (
    <View style={{ marginTop: '8px' }}>
      <LimitedTextArea value={text} onChange={setText} placeholder={placeholder} maxLength={TICKET_TEXT.max} />
      <StillNeeded items={[short && `写下问题（至少 ${TICKET_TEXT.min} 个字）`]} />
      <Button type="primary" size="large" block loading={send.busy} disabled={send.busy || short} onClick={ask}>
        提交问题
      </Button>
    </View>
  );
}
