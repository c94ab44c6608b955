import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MatterView } from '../../../../types/matters';
import { ChoiceButton } from '../../../components/ChoiceRow';
import { LimitedTextArea } from '../../../components/Limited';
import { WarningBox } from '../../../components/MatterParts';
import { useAction } from '../../../hooks/useAction';
import { confirmFirst } from '../../../services/confirm';
import { mattersApi } from '../../../services/matters';
import { MEETING_RECORD } from '../../../../common/limits';

/** 商议: the 两委联席会议's answer and its minutes; not agreed ends the matter. */
export default function DiscussForm({ m, onDone }: { m: MatterView; onDone: () => void }) {
  const [agreed, setAgreed] = useState<boolean | null>(null);
  const [record, setRecord] = useState('');
  const saving = useAction();

  async function save() {
    if (agreed === null) return saving.setError('请先选择两委联席会议是否同意。');
    if (record.trim().length < MEETING_RECORD.min) return saving.setError(`请写下会议记录，至少 ${MEETING_RECORD.min} 个字。`);
    if (!agreed) {
      // Not agreed ends the matter for good: ask once.
      const sure = await confirmFirst({ title: '确认不同意？', content: '记录“不同意”后这个议题就终止了，不能再往下走。', confirmText: '确认' });
      if (!sure) return;
    }
    await saving.run(() => mattersApi.discuss(m.villageId, m.id, agreed, record.trim()), {
      done: agreed ? '已提交审议' : '已记录',
      failed: '没有记录成功，请稍后再试。',
      onDone: () => onDone(),
    });
  }

  return (
    <View className="matters__action" aria-label="记录商议结果">
      <Text className="matter-parts__label">商议：两委联席会议的结果</Text>
      <Text className="matter-parts__hint">同意后提交党员大会审议；不同意则议题终止，记录会公开。</Text>
      <View className="choice-row matters__choices">
        <ChoiceButton size="large" tick on={agreed === true} label="同意，提交审议" onClick={() => setAgreed(true)} />
        <ChoiceButton size="large" tick on={agreed === false} label="不同意" onClick={() => setAgreed(false)} />
      </View>
      <LimitedTextArea
        value={record}
        onChange={setRecord}
        placeholder={`会议记录：时间、到会人员、商议意见（至少 ${MEETING_RECORD.min} 个字）`}
        maxLength={MEETING_RECORD.max}
        autoSize
        name="discussRecord"
      />
      <Button type="primary" size="large" block loading={saving.busy} disabled={saving.busy} onClick={save}>
        记录商议结果
      </Button>
      <WarningBox text={saving.error} />
    </View>
  );
}
