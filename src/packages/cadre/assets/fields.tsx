import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ContractView } from '../../../../types/assets';
import type { TextLimit } from '../../../../common/limits';
import Alert from '../../../components/Alert';
import ChoiceRow, { type Choice } from '../../../components/ChoiceRow';
import { FieldLabel } from '../../../components/FormHints';
import { LimitedInput, LimitedTextArea } from '../../../components/Limited';
import { SendOrCancel } from '../../../components/MatterParts';

// The pieces every form of the page is made of, so each form reads as its list of fields.

/** A labelled box; the placeholder names it too (a screen reader, and the tests, find it so). */
export function TextField({
  label,
  value,
  onChange,
  limit,
  placeholder = label,
  required,
  multiline,
  money,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  limit: Pick<TextLimit, 'max'>;
  placeholder?: string;
  required?: boolean;
  multiline?: boolean;
  /** An amount: the phone offers its number keyboard. */
  money?: boolean;
}) {
  const box = { value, onChange, placeholder, maxLength: limit.max };
  return (
    <View>
      <FieldLabel className="cadre-assets__label" required={required} text={label} />
      {multiline ? <LimitedTextArea {...box} autoSize /> : <LimitedInput {...box} {...(money ? { type: 'digit' as const } : {})} />}
    </View>
  );
}

/** A labelled row of buttons, one of them chosen. */
export function PickField<T>({
  label,
  choices,
  value,
  onPick,
  required = true,
}: {
  label: string;
  choices: Choice<T>[];
  value: T | null;
  onPick: (v: T) => void;
  required?: boolean;
}) {
  return (
    <View>
      <FieldLabel className="cadre-assets__label" required={required} text={label} />
      <ChoiceRow className="cadre-assets__choices" label={label} tick choices={choices} current={value} onPick={onPick} />
    </View>
  );
}

/** What a form opened from a contract's card (续签, 解除) is given: the contract, and the way back to the card. */
export interface ContractStepProps {
  villageId: string;
  contract: ContractView;
  onSaved: () => void;
  onCancel: () => void;
}

/** A form card: its title, its fields, the refusal (the page's own check or the server's), and send or cancel. */
export function FormCard({
  label,
  title,
  error,
  busy,
  send,
  onSend,
  onCancel,
  children,
}: {
  label: string;
  title: string;
  error: string | null;
  busy: boolean;
  send: string;
  onSend: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <View className="card cadre-assets__form" aria-label={label}>
      <Text className="cadre-assets__title">{title}</Text>
      {children}
      {error && <Alert text={error} />}
      <SendOrCancel className="cadre-assets__buttons" text={send} busy={busy} onSend={onSend} onCancel={onCancel} />
    </View>
  );
}

/** A label and its value on one row. */
export function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="label-line" aria-label={`${label}：${value}`}>
      <Text className="label-line__label">{label}</Text>
      <Text className="label-line__value">{value}</Text>
    </View>
  );
}

/**
 * A plain warning that is no refusal (a contract without a decision will be warned of): the bar,
 * words and weight of `warning-box`, without the alert role a screen reader interrupts for.
 */
export function Caution({ text }: { text: string }) {
  return (
    <View className="warning-box">
      <Text>{text}</Text>
    </View>
  );
}
