/**
 * The cloud functions as CloudBase runs them, in-process: each call goes through the real
 * entry (`cloudMain` / `cloudTimer` of adapters/cloudbase) with the context the platform passes
 * (WX_OPENID in `environment`), the real SDK underneath, and the function's timeout from
 * cloudbaserc.json. A call that outlives its timeout answers as the platform does, and is
 * recorded: the time-budget tests read `invocations`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudMain, cloudTimer, type CloudContext } from '../../../cloudfunctions/adapters/cloudbase/main';
import { tick } from '../../../cloudfunctions/core/scheduler';
import { functions } from '../../../cloudfunctions/functions/registry';
import type { Clock } from '../../../cloudfunctions/ports/clock';
import type { CloudBaseEmulator } from './server';

export interface Invocation {
  fn: string;
  action: string;
  ms: number;
  /** API requests the emulator answered while the call ran (exact when calls do not overlap). */
  requests: number;
  timeoutMs: number;
  timedOut: boolean;
}

interface RcFunction {
  name: string;
  timeout: number;
  envVariables?: Record<string, string>;
}

/** Each function's timeout in ms, as deployed (cloudbaserc.json). */
export function functionTimeouts(): Map<string, number> {
  const rc = JSON.parse(readFileSync(join(__dirname, '../../../cloudbaserc.json'), 'utf8')) as { functions: RcFunction[] };
  return new Map(rc.functions.map((f) => [f.name, f.timeout * 1000]));
}

export interface CloudFunctions {
  invoke(fn: string, action: string, data?: unknown, openid?: string | null): Promise<any>;
  /** The hourly timer trigger (no OPENID), or a phone calling the timer function (refused). */
  timer(openid?: string | null): Promise<any>;
  readonly invocations: Invocation[];
  restore(): void;
}

/** CloudBase's limit on a function call's request body. */
export const MAX_CALL_BYTES = 100 * 1024;

export function cloudFunctions(
  emu: CloudBaseEmulator,
  opts: { clock: Clock; idKey: string; signingKey: string; env?: Record<string, string> },
): CloudFunctions {
  const timeouts = functionTimeouts();
  const vars: Record<string, string> = { ID_HASH_KEY: opts.idKey, AUDIT_SIGNING_KEY: opts.signingKey, ...(opts.env ?? {}) };
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  const mains = new Map(Object.entries(functions).map(([name, def]) => [name, cloudMain(def, { clock: opts.clock })]));
  const scheduler = cloudTimer(tick, { clock: opts.clock });
  const invocations: Invocation[] = [];

  async function run(fn: string, action: string, call: (context: CloudContext) => Promise<unknown>, openid: string | null): Promise<any> {
    const timeoutMs = timeouts.get(fn);
    if (!timeoutMs) throw new Error(`${fn} is not in cloudbaserc.json`);
    const context: CloudContext = {
      function_name: fn,
      time_limit_in_ms: timeoutMs,
      environment: JSON.stringify({ WX_OPENID: openid ?? '', WX_APPID: openid ? 'wx-emulated-app' : '', TCB_ENV: emu.envId }),
    };
    const started = performance.now();
    const requestsBefore = emu.requestCount();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), timeoutMs);
    });
    const out = await Promise.race([call(context), timedOut]);
    clearTimeout(timer);
    const ms = performance.now() - started;
    invocations.push({ fn, action, ms, requests: emu.requestCount() - requestsBefore, timeoutMs, timedOut: out === 'timeout' });
    // What the platform answers a caller whose function ran out of time (errCode -504003).
    if (out === 'timeout') return { ok: false, error: { code: 'FUNCTION_TIMEOUT', message: `Invoking task timed out after ${timeoutMs / 1000} seconds` } };
    return out;
  }

  return {
    invocations,
    invoke(fn, action, data = {}, openid = null) {
      const main = mains.get(fn);
      if (!main) throw new Error(`no function ${fn}`);
      // CloudBase takes a call's body up to 100 KB: files go through storage, never in a call.
      const size = Buffer.byteLength(JSON.stringify({ action, data }));
      if (size > MAX_CALL_BYTES) return Promise.reject(new Error(`${fn}.${action}: call body of ${size} bytes, over CloudBase's 100 KB`));
      return run(fn, action, (context) => main({ action, data }, context), openid);
    },
    timer(openid = null) {
      return run('scheduler', 'tick', (context) => scheduler({}, context), openid);
    },
    restore() {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}
