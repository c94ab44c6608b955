import { randomBytes } from 'node:crypto';
import type { PrintFile } from '../../../types/print';
import type { Ports } from '../../ports';

/** What a person sees when saving or forwarding the file: no characters a file system or chat app minds. */
const fileNameOf = (title: string) => `${title.replace(/[\\/:*?"<>|\s]+/g, '')}.pdf`;

/**
 * Stores a made PDF through the Files port and hands back where to open it. The path is random:
 * an unpublished month's statement is for the people who made it, and its address is the only
 * way to it. `folder` is the village's id, or `townships/<id>` for the township's posters.
 */
export async function storePdf(ports: Ports, folder: string, title: string, bytes: Uint8Array): Promise<PrintFile> {
  const id = await ports.files.put(`print/${folder}/${randomBytes(12).toString('hex')}.pdf`, Buffer.from(bytes), 'application/pdf');
  const [url] = await ports.files.urls([id]);
  return { url, fileName: fileNameOf(title) };
}
