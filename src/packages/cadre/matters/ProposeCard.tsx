import { Text, View } from '@tarojs/components';
import { Fragment, useState } from 'react';
import type { MatterView } from '../../../../types/matters';
import ChoiceRow, { ChoiceButton } from '../../../components/ChoiceRow';
import { LimitedInput, LimitedTextArea } from '../../../components/Limited';
import { DECISION_CHOICES, SendOrCancel, WarningBox } from '../../../components/MatterParts';
import { useAction } from '../../../hooks/useAction';
import { mattersApi } from '../../../services/matters';
import { CAPS_TEXT } from './helpers';
import { EMPTY_FORM, proposeInputOf, type ProposalForm } from './proposal';
import { FUNDING_NOTES, FUNDING_PROJECT, MATTER_SUMMARY, MATTER_TITLE } from '../../../../common/limits';

/** The plan's one-line fields, in the order the township reads them; the notes below take a paragraph. */
const FUNDING_FIELDS: {
  key: 'project' | 'budget' | 'perPerson' | 'workdays';
  label: string;
  placeholder: string;
  maxLength: number;
  name: string;
  type?: 'digit' | 'number';
}[] = [
  { key: 'project', label: '项目名称', placeholder: '筹资筹劳项目名称', maxLength: FUNDING_PROJECT.max, name: 'fundingProject' },
  { key: 'budget', label: '项目预算（元）', type: 'digit', placeholder: '项目预算（元）', maxLength: 20, name: 'fundingBudget' },
  { key: 'perPerson', label: '每人每年筹资（元）', type: 'digit', placeholder: '每人筹资（元，不筹资可不填）', maxLength: 10, name: 'fundingPerPerson' },
  { key: 'workdays', label: '每个劳动力筹劳（工日）', type: 'number', placeholder: '筹劳工日（不筹劳可不填）', maxLength: 3, name: 'fundingWorkdays' },
];

/** 发起议题 by the 书记 for the party branch, with its 筹资筹劳 plan when the matter raises money or labour. */
export default function ProposeCard({ villageId, onProposed, onCancel }: { villageId: string; onProposed: (m: MatterView) => void; onCancel: () => void }) {
  const [form, setForm] = useState<ProposalForm>(EMPTY_FORM);
  const sending = useAction();
  const set = (patch: Partial<ProposalForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    const input = proposeInputOf(form, villageId);
    if (typeof input === 'string') return sending.setError(input);
    await sending.run(() => mattersApi.propose(input), {
      done: '议题已提出',
      failed: '没有提交成功，请稍后再试。',
      onDone: (m) => {
        setForm(EMPTY_FORM);
        onProposed(m);
      },
    });
  }

  return (
    <View className="card" aria-label="发起议题">
      <Text className="matters__title">发起议题</Text>
      <Text className="matter-parts__hint">
        村党组织提议后直接进入两委商议，之后依次经党员大会审议、村民会议或村民代表会议决议，再公开决议和实施结果，不能跳过。
      </Text>

      <Text className="matter-parts__label">议题名称</Text>
      <LimitedInput
        value={form.title}
        onChange={(v) => set({ title: v })}
        placeholder={`议题名称（${MATTER_TITLE.min}–${MATTER_TITLE.max} 字）`}
        maxLength={MATTER_TITLE.max}
        name="matterTitle"
      />

      <Text className="matter-parts__label">议题内容</Text>
      <LimitedTextArea
        value={form.summary}
        onChange={(v) => set({ summary: v })}
        placeholder={`要办什么事、为什么（${MATTER_SUMMARY.min}–${MATTER_SUMMARY.max} 字）`}
        maxLength={MATTER_SUMMARY.max}
        autoSize
        name="matterSummary"
      />

      <Text className="matter-parts__label">决议由谁表决</Text>
      <ChoiceRow
        className="matters__choices"
        label="决议由谁表决"
        size="large"
        tick
        choices={DECISION_CHOICES}
        current={form.decisionBody}
        onPick={(b) => set({ decisionBody: b })}
      />

      <Text className="matter-parts__label">投票方式</Text>
      <View className="choice-row matters__choices">
        <ChoiceButton
          size="large"
          tick
          on={form.secret}
          label="不记名投票"
          onClick={() => set({ secret: !form.secret, liveCounts: form.secret ? form.liveCounts : false })}
        />
        {!form.secret && <ChoiceButton size="large" tick on={form.liveCounts} label="表决中公开票数" onClick={() => set({ liveCounts: !form.liveCounts })} />}
      </View>
      <Text className="matter-parts__hint">
        {form.secret
          ? '不记名投票：谁投了什么票任何人都查不到，投票人凭回执核对自己的票；票数在表决结束后才公开，中途不能公开。'
          : '不选“表决中公开票数”时，票数在表决结束后才公开。'}
      </Text>

      <Text className="matter-parts__label">筹资筹劳</Text>
      <Text className="matter-parts__hint">{CAPS_TEXT}</Text>
      <View className="choice-row matters__choices">
        <ChoiceButton size="large" tick on={form.withFunding} label="这件事要向村民筹资筹劳" onClick={() => set({ withFunding: !form.withFunding })} />
      </View>
      {form.withFunding && (
        <View aria-label="筹资筹劳方案">
          <Text className="matter-parts__hint">方案提出时就向村民公开，表决通过后报镇里审核备案，备案后才能公开决议。</Text>
          {FUNDING_FIELDS.map(({ key, label, ...field }) => (
            <Fragment key={key}>
              <Text className="matter-parts__label">{label}</Text>
              <LimitedInput {...field} value={form[key]} onChange={(v) => set({ [key]: v })} />
            </Fragment>
          ))}
          <Text className="matter-parts__label">其他减免说明</Text>
          <LimitedTextArea
            value={form.notes}
            onChange={(v) => set({ notes: v })}
            placeholder="其他减免说明（可不填）"
            maxLength={FUNDING_NOTES.max}
            autoSize
            name="fundingNotes"
          />
        </View>
      )}

      <SendOrCancel className="matters__buttons" text="提交议题" busy={sending.busy} onSend={submit} onCancel={onCancel} />
      <WarningBox text={sending.error} />
    </View>
  );
}
