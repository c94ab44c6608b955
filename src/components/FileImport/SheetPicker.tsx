import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { fromBrowserFile, pickChatFile, type PickedFile } from '../../services/file-pick';

export interface SheetPickerProps {
  /** What the H5 picker says. */
  text: string;
  ariaLabel: string;
  /** What the mini-program button says (it picks from WeChat chats); the H5 text when not given. */
  chatText?: string;
  className?: string;
  inputClassName?: string;
  /** A box around the picker, where the page lays it out apart from the card. */
  wrapClassName?: string;
  disabled?: boolean;
  onPick: (picked: PickedFile | null) => Promise<void>;
}

/**
 * An Excel or CSV file: H5 takes it from a file input under a large label; the mini-program from a
 * WeChat chat, where a spreadsheet usually reaches a cadre.
 */
export default function SheetPicker({
  text,
  ariaLabel,
  chatText,
  className = 'file-pick',
  inputClassName = 'file-pick__input',
  wrapClassName,
  disabled,
  onPick,
}: SheetPickerProps) {
  const picker =
    process.env.TARO_ENV === 'h5' ? (
      <label className={className}>
        {text}
        <input
          className={inputClassName}
          type="file"
          accept=".xlsx,.csv"
          aria-label={ariaLabel}
          disabled={disabled}
          onChange={async (e) => {
            // React clears currentTarget once the handler awaits: keep the element.
            const input = e.currentTarget;
            const f = input.files?.[0];
            await onPick(f ? fromBrowserFile(f) : null);
            input.value = '';
          }}
        />
      </label>
    ) : (
      <Button
        type="primary"
        size="large"
        block
        disabled={disabled}
        onClick={async () => {
          await onPick(await pickChatFile(['xlsx', 'csv']));
        }}
      >
        {chatText ?? text}
      </Button>
    );
  return wrapClassName ? <View className={wrapClassName}>{picker}</View> : picker;
}
