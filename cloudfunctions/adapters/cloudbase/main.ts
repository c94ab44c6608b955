import tcb from '@cloudbase/node-sdk';
import type { Envelope } from '../../../types/errors';
import { createDispatcher, type ActionMap, type FunctionDef } from '../../core/shared/dispatch';
import { systemClock, type Clock } from '../../ports/clock';
import type { Ports } from '../../ports';
import { CloudBaseDocStore } from './docstore';
import { WeChatCodeMaker } from './code-maker';
import { WeChatContentCheck } from './content-check';
import { CloudBaseFiles } from './files';
import { CloudBaseNotifier } from './notifier';
import { WeChatPhoneNumbers } from './phone-numbers';

let app: ReturnType<typeof tcb.init> | undefined;

/** One SDK instance per warm container; created on first call, not at require time. */
function cloud() {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

/** What the platform passes a function besides the event; `environment` carries WX_OPENID. */
export interface CloudContext {
  environment?: string;
  environ?: string;
  [key: string]: unknown;
}

/**
 * The caller is the OPENID the platform injected for this invocation — never a field of the
 * event, which the client controls. It is read from the invocation's own context, not from
 * process.env, so an instance serving several calls at once never mixes up two callers.
 * No OPENID (a timer, a console test) means a visitor.
 */
function callerOpenid(context: CloudContext | undefined): string | null {
  if (!context || (!context.environment && !context.environ)) return null;
  const env = tcb.getCloudbaseContext(context as never) as { WX_OPENID?: string };
  return env.WX_OPENID ? env.WX_OPENID : null;
}

export interface CloudOptions {
  /** The machine's clock in production; tests on the emulator pin it. */
  clock?: Clock;
}

export function cloudPorts(context: CloudContext | undefined, opts: CloudOptions = {}): Ports {
  return {
    store: new CloudBaseDocStore(cloud().database()),
    clock: opts.clock ?? systemClock,
    caller: { openid: callerOpenid(context) },
    // ID_HASH_KEY and AUDIT_SIGNING_KEY are set on every function by `npm run deploy`
    // (scripts/deploy/plan.ts); a function without them refuses to touch people or history.
    idKey: process.env.ID_HASH_KEY ?? '',
    signingKey: process.env.AUDIT_SIGNING_KEY,
    files: new CloudBaseFiles(cloud()),
    notifier: new CloudBaseNotifier(cloud()),
    contentCheck: new WeChatContentCheck(cloud()),
    codeMaker: new WeChatCodeMaker(cloud()),
    phones: new WeChatPhoneNumbers(cloud()),
  };
}

/** Wraps a capability as a CloudBase entry: `exports.main = cloudMain(def)`. */
export function cloudMain<A extends ActionMap>(def: FunctionDef<A>, opts: CloudOptions = {}) {
  const dispatch = createDispatcher(def);
  return async (event: unknown, context?: CloudContext): Promise<Envelope<unknown>> => dispatch(event, cloudPorts(context, opts));
}

/**
 * Wraps a timer's work as a CloudBase entry. A timer trigger carries no OPENID; a call from a
 * phone does, and is refused, so no villager can run the township's clock.
 */
export function cloudTimer<T>(work: (ports: Ports) => Promise<T>, opts: CloudOptions = {}) {
  return async (_event?: unknown, context?: CloudContext): Promise<Envelope<T>> => {
    const ports = cloudPorts(context, opts);
    if (ports.caller.openid) return { ok: false, error: { code: 'PERMISSION_DENIED', message: '这是定时任务，不能从小程序调用。' } };
    return { ok: true, data: await work(ports) };
  };
}
