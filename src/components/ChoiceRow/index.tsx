import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One option of a row: what it stands for and what its button says. */
export interface Choice<T> {
  value: T;
  label: string;
}

/** How a choice's button looks where it stands: NutUI's size and width, and a ✓ on the chosen one. */
interface Look {
  size?: 'normal' | 'large';
  block?: boolean;
  /** Writes ✓ before the chosen one, for whoever cannot tell it by its colour. */
  tick?: boolean;
}

/** A choice that reads the same to everyone: filled and aria-pressed when chosen, with `tick` a ✓ too. */
export function ChoiceButton({
  on,
  label,
  onClick,
  className,
  size = 'normal',
  block = false,
  tick = false,
}: Look & { on: boolean; label: string; onClick: () => void; className?: string }) {
  return (
    <Button className={className} size={size} block={block} type={on ? 'primary' : 'default'} aria-pressed={on} onClick={onClick}>
      {tick && on ? `✓ ${label}` : label}
    </Button>
  );
}

type RowProps<T> = Look & {
  className: string;
  /** What a screen reader calls the row. */
  label?: string;
  buttonClassName?: string;
  choices: Choice<T>[];
  current: T | null;
  onPick: (value: T) => void;
};

/**
 * A row of choices, one of them current: quarters, months, accounts, filters, orders. `choice-row`
 * lays it out (app.scss); `className` is the page's own, for its margins.
 */
export default function ChoiceRow<T>({ className, label, buttonClassName, choices, current, onPick, ...look }: RowProps<T>) {
  return (
    <View className={`choice-row ${className}`} {...(label ? { 'aria-label': label } : {})}>
      {choices.map((c) => (
        <ChoiceButton key={String(c.value)} className={buttonClassName} on={c.value === current} label={c.label} onClick={() => onPick(c.value)} {...look} />
      ))}
    </View>
  );
}

/**
 * A card that is one choice, at the top of a page (which quarter, which month): its title, which
 * also names the row, then the row and whatever follows it (a way to show older ones).
 */
export function ChoiceCard<T>({
  title,
  titleClassName,
  children,
  ...row
}: Omit<RowProps<T>, 'label'> & { title: string; titleClassName: string; children?: ReactNode }) {
  return (
    <View className="card">
      <Text className={titleClassName} style={{ marginTop: 0 }}>
        {title}
      </Text>
      <ChoiceRow label={title} {...row} />
      {children}
    </View>
  );
}
