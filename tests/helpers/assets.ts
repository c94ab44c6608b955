import type { AssetInput, ContractInput, ResourceInput } from '../../types/assets';

/** Any host a test's setup writes through: the functions host, or a page test's host. */
interface Writer {
  ok(fn: string, action: string, data?: unknown, persona?: string): Promise<any>;
}

/** A contract's terms as the 会计 enters them; the village and the subject come from the record. */
export type Terms = Omit<ContractInput, 'villageId' | 'subject'>;

/**
 * A piece of land registered and let at once, as the 会计 does (their persona by default), for a
 * test that starts from a running contract.
 */
export async function landWithContract(host: Writer, land: ResourceInput, terms: Terms, persona = `${land.villageId}-accountant`) {
  const record = await host.ok('assets', 'addResource', land, persona);
  const contract = await host.ok('assets', 'addContract', { villageId: land.villageId, subject: { type: 'resource', id: record.id }, ...terms }, persona);
  return { land: record, contract };
}

/** An asset registered and let at once, as `landWithContract` does for land. */
export async function assetWithContract(host: Writer, asset: AssetInput, terms: Terms, persona = `${asset.villageId}-accountant`) {
  const record = await host.ok('assets', 'addAsset', asset, persona);
  const contract = await host.ok('assets', 'addContract', { villageId: asset.villageId, subject: { type: 'asset', id: record.id }, ...terms }, persona);
  return { asset: record, contract };
}
