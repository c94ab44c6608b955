import { randomBytes } from 'node:crypto';
import type { Attachment } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { sha256 } from '../shared/digest';
import { fail } from '../shared/errors';
import { UncleanableImage, withoutMetadata } from './clean';
import { dropIncoming, takeIncoming } from './incoming';

/**
 * Stored files that records name: a disclosure item's attachments, a ledger row's vouchers, a
 * ticket's photos. Each capability decides who may upload and when a file becomes part of its
 * record; keeping, cleaning and opening the file is the same for all of them, so it lives here.
 */

/** An attachment as kept in a draft, version, ledger row or ticket: the file's id in the Files port and its digest. */
export interface StoredAttachment {
  id: string;
  fileId: string;
  name: string;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  sha256: string;
}

interface UploadDoc extends StoredAttachment {
  _id: string;
  villageId: string;
  uploadedAt: string;
  uploadedBy: string | null;
  [k: string]: unknown;
}

const MIME: Record<'jpg' | 'png' | 'pdf', StoredAttachment['mime']> = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/**
 * Takes one uploaded file from storage's incoming folder (checked to be this village's, for this
 * purpose, of an accepted size and type by its first bytes) and keeps a clean copy under a random
 * name; part of anything only once it is named. The original is removed: a photo's copy loses
 * where and when it was taken and with which phone, the original would still say.
 */
export async function storeUpload(
  ports: Ports,
  input: { villageId: string; name: string; fileId: string; folder: string; uploadedBy: string | null; purpose: 'photo' | 'attachment' },
  /** Runs once the file is known to be acceptable, before anything is written (e.g. a rate limit). */
  beforeWrite?: () => Promise<void>,
): Promise<Attachment> {
  const taken = await takeIncoming(ports, { villageId: input.villageId, purpose: input.purpose, fileId: input.fileId });
  const kind = taken.kind as keyof typeof MIME;
  const mime = MIME[kind];
  let bytes: Buffer = taken.bytes;
  if (mime !== 'application/pdf') {
    try {
      bytes = withoutMetadata(taken.bytes, mime);
    } catch (e) {
      if (e instanceof UncleanableImage) throw fail.invalid('这张图片的文件不完整或格式不对，没法去掉其中的拍摄信息。请重新拍一张，或截图后再传。');
      throw e;
    }
  }
  await beforeWrite?.();
  const id = randomBytes(12).toString('hex');
  const fileId = await ports.files.put(`${input.folder}/${input.villageId}/${id}.${kind}`, bytes, mime);
  const doc: UploadDoc = {
    _id: id,
    id,
    villageId: input.villageId,
    fileId,
    name: input.name,
    mime,
    size: bytes.length,
    sha256: sha256(bytes),
    uploadedAt: ports.clock.now().toISOString(),
    uploadedBy: input.uploadedBy,
  };
  await ports.store.collection<UploadDoc>(C.uploads).add(doc);
  await dropIncoming(ports, taken.fileId);
  const [url] = await ports.files.urls([fileId]);
  return { id, name: doc.name, mime, size: doc.size, url };
}

/** The uploads a draft names, checked to belong to the village. */
export async function resolveAttachments(ports: Ports, villageId: string, ids: string[]): Promise<StoredAttachment[]> {
  if (new Set(ids).size !== ids.length) throw fail.invalid('同一个附件添加了两次。');
  const out: StoredAttachment[] = [];
  for (const id of ids) {
    const doc = await ports.store.collection<UploadDoc>(C.uploads).get(id);
    if (!doc || doc.villageId !== villageId) throw fail.invalid('有附件找不到了，请重新上传。');
    out.push({ id: doc.id, fileId: doc.fileId, name: doc.name, mime: doc.mime, size: doc.size, sha256: doc.sha256 });
  }
  return out;
}

/**
 * Forgets uploads a redaction took out of every version, in the redaction's transaction; the
 * files themselves are removed by the caller once it committed.
 */
export async function forgetUploads(tx: Transaction, ids: Iterable<string>): Promise<void> {
  for (const id of ids) await tx.remove(C.uploads, id);
}

/** Attachments as a phone opens them. */
export async function attachmentViews(ports: Ports, list: StoredAttachment[]): Promise<Attachment[]> {
  return (await attachmentViewsOf(ports, [list]))[0];
}

/**
 * Several lists at once (a month's rows, a queue of tickets) with one address lookup: on cloud
 * storage each lookup is a call, and a page of sixty rows must not make sixty.
 */
export async function attachmentViewsOf(ports: Ports, lists: StoredAttachment[][]): Promise<Attachment[][]> {
  const all = lists.flat();
  const urls = all.length ? await ports.files.urls(all.map((a) => a.fileId)) : [];
  let i = 0;
  return lists.map((list) => list.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, url: urls[i++] })));
}
