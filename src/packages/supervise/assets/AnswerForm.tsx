import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { WARNING_ANSWER_LABEL, type WarningAnswerKind } from '../../../../types/assets';
import { WARNING_TEXT } from '../../../../common/limits';
import Alert from '../../../components/Alert';
import ChoiceRow from '../../../components/ChoiceRow';
import { StillNeeded, TextToSend } from '../../../components/FormHints';
import { LimitedTextArea } from '../../../components/Limited';
import type { Action } from '../../../hooks/useAction';

const KINDS = (Object.keys(WARNING_ANSWER_LABEL) as WarningAnswerKind[]).map((k) => ({ value: k, label: WARNING_ANSWER_LABEL[k] }));

/** 答复: what the village did about it (续签, 招标, 催收) or why nothing needs doing (说明), in words the village reads. */
export function AnswerForm({
  action,
  answered,
  onSend,
}: {
  action: Action;
  answered: boolean;
  onSend: (kind: WarningAnswerKind, text: string) => Promise<unknown>;
}) {
  const [kind, setKind] = useState<WarningAnswerKind | null>(null);
  const [text, setText] = useState('');
  const short = text.trim().length < WARNING_TEXT.min;
  async function send() {
    if (!kind) return;
    // Sent: the form is ready for a later answer (the warning stays until the 监委会 closes it).
    if ((await onSend(kind, text.trim())) !== undefined) {
      setKind(null);
      setText('');
    }
  }
  return (
    <View className="sv-assets__form" aria-label="答复预警">
      <Text className="sv-assets__label">{answered ? '再答复：后来又怎么处理的' : '答复：村里怎么处理的'}</Text>
      <ChoiceRow className="sv-assets__kinds" label="怎么处理" tick choices={KINDS} current={kind} onPick={setKind} />
      <LimitedTextArea value={text} onChange={setText} placeholder="写清楚做了什么、什么时候办完（村民可见）" maxLength={WARNING_TEXT.max} />
      <StillNeeded items={[!kind && '选择续签、招标、催收或说明', short && `写答复（至少 ${WARNING_TEXT.min} 个字）`]} />
      {action.error && <Alert text={action.error} />}
      <Button type="primary" size="large" block loading={action.busy} disabled={action.busy || !kind || short} onClick={send}>
        答复
      </Button>
    </View>
  );
}

/**
 * 销号: the 监委会 closes a warning with what settled it. Offered before an answer too: the server
 * refuses then, and its words say why (答复了才能销号).
 */
export function CloseForm({ action, answered, onSend }: { action: Action; answered: boolean; onSend: (text: string) => Promise<unknown> }) {
  const [text, setText] = useState('');
  return (
    <View className="sv-assets__form" aria-label="预警销号">
      <Text className="sv-assets__label">销号：问题解决了</Text>
      {!answered && <Text className="sv-assets__hint">村里答复以后才能销号。</Text>}
      {action.error && <Alert text={action.error} />}
      <TextToSend
        multiline
        value={text}
        onChange={setText}
        placeholder="怎么解决的（销号时填写，村民可见）"
        limit={WARNING_TEXT}
        need={`写销号说明（至少 ${WARNING_TEXT.min} 个字）`}
        button="销号"
        busy={action.busy}
        onSend={onSend}
      />
    </View>
  );
}
