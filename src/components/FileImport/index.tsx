import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import Alert from '../Alert';
import SheetPicker, { type SheetPickerProps } from './SheetPicker';
import type { FileImportState, SentFile } from './useFileImport';

export { useFileImport, type FileImportOptions, type FileImportState, type SentFile } from './useFileImport';

export interface FileImportProps<P> {
  imp: FileImportState<P>;
  picker: Omit<SheetPickerProps, 'onPick'>;
  /** The page's class for the "正在处理…" line. */
  busyClassName: string;
  /** What to show as the card's error; the import's own error when not given. */
  error?: string | null;
  /** How the page shows an error; an Alert when not given. */
  renderError?: (message: string) => ReactNode;
  /** What the check found, and the page's way to import it; drawn only once there is a check. */
  children: (preview: P, file: SentFile | null) => ReactNode;
}

/**
 * The middle of an import card: pick a spreadsheet, the check while it runs, what went wrong, and
 * what the check found (each row that needs fixing), for the page to import from. The page keeps
 * its own heading, hints and import button around it.
 */
export default function FileImport<P>({ imp, picker, busyClassName, error, renderError, children }: FileImportProps<P>) {
  const shown = error === undefined ? imp.action.error : error;
  return (
    <>
      <SheetPicker {...picker} onPick={imp.pick} />
      {imp.action.busy && <Text className={busyClassName}>正在处理…</Text>}
      {shown && (renderError ? renderError(shown) : <Alert text={shown} />)}
      {imp.preview && children(imp.preview, imp.file)}
    </>
  );
}
