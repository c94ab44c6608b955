import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { FundingPlan, MeetingResult } from '../../../types/matters';
import { formatFen } from '../../services/money';
import { countsText, DECISION_CHOICES, verdictOf, type DecisionBody } from './words';
import './index.scss';

/**
 * What the 一事一议 pages (村两委 办理, 镇里 审核备案, and the villagers' page) show alike: a
 * plan and a vote's outcome read the same wherever they are checked. Nothing here that the
 * villagers' page does not load already: it is in the main package, which must stay lean.
 */

/** A refusal or failed check where the person is looking; nothing at all when there is none. */
export function WarningBox({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View className="warning-box" role="alert">
      <Text>{text}</Text>
    </View>
  );
}

/** A form's one action and the way out of it; neither while what was sent is on its way. */
export function SendOrCancel({
  className,
  text,
  busy,
  onSend,
  onCancel,
}: {
  className: string;
  text: string;
  busy: boolean;
  onSend: () => void;
  onCancel: () => void;
}) {
  return (
    <View className={className}>
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={onSend}>
        {text}
      </Button>
      <Button size="large" block disabled={busy} onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}

/** An opened card whose detail has not come: the failure with a retry, or a word while it loads. */
export function DetailPending({ error, onRetry }: { error: { message: string } | undefined; onRetry: () => void }) {
  if (!error) return <Text className="matter-parts__hint">正在读取……</Text>;
  return (
    <View>
      <WarningBox text={error.message} />
      <Button size="large" block onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** One label and its value on a row; the aria-label reads both as one phrase. */
export function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="label-line" aria-label={`${label}：${value}`}>
      <Text className="label-line__label">{label}</Text>
      <Text className="label-line__value matter-parts__value">{value}</Text>
    </View>
  );
}

export { countsText, DECISION_CHOICES, verdictOf, type DecisionBody };

/** The rules the count applied, one per line, as they were published. */
export function RuleLines({ rules }: { rules: string[] }) {
  return (
    <>
      {rules.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rules as published, in a fixed order; they carry no id
        <Text key={`${i}:${rule}`} className="matter-parts__hint">
          {rule}
        </Text>
      ))}
    </>
  );
}

/**
 * The standards of a 筹资筹劳 plan, which every reader needs. The head-counts and exemptions
 * follow as children, because each page words them for its own reader.
 */
export function PlanLines({ f, children }: { f: FundingPlan; children?: ReactNode }) {
  return (
    <View aria-label="筹资筹劳方案">
      <Text className="matter-parts__label">筹资筹劳方案</Text>
      <Line label="项目" value={f.project} />
      <Line label="项目预算" value={`${formatFen(f.budgetFen)} 元`} />
      <Line label="每人每年筹资" value={`${formatFen(f.perPersonFen)} 元`} />
      <Line label="每个劳动力筹劳" value={`${f.workdays} 个工日`} />
      {children}
    </View>
  );
}

/** One vote, closed or open: a titled block; what it says below the title is the caller's. */
export function VoteBox({ label, title, children }: { label: string; title: string; children?: ReactNode }) {
  return (
    <View className="matter-parts__meeting" aria-label={label}>
      <Text className="matter-parts__meeting-title">{title}</Text>
      {children}
    </View>
  );
}

/** Turnout and counts in one sentence (after `lead`, e.g. when it closed), then the rules applied. */
export function ResultLines({ r, lead = '' }: { r: MeetingResult; lead?: string }) {
  return (
    <View>
      <Text className="matter-parts__text">{`${lead}应到 ${r.eligible} 人，实到 ${r.present} 人；${countsText(r.counts)}。`}</Text>
      <RuleLines rules={r.rules} />
    </View>
  );
}
