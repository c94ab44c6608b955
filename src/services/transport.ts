import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api';
import type { Envelope, ErrorCode } from '../../types/errors';
import { devPersonaHeader } from './dev-persona';
import { syncServerTime } from './china-time';

/** A failed call, carrying the function's error code and its Chinese message. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
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
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
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
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.data as ActionOutput<F, A>;
}
