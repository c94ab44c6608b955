import type tcb from '@cloudbase/node-sdk';
import type { Files } from '../../ports/files';

type App = ReturnType<typeof tcb.init>;

/** Cloud storage: ids are CloudBase fileIDs; addresses are temporary URLs. */
export class CloudBaseFiles implements Files {
  constructor(private readonly app: App) {}

  async put(path: string, bytes: Buffer): Promise<string> {
    const res = await this.app.uploadFile({ cloudPath: path, fileContent: bytes });
    return res.fileID;
  }

  /** `cloud://<env>.<bucket>/<path>`: the path after the bucket, with no way out of it. */
  pathOf(id: string): string | null {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(id);
    if (!m || m[1].split('/').some((s) => s === '' || s === '.' || s === '..')) return null;
    return m[1];
  }

  async urls(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const res = await this.app.getTempFileURL({ fileList: ids.map((fileID) => ({ fileID, maxAge: 3600 })) });
    const byId = new Map(res.fileList.map((f) => [f.fileID, f.tempFileURL]));
    return ids.map((id) => byId.get(id) ?? '');
  }

  async read(id: string): Promise<Buffer | null> {
    try {
      const res = await this.app.downloadFile({ fileID: id });
      return res.fileContent ? Buffer.from(res.fileContent) : null;
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<boolean> {
    const res = await this.app.deleteFile({ fileList: [id] });
    return (res.fileList ?? []).some((f) => f.fileID === id && f.code === 'SUCCESS');
  }
}
