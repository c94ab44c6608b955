import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ItemRef } from '../../../types/disclosure';
import { StillNeeded } from '../../components/FormHints';
import { LimitedTextArea } from '../../components/Limited';
import { useAction } from '../../hooks/useAction';
import { ticketsApi } from '../../services/disclosure';
import { askToBeTold } from '../../services/subscribe';
import { TICKET_TEXT } from '../../../common/limits';

/** 询: a verified villager asks the 监委会 about this item; the answer comes to 我的. */
export default function AskCard({ target: r }: { target: ItemRef }) {
  const [text, setText] = useState('');
  const ask = useAction();
  function send() {
    void ask.run(
      async () => {
        await askToBeTold('ticket');
        await ticketsApi.ask({ villageId: r.villageId, subject: { type: 'disclosure', quarter: r.quarter, itemId: r.itemId }, text: text.trim() });
      },
      { done: '已交给村务监督委员会，答复会出现在“我的”', failed: '没有提交成功', toast: true, onDone: () => setText('') },
    );
  }
  return (
    <View className="card" aria-label="向监委会提问">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>对这一项有疑问？</Text>
      <Text style={{ display: 'block', color: '#595959', margin: '4px 0' }}>问题会交给村务监督委员会，答复后在“我的”里通知您。</Text>
      <LimitedTextArea value={text} onChange={setText} placeholder="写下您的问题" maxLength={TICKET_TEXT.max} />
      <StillNeeded items={[text.trim().length < TICKET_TEXT.min && `写下问题（至少 ${TICKET_TEXT.min} 个字）`]} />
      <Button type="primary" size="large" block loading={ask.busy} disabled={text.trim().length < TICKET_TEXT.min} onClick={send}>
        提交问题
      </Button>
    </View>
  );
}
