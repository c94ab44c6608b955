import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Files } from '../../ports/files';

/** Path segments the core may use: no `..`, no absolute paths, nothing a shell would mind. */
const SAFE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

/**
 * Files in a folder on disk (under DATA_DIR locally). The id is the relative path; the local
 * host serves it at `/files/<id>` on the same origin as the app.
 */
export class DiskFiles implements Files {
  readonly root: string;
  constructor(
    root: string,
    private readonly urlPrefix = '/files/',
  ) {
    this.root = resolve(root);
  }

  /** The id is the path itself, when it is one this folder could hold. */
  pathOf(id: string): string | null {
    return this.fileOf(id) ? id : null;
  }

  /** The absolute file for an id, or null when the id points outside the folder. */
  fileOf(id: string): string | null {
    if (!SAFE_PATH.test(id) || id.split('/').some((s) => s === '.' || s === '..')) return null;
    const file = resolve(join(this.root, id));
    return file.startsWith(this.root + sep) ? file : null;
  }

  async put(path: string, bytes: Buffer): Promise<string> {
    const file = this.fileOf(path);
    if (!file) throw new Error(`unsafe file path: ${path}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes, { flag: 'wx' });
    return path;
  }

  async urls(ids: string[]): Promise<string[]> {
    return ids.map((id) => this.urlPrefix + id);
  }

  async read(id: string): Promise<Buffer | null> {
    const file = this.fileOf(id);
    return file && existsSync(file) ? readFileSync(file) : null;
  }

  async remove(id: string): Promise<boolean> {
    const file = this.fileOf(id);
    if (!file || !existsSync(file)) return false;
    rmSync(file);
    return true;
  }
}
