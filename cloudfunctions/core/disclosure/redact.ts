import type { Ports } from '../../ports';
import { forgetUploads } from '../attachments/api';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInTownship, callerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import { maskPersonalNumbers } from '../shared/personal-numbers';
import { redactionChange, versionTarget } from './integrity';
import { itemKeyOf, type ItemDoc, type Redaction, type VersionDoc } from './model';
import { maskedContent, versionDigest } from './rules';
import { redactPolicy } from './policy';

/**
 * 删去个人信息: published means immutable, but the 个人信息保护法 outranks that. The 镇管理员
 * masks every ID and mobile number in every version of an item — title, paragraphs, tables,
 * attachment names — and may remove attachments that show personal data; the original text is
 * replaced everywhere it is kept (every version and the working draft) and removed files are
 * deleted from storage. What stays is the record: each version says why, who and when, and the
 * chain gets a record with the digests before and after, so 校验 explains the change instead of
 * calling it tampering.
 */
export async function redact(
  ports: Ports,
  input: { villageId: string; quarter: string; itemId: string; reason: string; removeAttachments?: string[] },
): Promise<{ versions: number; removed: string[] }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, redactPolicy.redact);
  const staff = await callerInTownship(ports, ctx.village.townshipId);
  const by = `镇管理员 ${staff.name ?? ''}`.trim();
  const key = itemKeyOf(input);
  const item = await ports.store.collection<ItemDoc>(C.disclosureItems).get(key);
  if (!item || item.publishedVersion === 0) throw fail.notFound('这一项还没有公开。');
  const versions = await ports.store.collection<VersionDoc>(C.disclosureVersions).find({ where: { itemKey: key }, orderBy: [['version', 'asc']], limit: 1000 });
  const remove = new Set(input.removeAttachments ?? []);
  const known = new Set(versions.flatMap((v) => (v.attachments ?? []).map((a) => a.id)));
  for (const id of remove) if (!known.has(id)) throw fail.invalid('要删去的附件不属于这一项。');
  const at = ports.clock.now().toISOString();
  const removedFiles = new Map<string, string>();
  const changes: { next: VersionDoc; r: Redaction }[] = [];
  for (const v of versions) {
    const masked = maskedContent({ title: v.title, body: v.body });
    const gone = (v.attachments ?? []).filter((a) => remove.has(a.id));
    for (const a of gone) removedFiles.set(a.fileId, maskPersonalNumbers(a.name));
    const attachments = (v.attachments ?? []).filter((a) => !remove.has(a.id)).map((a) => ({ ...a, name: maskPersonalNumbers(a.name) }));
    const next = { ...v, title: masked.title, body: masked.body, attachments };
    const after = versionDigest(next);
    if (after === v.digest) continue;
    const r: Redaction = { at, by, reason: input.reason, before: v.digest, after, removedAttachments: gone.map((a) => maskPersonalNumbers(a.name)) };
    changes.push({ next: { ...next, digest: after, redactions: [...(v.redactions ?? []), r] }, r });
  }
  if (changes.length === 0) throw fail.precondition('这一项的各个版本里没有找到身份证号或手机号，也没有选要删去的附件。');
  await ports.store.transaction(async (tx) => {
    for (const { next, r } of changes) {
      const { _id, ...fields } = next;
      await tx.set(C.disclosureVersions, _id, fields);
      await appendAudit(tx, input.villageId, {
        actor: actorOf(ctx),
        action: 'disclosure.redact',
        target: versionTarget(next),
        change: redactionChange(next.version, r),
        at,
      });
    }
    const current = await tx.get<ItemDoc>(C.disclosureItems, key);
    if (current) {
      const draft = maskedContent(current.draft);
      const latest = changes.find((c) => c.next.version === current.publishedVersion)?.next;
      await tx.update(C.disclosureItems, key, {
        draft: { ...draft, attachments: (draft.attachments ?? []).filter((a) => !remove.has(a.id)).map((a) => ({ ...a, name: maskPersonalNumbers(a.name) })) },
        publishedTitle: latest ? latest.title : current.publishedTitle,
      });
    }
    await forgetUploads(tx, remove);
  });
  // The files go once the change is recorded: a crash in between leaves them, never a version pointing at nothing.
  for (const fileId of removedFiles.keys()) await ports.files.remove(fileId);
  return { versions: changes.length, removed: [...new Set(removedFiles.values())] };
}
