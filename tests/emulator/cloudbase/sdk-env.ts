/**
 * Points @cloudbase/node-sdk at an emulator the way the platform points it inside a cloud
 * function: TENCENTCLOUD_RUNENV=SCF with the region, namespace and temporary keys the platform
 * injects, and TCB_CONTEXT_CNFG.URL, the address the SDK then sends every API request to.
 */
import type { CloudBaseEmulator } from './server';

const KEYS = [
  'TENCENTCLOUD_RUNENV',
  'TENCENTCLOUD_REGION',
  'SCF_NAMESPACE',
  'TCB_ENV',
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'TCB_CONTEXT_CNFG',
] as const;

/** Sets the environment for `emu`; returns what puts the previous environment back. */
export function pointSdkAt(emu: CloudBaseEmulator): () => void {
  const before = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: emu.envId,
    TCB_ENV: emu.envId,
    TENCENTCLOUD_SECRETID: 'emulated-secret-id',
    TENCENTCLOUD_SECRETKEY: 'emulated-secret-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: emu.url }),
  });
  return () => {
    for (const k of KEYS) {
      if (before[k] === undefined) delete process.env[k];
      else process.env[k] = before[k];
    }
  };
}

/** The SDK's database for the current environment, loaded only once the environment is set. */
export function sdkDatabase(): unknown {
  const tcb = require('@cloudbase/node-sdk') as typeof import('@cloudbase/node-sdk');
  return tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
}
