import { View } from '@tarojs/components';
import { fromBrowserFile, pickChatFile, type PickedFile } from '../../services/file-pick';
import FilePick from '../FilePick';

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
export default function SheetPicker({ text, ariaLabel, chatText, className, inputClassName, wrapClassName, disabled, onPick }: SheetPickerProps) {
  const picker = (
    <FilePick
      text={text}
      ariaLabel={ariaLabel}
      buttonText={chatText}
      accept=".xlsx,.csv"
      className={className}
      inputClassName={inputClassName}
      disabled={disabled}
      primary
      onFiles={([f]) => onPick(f ? fromBrowserFile(f) : null)}
      onTap={async () => {
        await onPick(await pickChatFile(['xlsx', 'csv']));
      }}
    />
  );
  return wrapClassName ? <View className={wrapClassName}>{picker}</View> : picker;
}
