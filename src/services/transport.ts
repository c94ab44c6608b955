import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api';
import type { Envelope, ErrorCode } from '../../types/errors';
import { devPersonaHeader } from './dev-persona';
import { syncServerTime } from './china-time';
import type { PickedFile } from './file-pick';
import { offerVerification } from './verify-offer';

/** A failed call, carrying the function's error code and its Chinese message. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Where the app can take the person to put it right (see ApiError.next). */
    readonly next?: 'verify',
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

const NETWORK_MESSAGE = '网络不太好，没能连上服务。请检查网络后点“重试”。';

async function sendCloud(name: string, body: { action: string; data: unknown }): Promise<Envelope<unknown>> {
  const res = await Taro.cloud.callFunction({ name, data: body });
  return res.result as Envelope<unknown>;
}

async function sendHttp(name: string, body: { action: string; data: unknown }): Promise<Envelope<unknown>> {
  const res = await fetch(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...devPersonaHeader() },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope<unknown>;
}

// Decided at build time: the weapp bundle keeps only the cloud path (and no dev persona code).
const send = process.env.TARO_ENV === 'weapp' ? sendCloud : sendHttp;

/**
 * The single transport: cloud functions in the mini-program, the local host's HTTP API in H5.
 * Resolves with the data or rejects with ApiCallError; nothing else above this knows which.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>): Promise<ActionOutput<F, A>> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await send(fn, { action, data });
  } catch {
    throw new ApiCallError('UNAVAILABLE', NETWORK_MESSAGE);
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiCallError('INTERNAL', '服务返回了无法识别的内容，请稍后再试。');
  }
  syncServerTime(envelope.now);
  if (!envelope.ok) {
    // Needs 村民身份认证: offered where the person is, whichever page asked.
    if (envelope.error.next === 'verify') offerVerification((data as { villageId?: string } | null)?.villageId);
    throw new ApiCallError(envelope.error.code, envelope.error.message, envelope.error.next);
  }
  return envelope.data as ActionOutput<F, A>;
}

/** What an uploaded file is for: decides where it goes and the size and type rules applied to it. */
export type UploadPurpose = 'photo' | 'attachment' | 'roster' | 'ledger' | 'assets';

const EXTENSIONS = ['jpg', 'png', 'pdf', 'xlsx', 'csv'];

/** The extension storage's path gets (jpeg is jpg); the function checks the bytes themselves. */
function extensionOf(name: string): string {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase().replace(/^jpeg$/, 'jpg');
  return EXTENSIONS.includes(ext) ? ext : 'jpg';
}

/** 24 letters and digits: a name no one else's upload will have. */
function randomName(): string {
  let out = '';
  while (out.length < 24) out += Math.floor(Math.random() * 36).toString(36);
  return out;
}

async function uploadCloud(villageId: string, purpose: UploadPurpose, file: PickedFile): Promise<string> {
  // The only folder the storage rules let a phone write to (docs/deploy.md), and only there.
  const cloudPath = `incoming/${villageId}/${purpose}/${randomName()}.${extensionOf(file.name)}`;
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.source as string });
  return res.fileID;
}

async function uploadHttp(villageId: string, purpose: UploadPurpose, file: PickedFile): Promise<string> {
  const res = await fetch(`/upload/${encodeURIComponent(villageId)}/${purpose}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...devPersonaHeader() },
    body: file.source as File,
  });
  const envelope = (await res.json()) as Envelope<{ fileId: string }>;
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.data.fileId;
}

const upload = process.env.TARO_ENV === 'weapp' ? uploadCloud : uploadHttp;

/**
 * Puts a chosen file in storage's incoming folder and resolves with its id, which the function
 * call then carries instead of the bytes. Rejects with ApiCallError (a refused file's message,
 * or the network one).
 */
export async function uploadFile(villageId: string, purpose: UploadPurpose, file: PickedFile): Promise<string> {
  try {
    return await upload(villageId, purpose, file);
  } catch (e) {
    if (e instanceof ApiCallError) throw e;
    throw new ApiCallError('UNAVAILABLE', '文件没能传上去，请检查网络后重试。');
  }
}
