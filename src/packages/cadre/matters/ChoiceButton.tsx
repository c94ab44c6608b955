import { Button } from '@nutui/nutui-react-taro';

/** A choice that reads the same to everyone: the ✓ and aria-pressed, not only the colour. */
export default function ChoiceButton({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) {
  return (
    <Button size="large" type={on ? 'primary' : 'default'} aria-pressed={on} onClick={onClick}>
      {on ? `✓ ${label}` : label}
    </Button>
  );
}
