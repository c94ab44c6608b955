import { Text, View } from '@tarojs/components';
import { RequiredMark } from '../DateField';
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
