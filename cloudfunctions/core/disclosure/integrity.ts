import type { AuditAction } from '../../../types/audit';
import type { DocStore } from '../../ports/docstore';
import type { Files } from '../../ports/files';
import { AUDIT, type AuditRecord } from '../audit/api';
import { C } from '../collections';
import { digestOf, sha256 } from '../shared/digest';
import type { Redaction, VersionDoc } from './model';
import { versionDigest } from './rules';

/** What a published version's chain record says its digest is; a redaction's record, how it changed. */
export const publishChange = (v: { digest: string; version: number }) => ({ digest: v.digest, version: v.version });
export const redactionChange = (version: number, r: Redaction) => ({
  version,
  before: r.before,
  after: r.after,
  reason: r.reason,
  removedAttachments: r.removedAttachments,
});

export const versionTarget = (v: { itemKey: string; version: number }) => `version:${v.itemKey}:v${v.version}`;

export interface VersionCheck {
  /** Every field of the version still hashes to its digest. */
  contentIntact: boolean;
  /** Its publication record (and each redaction's) is on the chain and leads to that digest. */
  recordIntact: boolean;
  recordSeq: number | null;
  /** Every attachment file still hashes to what was published (null: files not checked). */
  attachmentsIntact: boolean | null;
  problems: string[];
}

/**
 * Checks one published version against the village's chain: its fields against its digest,
 * the digest against the publication record — and, for a redacted version, through each
 * redaction record from the published digest to the one it has now — and, given the files,
 * each attachment's bytes against the SHA-256 that was published.
 */
export async function checkVersion(store: DocStore, files: Files | null, v: VersionDoc): Promise<VersionCheck> {
  const problems: string[] = [];
  const contentIntact = versionDigest(v) === v.digest;
  if (!contentIntact) problems.push('内容与数字指纹不符');
  const records = await store
    .collection<AuditRecord>(AUDIT)
    .find({ where: { scope: v.villageId, target: versionTarget(v) }, orderBy: [['seq', 'asc']], limit: 100 });
  const redactions = v.redactions ?? [];
  const publish = records.find((r) => r.action === 'disclosure.publish');
  const redactRecords = records.filter((r) => r.action === 'disclosure.redact');
  const published = redactions[0]?.before ?? v.digest;
  let recordIntact = !!publish && publish.digest === digestOf(publishChange({ digest: published, version: v.version }));
  if (!publish) problems.push('链上没有这一版的公开记录');
  else if (!recordIntact) problems.push('公开记录里的数字指纹与这一版不符');
  if (redactRecords.length !== redactions.length) {
    recordIntact = false;
    problems.push('删去个人信息的记录与这一版不符');
  }
  let expected = published;
  for (const [i, r] of redactions.entries()) {
    const ok = r.before === expected && redactRecords[i]?.digest === digestOf(redactionChange(v.version, r));
    if (!ok) {
      recordIntact = false;
      problems.push(`第 ${i + 1} 次删去个人信息的记录不符`);
    }
    expected = r.after;
  }
  if (expected !== v.digest) recordIntact = false;
  let attachmentsIntact: boolean | null = null;
  if (files) {
    attachmentsIntact = true;
    for (const a of v.attachments ?? []) {
      const bytes = await files.read(a.fileId);
      if (!bytes || sha256(bytes) !== a.sha256) {
        attachmentsIntact = false;
        problems.push(`附件“${a.name}”的文件${bytes ? '被改动过' : '不见了'}`);
      }
    }
  }
  return { contentIntact, recordIntact, recordSeq: publish?.seq ?? null, attachmentsIntact, problems };
}

/**
 * Every publication of a village: each version checked (checkVersion), and each publication
 * record matched by its version — a record whose version was deleted is as wrong as a version
 * with no record.
 */
export async function checkPublications(store: DocStore, files: Files | null, villageId: string): Promise<{ versions: number; problems: string[] }> {
  const problems: string[] = [];
  const seen = new Set<string>();
  let versions = 0;
  for (let skip = 0; ; skip += 1000) {
    const page = await store.collection<VersionDoc>(C.disclosureVersions).find({ where: { villageId }, orderBy: [['_id', 'asc']], skip, limit: 1000 });
    for (const v of page) {
      versions += 1;
      seen.add(versionTarget(v));
      const c = await checkVersion(store, files, v);
      for (const p of c.problems) problems.push(`${v.itemKey} 第 ${v.version} 版：${p}`);
    }
    if (page.length < 1000) break;
  }
  for (let skip = 0; ; skip += 1000) {
    const page = await store
      .collection<AuditRecord>(AUDIT)
      .find({ where: { scope: villageId, action: 'disclosure.publish' satisfies AuditAction }, orderBy: [['seq', 'asc']], skip, limit: 1000 });
    for (const r of page) if (!seen.has(r.target)) problems.push(`第 ${r.seq} 条记录公开了 ${r.target.replace(/^version:/, '')}，但这一版不见了`);
    if (page.length < 1000) break;
  }
  return { versions, problems };
}
