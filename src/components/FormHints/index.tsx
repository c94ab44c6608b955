import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { TextLimit } from '../../../common/limits';
import { RequiredMark } from '../DateField';
import { LimitedInput, LimitedTextArea } from '../Limited';
import './index.scss';

/** The things still missing, in the order the form asks for them. */
export function missingOf(items: (string | false | null | undefined)[]): string[] {
  return items.filter((x): x is string => typeof x === 'string' && x.length > 0);
}

/**
 * Said beside a button that waits for required fields. A grey button alone left people tapping
 * it again and again (确认分流 just stayed grey); this says what it waits for.
 */
export function StillNeeded({ items }: { items: (string | false | null | undefined)[] }) {
  const missing = missingOf(items);
  if (!missing.length) return null;
  return (
    <View className="still-needed" aria-live="polite">
      <Text>还差：{missing.join('；')}</Text>
    </View>
  );
}

/** A field's label; required ones carry the red star (read out as 必填). */
export function FieldLabel({ text, required, className = 'field-label' }: { text: string; required?: boolean; className?: string }) {
  return (
    <Text className={className}>
      {text}
      {required && <RequiredMark />}
    </Text>
  );
}

/**
 * A sentence written for one step (a reply, a result, a reason to return): what is still missing
 * while it is shorter than the rule, then the button, which hands the text on trimmed.
 */
export function TextToSend({
  value,
  onChange,
  multiline = false,
  placeholder,
  limit,
  name,
  need,
  button,
  primary = false,
  busy,
  onSend,
}: {
  value: string;
  onChange: (v: string) => void;
  /** A text area for a paragraph; a one-line input otherwise. */
  multiline?: boolean;
  placeholder: string;
  limit: TextLimit;
  name?: string;
  /** What is missing while the text is too short, e.g. 写答复（至少 4 个字）. */
  need: string;
  button: string;
  primary?: boolean;
  /** The step is on its way: the button spins and takes no second tap. */
  busy?: boolean;
  onSend: (text: string) => void;
}) {
  const short = value.trim().length < limit.min;
  const field = { value, onChange, placeholder, maxLength: limit.max, ...(name ? { name } : {}) };
  return (
    <>
      {multiline ? <LimitedTextArea {...field} /> : <LimitedInput {...field} />}
      <StillNeeded items={[short && need]} />
      <Button type={primary ? 'primary' : 'default'} size="large" block loading={!!busy} disabled={!!busy || short} onClick={() => onSend(value.trim())}>
        {button}
      </Button>
    </>
  );
}
