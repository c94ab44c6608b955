/**
 * Stored files (attachments: images and PDFs). Cloud storage in production, a folder on disk
 * locally. Ids are opaque to the core; `urls` turns them into addresses a phone can open.
 */
export interface Files {
  /** Stores bytes under a path chosen by the core; returns the id to keep. */
  put(path: string, bytes: Buffer, mime: string): Promise<string>;
  /** Addresses to open each file with (temporary on cloud storage), in the same order. */
  urls(ids: string[]): Promise<string[]>;
  /** The stored bytes, for 校验 to hash again; null when the file is gone. */
  read(id: string): Promise<Buffer | null>;
  /**
   * The path inside storage an id stands for (a CloudBase fileID is `cloud://<env>.<bucket>/<path>`),
   * or null when the id is not one of this storage's: what a function checks an uploaded file by.
   */
  pathOf(id: string): string | null;
  /** Deletes a file for good (a redaction of personal data); true when it was there. */
  remove(id: string): Promise<boolean>;
}
