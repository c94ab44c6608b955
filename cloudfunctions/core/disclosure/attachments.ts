import type { Attachment } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { storeUpload } from '../attachments/api';
import { authorize, callerInVillage } from '../caller/api';
import { findPersonalNumbers } from '../shared/personal-numbers';
import { fail } from '../shared/errors';
import { attachmentPolicy } from './policy';

export const MAX_ATTACHMENTS = 9;

/**
 * A cadre uploads an image or PDF for a draft. The file is stored at once, under a random name;
 * it becomes part of an item only when a draft names it, and public only when that draft is approved.
 */
export async function upload(ports: Ports, input: { villageId: string; name: string; fileId: string }): Promise<Attachment> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, attachmentPolicy.upload);
  // The name is published with the file.
  if (findPersonalNumbers(input.name).length) throw fail.invalid('文件名里有身份证号或手机号，会随附件一起公开。请改文件名后再上传。');
  return storeUpload(ports, { ...input, folder: 'disclosure', uploadedBy: ctx.openid, purpose: 'attachment' });
}
