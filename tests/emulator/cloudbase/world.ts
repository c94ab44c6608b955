/**
 * A whole CloudBase world for a test or a bench: the emulator with every collection the app
 * uses, the SDK pointed at it, a store over the SDK, and the functions on a pinned clock.
 * `stop()` puts the process environment back and closes the emulator.
 */
import { CloudBaseDocStore } from '../../../cloudfunctions/adapters/cloudbase/docstore';
import { C } from '../../../cloudfunctions/core/collections';
import { PERSONAS } from '../../../cloudfunctions/host/personas';
import type { MovableClock } from '../../../cloudfunctions/ports/clock';
import { cloudFunctions, type CloudFunctions } from './functions';
import { pointSdkAt, sdkDatabase } from './sdk-env';
import { startCloudBaseEmulator, type CloudBaseEmulator, type EmulatorOptions } from './server';

export interface CloudWorld {
  emu: CloudBaseEmulator;
  store: CloudBaseDocStore;
  fns: CloudFunctions;
  stop(): Promise<void>;
}

export async function startCloudWorld(o: {
  clock: MovableClock;
  idKey: string;
  signingKey: string;
  /** Fills the store (at no latency) before the functions start. */
  seed: (store: CloudBaseDocStore) => Promise<unknown>;
  /** Collections only seeds and benches write (never created in production). */
  seedCollections?: string[];
  emulator?: Omit<EmulatorOptions, 'collections'>;
  env?: Record<string, string>;
}): Promise<CloudWorld> {
  const emu = await startCloudBaseEmulator({ latencyMs: 0, ...o.emulator, collections: [...Object.values(C), PERSONAS, ...(o.seedCollections ?? [])] });
  const restoreSdk = pointSdkAt(emu);
  const store = new CloudBaseDocStore(sdkDatabase());
  try {
    await o.seed(store);
  } catch (e) {
    restoreSdk();
    await emu.stop();
    throw e;
  }
  const fns = cloudFunctions(emu, { clock: o.clock, idKey: o.idKey, signingKey: o.signingKey, env: o.env });
  return {
    emu,
    store,
    fns,
    async stop() {
      fns.restore();
      restoreSdk();
      await emu.stop();
    },
  };
}
