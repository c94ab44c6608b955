import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MatterView } from '../../../../types/matters';
import { LimitedInput, LimitedTextArea } from '../../../components/Limited';
import { WarningBox } from '../../../components/MatterParts';
import { useAction } from '../../../hooks/useAction';
import { mattersApi } from '../../../services/matters';
import { MATTER_PUBLICATION, MATTER_REASON } from '../../../../common/limits';

const WORDS = {
  resolution: {
    title: '决议公开',
    hint: '写明决议的内容，公开后村民可以查看，表决结果和适用规则会一并公开。',
    box: `决议内容（至少 ${MATTER_PUBLICATION.min} 个字）`,
    button: '公开决议',
    done: '决议已公开',
  },
  outcome: {
    title: '实施结果公开',
    hint: '事情办完后，写明实施结果：完成情况、验收、实际花费等。',
    box: `实施结果（至少 ${MATTER_PUBLICATION.min} 个字）`,
    button: '公开实施结果',
    done: '实施结果已公开',
  },
  correction: {
    title: '更正实施结果',
    hint: '更正会作为新的版本公开，原来的版本仍然可以查看。请写明更正原因。',
    box: `更正后的实施结果（至少 ${MATTER_PUBLICATION.min} 个字）`,
    button: '公开更正',
    done: '更正已公开',
  },
};

/** 两公开: the resolution, the outcome, or a correction of the outcome (a new version with its reason). */
export default function PublishForm({ m, which, onDone }: { m: MatterView; which: 'resolution' | 'outcome' | 'correction'; onDone: () => void }) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const publishing = useAction();
  const words = WORDS[which];

  async function publish() {
    if (text.trim().length < MATTER_PUBLICATION.min) return publishing.setError(`请写下要公开的内容，至少 ${MATTER_PUBLICATION.min} 个字。`);
    if (which === 'correction' && reason.trim().length < MATTER_REASON.min) return publishing.setError('请写明更正原因。');
    await publishing.run(() => mattersApi.publish(m.villageId, m.id, text.trim(), which === 'correction' ? reason.trim() : undefined), {
      done: words.done,
      failed: '没有公开成功，请稍后再试。',
      onDone: () => {
        setText('');
        setReason('');
        onDone();
      },
    });
  }

  return (
    <View className="matters__action" aria-label={words.title}>
      <Text className="matter-parts__label">{words.title}</Text>
      <Text className="matter-parts__hint">{words.hint}</Text>
      <LimitedTextArea value={text} onChange={setText} placeholder={words.box} maxLength={MATTER_PUBLICATION.max} autoSize name={`publish-${which}`} />
      {which === 'correction' && (
        <LimitedInput value={reason} onChange={setReason} placeholder="更正原因" maxLength={MATTER_REASON.max} name="correctionReason" />
      )}
      <Button type="primary" size="large" block loading={publishing.busy} disabled={publishing.busy} onClick={publish}>
        {words.button}
      </Button>
      <WarningBox text={publishing.error} />
    </View>
  );
}
