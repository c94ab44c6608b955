import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jpegWithMetadata, PLAIN_PNG } from '../helpers/photo-metadata';
import { functionsHost } from '../helpers/host';
import { csvText } from '../helpers/roster-file';
import { storeDigest } from '../helpers/snapshot';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';

/**
 * Files go to storage's incoming folder and calls carry their id. Played as an insider: a cadre
 * naming another village's upload, a photo uploaded for a report offered as a roster or as a
 * draft's attachment, a published file or a path out of the folder offered as an upload, and
 * anyone reading an upload not yet taken (a roster has ID numbers in clear, a photo its GPS).
 */
const host = functionsHost();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function uploaded(villageId: string, purpose: string, bytes: Buffer): Promise<string> {
  const res = await host.upload(villageId, purpose, bytes, `${villageId}-secretary`);
  expect(res.body.ok).toBe(true);
  return res.body.data.fileId;
}

it('refuses a file id from another village, another purpose, outside incoming/ or out of the folder, writing nothing', async () => {
  const theirs = await uploaded('dajiang', 'attachment', PLAIN_PNG);
  const photo = await uploaded('yangjia', 'photo', PLAIN_PNG);
  const published = (
    await host.send('disclosure', 'upload', { villageId: 'yangjia', name: '签字表.png', dataBase64: PLAIN_PNG.toString('base64') }, 'yangjia-secretary')
  ).body.data;
  expect(published.url).toMatch(/^\/files\/disclosure\/yangjia\//);
  const before = storeDigest(host.store);
  for (const fileId of [
    theirs,
    photo,
    published.url.slice('/files/'.length),
    'incoming/yangjia/attachment/../../dajiang/attachment/x.png',
    'incoming/yangjia/attachment/nothing-here-1234.png',
  ]) {
    const res = await host.call('disclosure', 'upload', { villageId: 'yangjia', name: '附件.png', fileId }, 'yangjia-secretary');
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toMatch(/请重新选择文件/);
  }
  const asRoster = await host.call('roster', 'previewImport', { villageId: 'yangjia', fileName: '花名册.csv', fileId: photo }, 'yangjia-secretary');
  expect(asRoster.body.error.code).toBe('INVALID_ARGUMENT');
  expect(storeDigest(host.store)).toBe(before);
});

it('checks the bytes at the upload and again at the call: type by first bytes, size by purpose', async () => {
  const pdfAsPhoto = await host.upload('yangjia', 'photo', PDF, 'yangjia-villager');
  expect(pdfAsPhoto.status).toBe(400);
  expect(pdfAsPhoto.body.error.message).toContain('只能上传照片');
  const tooBig = await host.upload('yangjia', 'photo', Buffer.concat([PLAIN_PNG, Buffer.alloc(1024 * 1024)]), 'yangjia-villager');
  expect(tooBig.status).toBe(413);
  expect(tooBig.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  expect((await host.upload('yangjia', 'secrets', PLAIN_PNG)).status).toBe(404);
  expect((await host.upload('yang.jia', 'photo', PLAIN_PNG)).status).toBe(404);
  // (A path climbing out is made a different address before it reaches the host: refused too.)
  expect((await host.upload('..%2Fyangjia', 'photo', PLAIN_PNG)).body.ok).toBe(false);
  // A PDF is an attachment's type, not a photo's: taken as a photo it is refused by the function too.
  const pdf = await uploaded('yangjia', 'attachment', PDF);
  const path = pdf.replace('/attachment/', '/photo/');
  const { renameSync } = await import('node:fs');
  renameSync(join(host.filesDir, pdf), join(host.filesDir, path));
  const res = await host.call('tickets', 'upload', { villageId: 'yangjia', name: '照片.png', fileId: path }, 'yangjia-villager');
  expect(res.body.error.message).toContain('只能上传照片');
});

it('never serves an upload not yet taken, and removes the original once a clean copy is kept', async () => {
  const fileId = await uploaded('yangjia', 'attachment', jpegWithMetadata());
  expect(existsSync(join(host.filesDir, fileId))).toBe(true);
  expect((await fetch(`${host.url}/files/${fileId}`)).status).toBe(404);
  const taken = await host.call('disclosure', 'upload', { villageId: 'yangjia', name: '现场.jpg', fileId }, 'yangjia-secretary');
  expect(taken.body.ok).toBe(true);
  // The original, with its GPS and the phone's make, is gone; the clean copy is served.
  expect(existsSync(join(host.filesDir, fileId))).toBe(false);
  const copy = await fetch(host.url + taken.body.data.url);
  expect(copy.status).toBe(200);
  expect(Buffer.from(await copy.arrayBuffer()).includes(Buffer.from('GPSLatitude'))).toBe(false);
});

it('keeps a roster upload through the preview, and removes it once imported', async () => {
  const sheet = demoRosterSheet(DEMO_VILLAGES[3], 3);
  const fileId = await uploaded(
    'diquan',
    'roster',
    Buffer.from(
      csvText(
        sheet.rows.map((r) => [...r.cells]),
        sheet.header,
      ),
    ),
  );
  const preview = await host.call('roster', 'previewImport', { villageId: 'diquan', fileName: '花名册.csv', fileId }, 'diquan-secretary');
  expect(preview.body.data.errors).toEqual([]);
  expect(existsSync(join(host.filesDir, fileId))).toBe(true);
  const done = await host.call('roster', 'commitImport', { villageId: 'diquan', fileName: '花名册.csv', fileId }, 'diquan-secretary');
  expect(done.body.ok).toBe(true);
  expect(existsSync(join(host.filesDir, fileId))).toBe(false);
});
