import tcb from '@cloudbase/node-sdk';
import type { Envelope } from '../../../types/errors';
import { createDispatcher, type ActionMap, type FunctionDef } from '../../core/shared/dispatch';
import { systemClock } from '../../ports/clock';
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

/**
 * The caller is the OPENID the platform injected for this invocation — never a field of the
 * event, which the client controls. No OPENID (e.g. a console test) means a visitor.
 */
function callerOpenid(): string | null {
  const info = cloud().auth().getUserInfo() as { openId?: string };
  return info.openId ? info.openId : null;
}

export function cloudPorts(): Ports {
  return {
    store: new CloudBaseDocStore(cloud().database()),
    clock: systemClock,
    caller: { openid: callerOpenid() },
    // Set ID_HASH_KEY on every function that reads or writes people (README, 部署到云开发).
    idKey: process.env.ID_HASH_KEY ?? '',
    // AUDIT_SIGNING_KEY signs audit checkpoints: set it on every function (README, 部署到云开发).
    signingKey: process.env.AUDIT_SIGNING_KEY,
    files: new CloudBaseFiles(cloud()),
    notifier: new CloudBaseNotifier(cloud()),
    contentCheck: new WeChatContentCheck(cloud()),
    codeMaker: new WeChatCodeMaker(cloud()),
    phones: new WeChatPhoneNumbers(cloud()),
  };
}

/** Wraps a capability as a CloudBase entry: `exports.main = cloudMain(def)`. */
export function cloudMain<A extends ActionMap>(def: FunctionDef<A>) {
  const dispatch = createDispatcher(def);
  return async (event: unknown): Promise<Envelope<unknown>> => dispatch(event, cloudPorts());
}

/**
 * Wraps a timer's work as a CloudBase entry. A timer trigger carries no OPENID; a call from a
 * phone does, and is refused, so no villager can run the township's clock.
 */
export function cloudTimer<T>(work: (ports: Ports) => Promise<T>) {
  return async (): Promise<Envelope<T>> => {
    const ports = cloudPorts();
    if (ports.caller.openid) return { ok: false, error: { code: 'PERMISSION_DENIED', message: '这是定时任务，不能从小程序调用。' } };
    return { ok: true, data: await work(ports) };
  };
}
