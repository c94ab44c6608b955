import type { Ports } from '../../ports';
import { fail } from '../shared/errors';

/**
 * Files reach a function through storage, never inside the call: CloudBase takes a request body of
 * at most 100 KB, and a phone's photo or a roster is many times that. The phone uploads to
 * `incoming/<village>/<purpose>/<name>` (Taro.cloud.uploadFile in the mini-program, the local
 * host's /upload endpoint in H5) and passes the file id. The function then checks the id is an
 * incoming file of the caller's village and of the purpose it is taking, and checks the bytes
 * themselves: size and type, by their first bytes and not by the name.
 */
export type IncomingPurpose = 'photo' | 'attachment' | 'roster' | 'ledger' | 'assets';
export type IncomingKind = 'jpg' | 'png' | 'pdf' | 'xlsx' | 'csv';

export const MB = 1024 * 1024;

export const INCOMING: Record<IncomingPurpose, { maxBytes: number; kinds: IncomingKind[]; refused: string }> = {
  // A report's photos.
  photo: { maxBytes: MB, kinds: ['jpg', 'png'], refused: '只能上传照片（JPG、PNG）。' },
  // A disclosure's attachments and a ledger row's voucher.
  attachment: { maxBytes: MB, kinds: ['jpg', 'png', 'pdf'], refused: '只能上传图片（JPG、PNG）或 PDF 文件。' },
  // A 3,000-person roster is about 300 KB as xlsx.
  roster: { maxBytes: 2 * MB, kinds: ['xlsx', 'csv'], refused: '只能导入 .xlsx 或 .csv 表格。' },
  ledger: { maxBytes: MB, kinds: ['xlsx', 'csv'], refused: '只能导入 .xlsx 或 .csv 表格。' },
  // A 资产台账 or 资源台账: hundreds of rows, a few thousand at most.
  assets: { maxBytes: MB, kinds: ['xlsx', 'csv'], refused: '只能导入 .xlsx 或 .csv 表格。' },
};

export const INCOMING_PURPOSES = Object.keys(INCOMING) as IncomingPurpose[];

/** A village id, a purpose, then a name of the phone's making: letters, digits, - and _. */
const PATH = /^incoming\/([A-Za-z0-9_-]{1,64})\/(photo|attachment|roster|ledger|assets)\/([A-Za-z0-9_-]{8,64})\.(jpg|png|pdf|xlsx|csv)$/;

/** What the bytes are, by their first bytes, not by the name the phone gave them. */
export function sniff(bytes: Buffer): IncomingKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  // An xlsx is a zip; what is inside is the sheet reader's to check.
  if (bytes.length >= 4 && bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  // Text: no NUL byte in what a CSV could be (UTF-8 or GBK both avoid it).
  if (bytes.length > 0 && !bytes.subarray(0, 64 * 1024).includes(0)) return 'csv';
  return null;
}

/**
 * Why a file may not be taken for a purpose, in words for the person; null when it may. The same
 * rule for the local upload endpoint (early, before storing) and the function (authoritative).
 */
export function refusalOf(purpose: IncomingPurpose, bytes: Buffer): string | null {
  const rule = INCOMING[purpose];
  if (bytes.length === 0) return '文件是空的，请重新选择。';
  if (bytes.length > rule.maxBytes) return `文件太大（${Math.ceil(bytes.length / 1024)} KB），不能超过 ${rule.maxBytes / MB} MB，请压缩后再传。`;
  const kind = sniff(bytes);
  if (!kind || !rule.kinds.includes(kind)) return rule.refused;
  return null;
}

/** The incoming path's parts, or null when it is not an incoming file. */
export function parseIncomingPath(path: string): { villageId: string; purpose: IncomingPurpose } | null {
  const m = PATH.exec(path);
  return m ? { villageId: m[1], purpose: m[2] as IncomingPurpose } : null;
}

export interface TakenFile {
  bytes: Buffer;
  kind: IncomingKind;
  fileId: string;
}

/**
 * The bytes of an uploaded file, once it is known to be an incoming file of this village and
 * purpose and to pass the purpose's size and type rules. Authorise the caller before calling.
 */
export async function takeIncoming(ports: Ports, input: { villageId: string; purpose: IncomingPurpose; fileId: string }): Promise<TakenFile> {
  const path = ports.files.pathOf(input.fileId);
  const parsed = path ? parseIncomingPath(path) : null;
  // Another village's file, or one uploaded for something else (a photo offered as a roster, a
  // published attachment offered as a new upload), is refused before its bytes are read.
  if (!parsed || parsed.villageId !== input.villageId || parsed.purpose !== input.purpose) {
    throw fail.invalid('文件不是为这里上传的，请重新选择文件。');
  }
  const bytes = await ports.files.read(input.fileId);
  if (!bytes) throw fail.invalid('上传的文件找不到了，请重新选择文件。');
  const refusal = refusalOf(input.purpose, bytes);
  if (refusal) throw fail.invalid(refusal);
  // A spreadsheet is then read as its name says (the sheet reader refuses what does not parse).
  return { bytes, kind: sniff(bytes) as IncomingKind, fileId: input.fileId };
}

/**
 * Removes an incoming file once taken: the original photo still has its GPS and the phone's
 * serial, a roster has ID numbers in clear. Storage that refuses is not the person's problem.
 */
export async function dropIncoming(ports: Ports, fileId: string): Promise<void> {
  await ports.files.remove(fileId).catch(() => false);
}
