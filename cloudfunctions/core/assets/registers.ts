import { randomBytes } from 'node:crypto';
import type { AssetInput, AssetView, ResourceInput, ResourceView } from '../../../types/assets';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { resolveAttachments } from '../attachments/api';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { C } from '../collections';
import { fail } from '../shared/errors';
import { chinaDay } from '../shared/time';
import type { AssetDoc, ResourceDoc } from './model';
import { assetsPolicy } from './policy';
import { assetView, resourceView } from './views';
import { scanVillage } from './warnings';

// The 会计 enters assets and land one by one, and corrects them with a reason on the record.

function assetFields(input: AssetInput) {
  return {
    name: input.name,
    use: input.use,
    kind: input.kind,
    location: input.location,
    acquiredOn: input.acquiredOn,
    originalFen: input.originalFen,
    state: input.state,
    keeper: input.keeper,
    note: input.note ?? '',
  };
}

export async function addAsset(ports: Ports, input: AssetInput): Promise<AssetView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.addAsset);
  const today = chinaDay(ports.clock.now());
  if (input.acquiredOn > today) throw fail.invalid('购置日期还没到。');
  const photos = await resolveAttachments(ports, input.villageId, input.photos ?? []);
  const at = ports.clock.now().toISOString();
  const doc: AssetDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    ...assetFields(input),
    stateSince: today,
    photos,
    contractId: null,
    createdAt: at,
  };
  await ports.store.transaction(async (tx) => {
    await tx.add(C.assets, doc);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'assets.addAsset', target: `asset:${doc._id}`, change: doc, at });
  });
  await scanVillage(ports, input.villageId);
  return assetView(ports, doc);
}

export async function updateAsset(ports: Ports, input: AssetInput & { assetId: string; reason: string }): Promise<AssetView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.updateAsset);
  const today = chinaDay(ports.clock.now());
  if (input.acquiredOn > today) throw fail.invalid('购置日期还没到。');
  // Photos left out keep the ones the asset has; an empty list removes them.
  const photos = input.photos === undefined ? null : await resolveAttachments(ports, input.villageId, input.photos);
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx): Promise<AssetDoc> => {
    const before = await tx.get<AssetDoc>(C.assets, input.assetId);
    if (!before || before.villageId !== input.villageId) throw fail.notFound('没有找到这项资产。');
    if (before.contractId && input.state !== 'leased') throw fail.precondition('这项资产还在出租合同里，先解除或等合同到期再改状态。');
    const fields = assetFields(input);
    const after: AssetDoc = { ...before, ...fields, photos: photos ?? before.photos, stateSince: fields.state === before.state ? before.stateSince : today };
    await tx.set(C.assets, before._id, withoutId(after));
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'assets.updateAsset',
      target: `asset:${before._id}`,
      change: { before, after, reason: input.reason },
      at,
    });
    return after;
  });
  await scanVillage(ports, input.villageId);
  return assetView(ports, out);
}

export async function addResource(ports: Ports, input: ResourceInput): Promise<ResourceView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.addResource);
  const at = ports.clock.now().toISOString();
  const doc: ResourceDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    name: input.name,
    landKind: input.landKind,
    areaMu100: input.areaMu100,
    location: input.location,
    state: input.state,
    note: input.note ?? '',
    contractId: null,
    createdAt: at,
  };
  await ports.store.transaction(async (tx) => {
    await tx.add(C.resources, doc);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'assets.addResource', target: `resource:${doc._id}`, change: doc, at });
  });
  return resourceView(doc);
}

export async function updateResource(ports: Ports, input: ResourceInput & { resourceId: string; reason: string }): Promise<ResourceView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.updateResource);
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx): Promise<ResourceDoc> => {
    const before = await tx.get<ResourceDoc>(C.resources, input.resourceId);
    if (!before || before.villageId !== input.villageId) throw fail.notFound('没有找到这块资源。');
    if (before.contractId && input.state !== 'contracted') throw fail.precondition('这块资源还在发包合同里，先解除或等合同到期再改状态。');
    const after: ResourceDoc = {
      ...before,
      name: input.name,
      landKind: input.landKind,
      areaMu100: input.areaMu100,
      location: input.location,
      state: input.state,
      note: input.note ?? '',
    };
    await tx.set(C.resources, before._id, withoutId(after));
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'assets.updateResource',
      target: `resource:${before._id}`,
      change: { before, after, reason: input.reason },
      at,
    });
    return after;
  });
  await scanVillage(ports, input.villageId);
  return resourceView(out);
}

export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  return rest;
}
