import type http from 'node:http';
import type { Envelope } from '../../types/errors';
import type { Ports } from '../ports';
import type { PhoneNumbers } from '../ports/phone-numbers';
import { acceptedEncodings, gzipAsync, MAX_BODY_BYTES, readBody, sendError, sendJson, TooLarge } from './http';
import { callerFor, PERSONA_HEADER } from './personas';

/** API answers shorter than this go uncompressed. */
const API_GZIP_MIN = 1024;

export type Dispatch = (event: unknown, ports: Ports) => Promise<Envelope<unknown>>;

/** What `POST /api/<function>` runs with: the mounted functions and the ports every call shares. */
export interface ApiContext {
  dispatchers: Map<string, Dispatch>;
  /** Everything but the caller, who is found per request. */
  ports: Omit<Ports, 'caller' | 'phones'>;
  phones: PhoneNumbers;
  /** Whether this host honours dev personas (only once known to listen on loopback). */
  personasOn: () => boolean;
}

/**
 * One function call, as the cloud would take it: a JSON event in, an envelope out, never a
 * stack trace. The caller is the dev persona the request names, when personas are on.
 */
export async function handleApi(ctx: ApiContext, req: http.IncomingMessage, res: http.ServerResponse, fn: string): Promise<void> {
  const started = process.hrtime.bigint();
  if (req.method !== 'POST') {
    sendError(res, 405, 'INVALID_ARGUMENT', '请使用 POST 调用接口。');
    return;
  }
  const dispatch = ctx.dispatchers.get(fn);
  if (!dispatch) {
    sendError(res, 404, 'NOT_FOUND', `没有名为“${fn.slice(0, 40)}”的功能，请更新小程序后再试。`);
    return;
  }
  let raw: string;
  try {
    raw = (await readBody(req)).toString('utf8');
  } catch (e) {
    if (e instanceof TooLarge) {
      res.setHeader('connection', 'close');
      sendError(res, 413, 'PAYLOAD_TOO_LARGE', `提交的内容太大（上限 ${MAX_BODY_BYTES / 1024} KB），请精简后再试。`);
    }
    return;
  }
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch {
    sendError(res, 400, 'INVALID_ARGUMENT', '请求内容不是有效的 JSON。');
    return;
  }
  const personasOn = ctx.personasOn();
  const persona = personasOn ? req.headers[PERSONA_HEADER] : undefined;
  const caller = await callerFor(ctx.ports.store, Array.isArray(persona) ? persona[0] : persona);
  const envelope = await dispatch(event, {
    ...ctx.ports,
    caller,
    // A number typed into the H5 demo field stands for WeChat's check, like a persona does.
    ...(personasOn ? { phones: ctx.phones } : {}),
  });
  // Business failures are still answered 200, as a cloud function would: the envelope says.
  // Server-Timing carries the time spent here (body, caller, handler, serialising excluded):
  // browser devtools show it, and `npm run bench` reads it as the server's share of a request.
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const timing = { 'server-timing': `app;dur=${ms.toFixed(3)}` };
  const text = JSON.stringify(envelope);
  // A quarter's list or a month's rows run to several KB; on a village's mobile signal gzip
  // cuts them to a fifth. Small answers go as they are: compressing them gains nothing.
  if (text.length >= API_GZIP_MIN && acceptedEncodings(req.headers['accept-encoding']).has('gzip')) {
    const body = await gzipAsync(text, { level: 6 });
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'gzip',
      'content-length': body.length,
      'cache-control': 'no-store',
      vary: 'Accept-Encoding',
      ...timing,
    });
    res.end(body);
    return;
  }
  sendJson(res, 200, envelope, { ...timing, vary: 'Accept-Encoding' });
}
