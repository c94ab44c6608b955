import { useState } from 'react';
import { useAction, type Action } from '../../hooks/useAction';
import type { PickedFile } from '../../services/file-pick';

/** A file already in storage: the check, the import and any request all name it, so it is sent once. */
export interface SentFile {
  name: string;
  fileId: string;
}

export interface FileImportOptions<P> {
  /** Uploads the picked file to storage and answers its id. */
  send: (picked: PickedFile) => Promise<string>;
  /** Reads the uploaded file without writing anything: what an import would do, row by row. */
  check: (file: SentFile) => Promise<P>;
  /** Said when the check failed without the server's words. */
  failed: string;
  /** Refuse larger files before uploading them, in the page's words. */
  limit?: { bytes: number; text: (bytes: number) => string };
  /** Clears what the page kept about the previous file (a confirmation, a typed number, a result). */
  onNewFile?: () => void;
}

export interface FileImportState<P> {
  file: SentFile | null;
  preview: P | null;
  /** For a page that checks the same file again (an account placed) or updates what it shows. */
  setPreview: (preview: P | null) => void;
  /** Forgets the file and its check, after an import went in. */
  clear: () => void;
  /**
   * The one write in flight on this card, checking or importing: one busy flag and one error, as a
   * second file picked mid-import must not race it. The page runs its import through it too.
   */
  action: Action;
  /** Takes a picked file (null when the picker was closed): size, upload, check. */
  pick: (picked: PickedFile | null) => Promise<void>;
}

/**
 * Picking a spreadsheet and checking it before anything is imported: every import page does this
 * the same way, only the calls and the words differ.
 */
export function useFileImport<P>({ send, check, failed, limit, onNewFile }: FileImportOptions<P>): FileImportState<P> {
  const [file, setFile] = useState<SentFile | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const action = useAction();

  async function pick(picked: PickedFile | null) {
    if (!picked) return;
    if (limit && picked.size > limit.bytes) {
      setPreview(null);
      action.setError(limit.text(picked.size));
      return;
    }
    setFile(null);
    setPreview(null);
    onNewFile?.();
    await action.run(
      async () => {
        const fileId = await send(picked);
        const sent = { name: picked.name, fileId };
        setFile(sent);
        setPreview(await check(sent));
      },
      { failed },
    );
  }

  function clear() {
    setPreview(null);
    setFile(null);
  }

  return { file, preview, setPreview, clear, action, pick };
}
