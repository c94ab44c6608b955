import { Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ComponentProps } from 'react';
import './index.scss';

/**
 * Text fields that never cut what was typed or pasted without a word. A native maxlength drops
 * the rest of a pasted text silently (a 5,000-character report became 500 and was sent); here
 * the field takes no more than its limit and says so, and counts as the limit comes near.
 */

/** The count shows from this share of the limit on: early enough to plan, not noise. */
const SHOW_COUNT_FROM = 0.8;

/** What the person is told when a change would pass the limit; null when it fits. */
export function overLimit(next: string, previous: string, max: number): string | null {
  if (next.length <= max) return null;
  const added = next.length - previous.length;
  // A paste (or anything larger than a keystroke) is refused whole: half a sentence is worse.
  if (added > 1) return `最多 ${max} 字。刚才的内容有 ${added} 字，放进来会超出 ${next.length - max} 字，所以没有放进来，请精简后再输入。`;
  return `最多 ${max} 字，已经写满了。`;
}

function useLimit(value: string | undefined, max: number, onChange?: (v: string) => void) {
  const [note, setNote] = useState<string | null>(null);
  const current = value ?? '';
  function change(next: string) {
    const refusal = overLimit(next, current, max);
    setNote(refusal);
    if (!refusal) onChange?.(next);
  }
  const showCount = note !== null || current.length >= max * SHOW_COUNT_FROM;
  const footer =
    showCount || note ? (
      <View className="limited__foot">
        {note && (
          <View className="limited__note" role="alert">
            <Text>{note}</Text>
          </View>
        )}
        {showCount && (
          <Text className={`limited__count${current.length >= max ? ' limited__count--full' : ''}`} aria-label={`已写 ${current.length} 字，最多 ${max} 字`}>
            {current.length} / {max}
          </Text>
        )}
      </View>
    ) : null;
  return { change, footer };
}

type InputProps = Omit<ComponentProps<typeof Input>, 'maxLength' | 'onChange' | 'value'> & { value: string; maxLength: number; onChange: (v: string) => void };

export function LimitedInput({ value, maxLength, onChange, type, ...rest }: InputProps) {
  const { change, footer } = useLimit(value, maxLength, onChange);
  // NutUI's H5 `digit` input deletes what is not an ASCII digit as it is typed, so a full-width
  // "１２３" from a Chinese keyboard vanished and a draft saved with no amount. As text, the page's
  // parser reads full-width digits and says what is wrong with anything else. The mini-program
  // keeps its number keyboard.
  const shown = process.env.TARO_ENV === 'h5' && type === 'digit' ? 'text' : type;
  return (
    <View className="limited">
      {/* The native limit is far above ours so that a paste reaches change() whole. */}
      <Input {...rest} type={shown} value={value} maxLength={maxLength * 20 + 100} onChange={change} />
      {footer}
    </View>
  );
}

type TextAreaProps = Omit<ComponentProps<typeof TextArea>, 'maxLength' | 'onChange' | 'value' | 'showCount'> & {
  value: string;
  maxLength: number;
  onChange: (v: string) => void;
};

export function LimitedTextArea({ value, maxLength, onChange, ...rest }: TextAreaProps) {
  const { change, footer } = useLimit(value, maxLength, onChange);
  return (
    <View className="limited">
      {/* -1: NutUI and the mini-program's textarea (140 by default) cut nothing; change() decides. */}
      <TextArea {...rest} value={value} maxLength={-1} onChange={change} />
      {footer}
    </View>
  );
}
