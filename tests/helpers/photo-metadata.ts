import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * Photos as a phone leaves them, for the anonymity tests: a real JPEG (24 × 16, made by Chromium)
 * with an EXIF block holding where it was taken, the phone's make and model and the time, an XMP
 * packet and a comment; and a PNG with text, eXIf and time chunks.
 */
export const PLAIN_JPEG = readFileSync(join(__dirname, '..', 'fixtures', 'street-lamp.jpg'));
export const PLAIN_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** What a leak would look like in the stored bytes. */
export const TELLTALES = ['Xiaomi', 'Redmi Note 12', '2026:12:05 23:12:45', 'ns.adobe.com/xap', 'GPSLatitude', '37.3812', '拍摄于村西路口', 'ICC_PROFILE'];

/** A big-endian TIFF/EXIF block: IFD0 (Make, Model, Orientation, DateTime, GPS pointer) and a GPS IFD. */
function exifBlock(orientation: number): Buffer {
  const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');
  const make = ascii('Xiaomi');
  const model = ascii('Redmi Note 12');
  const time = ascii('2026:12:05 23:12:45');
  // Layout: header (8) | IFD0 (2 + 5×12 + 4) | GPS IFD (2 + 4×12 + 4) | data
  const ifd0At = 8;
  const gpsAt = ifd0At + 2 + 5 * 12 + 4;
  let dataAt = gpsAt + 2 + 4 * 12 + 4;
  const data: Buffer[] = [];
  const place = (b: Buffer) => {
    const at = dataAt;
    data.push(b);
    dataAt += b.length;
    return at;
  };
  const rational = (pairs: [number, number][]) =>
    Buffer.concat(
      pairs.map(([n, d]) => {
        const b = Buffer.alloc(8);
        b.writeUInt32BE(n, 0);
        b.writeUInt32BE(d, 4);
        return b;
      }),
    );
  const entry = (tag: number, type: number, count: number, value: number | Buffer) => {
    const e = Buffer.alloc(12);
    e.writeUInt16BE(tag, 0);
    e.writeUInt16BE(type, 2);
    e.writeUInt32BE(count, 4);
    if (typeof value === 'number') {
      if (type === 3) e.writeUInt16BE(value, 8);
      else e.writeUInt32BE(value, 8);
    } else if (value.length <= 4) value.copy(e, 8);
    else e.writeUInt32BE(place(value), 8);
    return e;
  };
  const ifd0 = [
    entry(0x010f, 2, make.length, make),
    entry(0x0110, 2, model.length, model),
    entry(0x0112, 3, 1, orientation),
    entry(0x0132, 2, time.length, time),
    entry(0x8825, 4, 1, gpsAt),
  ];
  const gps = [
    entry(0x0001, 2, 2, Buffer.from('N\0', 'latin1')),
    entry(
      0x0002,
      5,
      3,
      rational([
        [37, 1],
        [22, 1],
        [5232, 100],
      ]),
    ),
    entry(0x0003, 2, 2, Buffer.from('E\0', 'latin1')),
    entry(
      0x0004,
      5,
      3,
      rational([
        [118, 1],
        [7, 1],
        [1980, 100],
      ]),
    ),
  ];
  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, ifd0At]);
  const count = (n: number) => {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(n, 0);
    return b;
  };
  const next = Buffer.alloc(4);
  return Buffer.concat([header, count(ifd0.length), ...ifd0, next, count(gps.length), ...gps, next, ...data]);
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** The plain JPEG with EXIF (GPS, make, model, time, Orientation), XMP and a comment put in after its APP0. */
export function jpegWithMetadata(orientation = 6): Buffer {
  const app0End = 4 + PLAIN_JPEG.readUInt16BE(4);
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifBlock(orientation)]));
  const xmp = segment(
    0xe1,
    Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="37.3812N" exif:GPSLongitude="118.1221E"/></x:xmpmeta>', 'utf8'),
  );
  const comment = segment(0xfe, Buffer.from('拍摄于村西路口', 'utf8'));
  return Buffer.concat([PLAIN_JPEG.subarray(0, app0End), exif, xmp, comment, PLAIN_JPEG.subarray(app0End)]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0, 0);
  return Buffer.concat([len, body, crc]);
}

/** The plain PNG with a text chunk naming the place, XMP in iTXt, an eXIf block and a tIME stamp. */
export function pngWithMetadata(): Buffer {
  const ihdrEnd = 8 + 12 + 13;
  return Buffer.concat([
    PLAIN_PNG.subarray(0, ihdrEnd),
    chunk('tEXt', Buffer.from('Comment\0拍摄于村西路口 GPSLatitude 37.3812', 'utf8')),
    chunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0http://ns.adobe.com/xap/1.0/ Xiaomi', 'utf8')),
    chunk('eXIf', exifBlock(1)),
    chunk('tIME', Buffer.from([0x07, 0xea, 12, 5, 23, 12, 45])),
    PLAIN_PNG.subarray(ihdrEnd),
  ]);
}

/** The JPEG segments of a file, in order: marker and data (scan data not split out). */
export function jpegSegments(bytes: Buffer): { marker: number; data: Buffer }[] {
  const out: { marker: number; data: Buffer }[] = [];
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1];
    if (marker === 0xd9) {
      out.push({ marker, data: Buffer.alloc(0) });
      break;
    }
    const length = bytes.readUInt16BE(at + 2);
    out.push({ marker, data: bytes.subarray(at + 4, at + 2 + length) });
    at += 2 + length;
    if (marker === 0xda) {
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0 && !(bytes[at + 1] >= 0xd0 && bytes[at + 1] <= 0xd7))) at += 1;
    }
  }
  return out;
}

/** The chunk types of a PNG, in order. */
export function pngChunks(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 8; at + 8 <= bytes.length; at += 12 + bytes.readUInt32BE(at)) out.push(bytes.subarray(at + 4, at + 8).toString('latin1'));
  return out;
}

/**
 * The plain PNG made `kb` kilobytes larger by a private chunk of noise: a photo too big to travel
 * inside a function call (and the private chunk is one the cleaner drops).
 */
export function bulkyPng(kb: number): Buffer {
  const ihdrEnd = 8 + 12 + 13;
  const noise = Buffer.alloc(kb * 1024);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
  return Buffer.concat([PLAIN_PNG.subarray(0, ihdrEnd), chunk('prVt', noise), PLAIN_PNG.subarray(ihdrEnd)]);
}
