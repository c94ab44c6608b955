import { Button } from '@nutui/nutui-react-taro';

export interface FilePickProps {
  /** What the picker says. */
  text: string;
  /** What a screen reader calls the H5 input; the text when not given. */
  ariaLabel?: string;
  /** What the mini-program button says, when it picks from somewhere else (a WeChat chat). */
  buttonText?: string;
  /** The H5 input's file types. */
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  className?: string;
  inputClassName?: string;
  /** The mini-program button is the card's main action. */
  primary?: boolean;
  /** H5: the files chosen, none when the person closed the picker. */
  onFiles: (files: File[]) => Promise<void>;
  /** Mini-program: opens the platform's own picker. */
  onTap: () => Promise<void>;
}

/**
 * Taking a file: H5 puts a file input under a large label; the mini-program has no file input, so
 * a button opens its picker (camera, album or chat, as the page decides).
 */
export default function FilePick({
  text,
  ariaLabel,
  buttonText,
  accept,
  multiple,
  disabled,
  className = 'file-pick',
  inputClassName = 'file-pick__input',
  primary = false,
  onFiles,
  onTap,
}: FilePickProps) {
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <Button type={primary ? 'primary' : 'default'} size="large" block disabled={disabled} onClick={onTap}>
        {buttonText ?? text}
      </Button>
    );
  }
  return (
    <label className={className}>
      {text}
      <input
        className={inputClassName}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-label={ariaLabel ?? text}
        disabled={disabled}
        onChange={async (e) => {
          // React clears currentTarget once the handler awaits: keep the element.
          const input = e.currentTarget;
          try {
            await onFiles(Array.from(input.files ?? []));
          } finally {
            // Emptied once handled, so the same file can be chosen again (after a refusal, say).
            input.value = '';
          }
        }}
      />
    </label>
  );
}
