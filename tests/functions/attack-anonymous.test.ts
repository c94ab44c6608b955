import { functionsHost } from '../helpers/host';
import { jpegSegments, jpegWithMetadata, PLAIN_JPEG, pngChunks, pngWithMetadata, TELLTALES } from '../helpers/photo-metadata';

/**
 * The attack: a JPEG with GPS and the camera model, filed with an anonymous report, was served
 * byte for byte — EXIF included — to the 监委会主任; and the 监委会's list showed the anonymous
 * report to the minute right beside the same person's named posts. Here every role that can
 * download a photo gets it without any of that, and village roles see an anonymous item's day
 * only, listed apart from the named ones of that day.
 */
jest.setTimeout(60000);

const V = 'yangjia';
const host = functionsHost();

async function ok(fn: string, action: string, data: unknown, persona?: string) {
  const res = await host.send(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(new URL(url, host.url));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const leaks = (bytes: Buffer) => TELLTALES.filter((t) => bytes.includes(Buffer.from(t, 'utf8')) || bytes.includes(Buffer.from(t, 'latin1')));

it("stores an anonymous report's photo without GPS, camera, time, XMP or comments, upright", async () => {
  const photo = jpegWithMetadata(6);
  expect(leaks(photo)).toEqual(TELLTALES);
  const up = await ok('tickets', 'upload', { villageId: V, name: 'IMG_20261205_231245.jpg', dataBase64: photo.toString('base64') }, `${V}-villager`);
  expect(up.name).toBe('照片.jpg');
  await ok(
    'tickets',
    'file',
    { villageId: V, kind: 'report', category: '村务类', text: '村西路口的路灯坏了三盏。', photos: [up.id], anonymous: true },
    `${V}-villager`,
  );

  for (const persona of [`${V}-supervisor`, 'township-admin', 'township-discipline']) {
    const { tickets } = await ok('tickets', 'queue', { villageId: V }, persona);
    const t = tickets.find((x: { text: string }) => x.text === '村西路口的路灯坏了三盏。');
    expect(t.photos).toHaveLength(1);
    expect(t.photos[0].name).toBe('照片.jpg');
    const stored = await download(t.photos[0].url);
    expect(leaks(stored)).toEqual([]);
    const segments = jpegSegments(stored);
    // The picture is all there: frame, tables, scan and end, the same 24 × 16.
    const frame = segments.find((s) => s.marker === 0xc0);
    expect(frame && [frame.data.readUInt16BE(1), frame.data.readUInt16BE(3)]).toEqual([16, 24]);
    expect(segments.map((s) => s.marker)).toEqual(expect.arrayContaining([0xdb, 0xc4, 0xda, 0xd9]));
    // Of EXIF only Orientation is left, so the phone's upright photo shows upright.
    const app1 = segments.filter((s) => s.marker === 0xe1);
    expect(app1).toHaveLength(1);
    expect(app1[0].data.length).toBe(6 + 8 + 2 + 12 + 4);
    expect(app1[0].data.readUInt16BE(6 + 8 + 2)).toBe(0x0112);
    expect(app1[0].data.readUInt16BE(6 + 8 + 2 + 8)).toBe(6);
    expect(segments.some((s) => s.marker === 0xfe || s.marker === 0xe2)).toBe(false);
  }
});

it("cleans a PNG the same way, and the 两委's attachments and vouchers too", async () => {
  const png = pngWithMetadata();
  expect(pngChunks(png)).toEqual(['IHDR', 'tEXt', 'iTXt', 'eXIf', 'tIME', 'IDAT', 'IEND']);
  const fromVillager = await ok('tickets', 'upload', { villageId: V, name: 'Screenshot_2026-12-05.png', dataBase64: png.toString('base64') }, `${V}-villager`);
  const fromCadre = await ok('disclosure', 'upload', { villageId: V, name: '凭证.jpg', dataBase64: jpegWithMetadata(1).toString('base64') }, `${V}-accountant`);
  const cleanPng = await download(fromVillager.url);
  expect(pngChunks(cleanPng)).toEqual(['IHDR', 'IDAT', 'IEND']);
  expect(leaks(cleanPng)).toEqual([]);
  const cleanJpeg = await download(fromCadre.url);
  expect(leaks(cleanJpeg)).toEqual([]);
  // Orientation 1 (already upright) needs no EXIF at all.
  expect(jpegSegments(cleanJpeg).some((s) => s.marker === 0xe1)).toBe(false);
});

it('refuses a photo it cannot clean instead of storing it as it came', async () => {
  const cut = PLAIN_JPEG.subarray(0, 200);
  const res = await host.send('tickets', 'upload', { villageId: V, name: 'a.jpg', dataBase64: cut.toString('base64') }, `${V}-villager`);
  expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  expect(res.body.error.message).toMatch(/没法去掉其中的拍摄信息/);
});

it("shows village roles an anonymous item's day only, and never between the named ones of that day", async () => {
  const text = (n: number) => `第${n}条：村东水渠漏水，需要修补。`;
  await ok('tickets', 'file', { villageId: V, kind: 'suggestion', text: text(1), anonymous: false }, `${V}-villager`);
  host.clock.advance(60_000);
  await ok('tickets', 'file', { villageId: V, kind: 'suggestion', text: text(2), anonymous: true }, `${V}-villager`);
  host.clock.advance(60_000);
  await ok('tickets', 'file', { villageId: V, kind: 'suggestion', text: text(3), anonymous: false }, `${V}-villager`);
  let anonId = '';
  for (const state of [undefined, 'open']) {
    const { tickets } = await ok('tickets', 'queue', { villageId: V, ...(state ? { state } : {}) }, `${V}-supervisor`);
    const mine = tickets.filter((t: { text: string }) => t.text.endsWith('村东水渠漏水，需要修补。'));
    const anon = mine.find((t: { anonymous: boolean }) => t.anonymous);
    anonId = anon.id;
    expect(anon.createdAt).toBe('2026-11-23');
    expect(anon.dueAt).toBe('2026-12-03');
    for (const named of mine.filter((t: { anonymous: boolean }) => !t.anonymous)) expect(named.createdAt).toMatch(/T\d{2}:\d{2}/);
    // The two named ones stay next to each other: the anonymous one is not slotted in by its minute.
    const order = mine.map((t: { text: string }) => t.text);
    expect(Math.abs(order.indexOf(text(1)) - order.indexOf(text(3)))).toBe(1);
  }
  // The asker still sees their own item to the minute.
  const { tickets } = await ok('tickets', 'mine', { villageId: V }, `${V}-villager`);
  expect(tickets.find((t: { text: string }) => t.text === text(2)).createdAt).toMatch(/T\d{2}:\d{2}/);
  // And the village's audit list has no record of it to place it by.
  const audit = await ok('identity', 'auditList', { villageId: V }, `${V}-supervisor`);
  expect(audit.entries.filter((e: { target: string }) => e.target === `ticket:${anonId}`)).toEqual([]);
  expect(audit.entries.filter((e: { action: string }) => e.action === 'tickets.suggestion')).toHaveLength(2);
});
