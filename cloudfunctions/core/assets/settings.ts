import type { AssetSettings } from '../../../types/assets';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { authorize, callerInTownship, townshipActorOf } from '../caller/api';
import { C } from '../collections';
import type { AssetSettingsDoc } from './model';
import { assetsPolicy } from './policy';
import { DEFAULT_ASSET_SETTINGS } from './rules';

// The township's numbers for the 三资 warnings: term limit, how early expiry warns, how long an
// asset may stand idle, and the reference rent per 亩 for each kind of land.

export async function settingsFor(ports: Ports, townshipId: string): Promise<AssetSettings> {
  const doc = await ports.store.collection<AssetSettingsDoc>(C.assetSettings).get(townshipId);
  return {
    townshipId,
    termLimitYears: doc?.termLimitYears ?? DEFAULT_ASSET_SETTINGS.termLimitYears,
    expiringDays: doc?.expiringDays ?? DEFAULT_ASSET_SETTINGS.expiringDays,
    idleMonths: doc?.idleMonths ?? DEFAULT_ASSET_SETTINGS.idleMonths,
    referencePriceFen: doc?.referencePriceFen ?? DEFAULT_ASSET_SETTINGS.referencePriceFen,
  };
}

export async function settings(ports: Ports, input: { townshipId: string }): Promise<AssetSettings> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, assetsPolicy.settings);
  return settingsFor(ports, input.townshipId);
}

/** Applies from the next look at each village (a write there, or the daily scan). */
export async function updateSettings(ports: Ports, input: AssetSettings): Promise<AssetSettings> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, assetsPolicy.updateSettings);
  const at = ports.clock.now().toISOString();
  const { townshipId, ...next } = input;
  await ports.store.transaction(async (tx) => {
    const before = await tx.get<AssetSettingsDoc>(C.assetSettings, townshipId);
    await tx.set(C.assetSettings, townshipId, next);
    await appendAudit(tx, `township:${townshipId}`, {
      actor: townshipActorOf(ctx),
      action: 'assets.updateSettings',
      target: `township:${townshipId}`,
      change: { before: before ?? null, after: next },
      at,
    });
  });
  return settingsFor(ports, townshipId);
}
