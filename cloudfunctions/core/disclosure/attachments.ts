import { randomBytes } from 'node:crypto';
import type { Attachment } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { authorize, callerInVillage } from '../identity/context';
import { UncleanableImage, withoutMetadata } from '../attachments/clean';
import { sha256 } from '../shared/digest';
import { findPersonalNumbers } from '../shared/personal-numbers';
import { fail } from '../shared/errors';
import { CADRES, type Rule } from '../shared/policy';
import type { StoredAttachment } from './model';

export const MAX_ATTACHMENT_BYTES = 1024 * 1024;
export const MAX_ATTACHMENTS = 9;

export const attachmentPolicy = {
  upload: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;

interface UploadDoc extends StoredAttachment {
  _id: string;
  villageId: string;
  uploadedAt: string;
  uploadedBy: string | null;
  [k: string]: unknown;
}

/** What the bytes are, by their first bytes, not by the name the phone gave them. */
export function sniff(bytes: Buffer): StoredAttachment['mime'] | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

const EXT: Record<StoredAttachment['mime'], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * A cadre uploads an image or PDF for a draft. The file is stored at once, under a random name;
 * it becomes part of an item only when a draft names it, and public only when that draft is approved.
 */
export async function upload(ports: Ports, input: { villageId: string; name: string; dataBase64: string }): Promise<Attachment> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, attachmentPolicy.upload);
  // The name is published with the file.
  if (findPersonalNumbers(input.name).length) throw fail.invalid('文件名里有身份证号或手机号，会随附件一起公开。请改文件名后再上传。');
  return storeUpload(ports, { ...input, folder: 'disclosure', uploadedBy: ctx.openid, accept: ['image/jpeg', 'image/png', 'application/pdf'] });
}

/**
 * Checks and stores one uploaded file: its size, and its type by its first bytes rather than the
 * name the phone gave it. Stored under a random name; part of anything only once it is named.
 */
export async function storeUpload(
  ports: Ports,
  input: { villageId: string; name: string; dataBase64: string; folder: string; uploadedBy: string | null; accept: StoredAttachment['mime'][] },
  /** Runs once the file is known to be acceptable, before anything is written (e.g. a rate limit). */
  beforeWrite?: () => Promise<void>,
): Promise<Attachment> {
  const received = Buffer.from(input.dataBase64, 'base64');
  if (received.length === 0) throw fail.invalid('文件是空的，请重新选择。');
  if (received.length > MAX_ATTACHMENT_BYTES) throw fail.invalid(`文件太大（${Math.ceil(received.length / 1024)} KB），不能超过 1 MB，请压缩后再传。`);
  const mime = sniff(received);
  if (!mime || !input.accept.includes(mime)) {
    throw fail.invalid(input.accept.includes('application/pdf') ? '只能上传图片（JPG、PNG）或 PDF 文件。' : '只能上传照片（JPG、PNG）。');
  }
  // Where and when a photo was taken, and with which phone, never reaches storage.
  let bytes: Buffer = received;
  if (mime !== 'application/pdf') {
    try {
      bytes = withoutMetadata(received, mime);
    } catch (e) {
      if (e instanceof UncleanableImage) throw fail.invalid('这张图片的文件不完整或格式不对，没法去掉其中的拍摄信息。请重新拍一张，或截图后再传。');
      throw e;
    }
  }
  await beforeWrite?.();
  const id = randomBytes(12).toString('hex');
  const fileId = await ports.files.put(`${input.folder}/${input.villageId}/${id}.${EXT[mime]}`, bytes, mime);
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
