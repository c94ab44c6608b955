/**
 * Photos lose everything but their pixels before they are stored. A phone's JPEG carries where it
 * was taken (GPS), the phone's make, model and serial, the time to the second and often a
 * thumbnail; on an anonymous report any of that names the reporter. Both formats the app takes
 * are rewritten segment by segment, keeping only what decoding needs:
 * - JPEG: APP0 (JFIF) and APP14 (Adobe colour transform), quantisation and Huffman tables, frame
 *   and scan headers with the image data, up to the end-of-image marker. EXIF (APP1), XMP, ICC
 *   profiles, maker notes (APP2–APP15), comments, JFXX thumbnails and anything after the image are
 *   dropped. The one EXIF field a picture needs to stand upright, Orientation, is written back
 *   alone.
 * - PNG: header, palette, transparency, colour and gamma chunks, pixel data and end; text (tEXt,
 *   zTXt, iTXt, where XMP lives), eXIf, tIME and every private chunk are dropped.
 * A file that does not parse as its format is refused rather than stored as it came.
 */
export class UncleanableImage extends Error {}

const u16 = (b: Buffer, at: number, little = false) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
const u32 = (b: Buffer, at: number, little = false) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));

/** The EXIF Orientation (1–8) of an APP1 segment's data, if it has one. */
function orientationOf(app1: Buffer): number | null {
  if (app1.length < 14 || app1.subarray(0, 6).toString('latin1') !== 'Exif\0\0') return null;
  const tiff = app1.subarray(6);
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const ifd = u32(tiff, 4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(tiff, ifd, little);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(tiff, entry, little) === 0x0112) {
      const value = u16(tiff, entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment holding nothing but Orientation. */
function orientationSegment(value: number): Buffer {
  const exif = Buffer.alloc(6 + 8 + 2 + 12 + 4);
  exif.write('Exif\0\0', 0, 'latin1');
  exif.write('MM', 6, 'latin1');
  exif.writeUInt16BE(42, 8);
  exif.writeUInt32BE(8, 10);
  exif.writeUInt16BE(1, 14);
  exif.writeUInt16BE(0x0112, 16);
  exif.writeUInt16BE(3, 18); // SHORT
  exif.writeUInt32BE(1, 20);
  exif.writeUInt16BE(value, 24);
  exif.writeUInt32BE(0, 28); // no next IFD
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([head, exif]);
}

const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP14 = 0xee;
const COM = 0xfe;

function cleanJpeg(src: Buffer): Buffer {
  if (src.length < 4 || src[0] !== 0xff || src[1] !== 0xd8) throw new UncleanableImage('not a JPEG');
  const kept: Buffer[] = [src.subarray(0, 2)];
  let orientation: number | null = null;
  let afterApp0 = 1;
  let at = 2;
  for (;;) {
    if (at >= src.length) throw new UncleanableImage('JPEG ends before its image');
    if (src[at] !== 0xff) throw new UncleanableImage('JPEG segment out of place');
    while (src[at] === 0xff) at += 1; // fill bytes
    const marker = src[at];
    const start = at - 1;
    at += 1;
    if (marker === EOI) {
      kept.push(Buffer.from([0xff, EOI]));
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(src.subarray(start, at));
      continue;
    }
    if (at + 2 > src.length) throw new UncleanableImage('JPEG segment cut short');
    const length = u16(src, at);
    const end = at + length;
    if (length < 2 || end > src.length) throw new UncleanableImage('JPEG segment cut short');
    const data = src.subarray(at + 2, end);
    at = end;
    if (marker === SOS) {
      // The scan's data runs to the next marker that is neither stuffing (FF00) nor a restart.
      let scan = at;
      while (scan + 1 < src.length && !(src[scan] === 0xff && src[scan + 1] !== 0x00 && !(src[scan + 1] >= 0xd0 && src[scan + 1] <= 0xd7))) scan += 1;
      if (scan + 1 >= src.length) throw new UncleanableImage('JPEG scan has no end');
      kept.push(src.subarray(start, scan));
      at = scan;
      continue;
    }
    if (marker === 0xe1 && orientation === null) orientation = orientationOf(data);
    const isJfif = marker === APP0 && data.subarray(0, 5).toString('latin1') === 'JFIF\0';
    const isAdobe = marker === APP14 && data.subarray(0, 5).toString('latin1') === 'Adobe';
    if ((marker >= APP0 && marker <= 0xef && !isJfif && !isAdobe) || marker === COM) continue;
    kept.push(src.subarray(start, end));
    if (isJfif) afterApp0 = kept.length;
  }
  if (orientation !== null && orientation !== 1) kept.splice(afterApp0, 0, orientationSegment(orientation));
  return Buffer.concat(kept);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that decide how the pixels look; every other chunk is dropped. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs']);

function cleanPng(src: Buffer): Buffer {
  if (src.length < 8 || !src.subarray(0, 8).equals(PNG_SIGNATURE)) throw new UncleanableImage('not a PNG');
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  for (;;) {
    if (at + 12 > src.length) throw new UncleanableImage('PNG ends before IEND');
    const length = u32(src, at);
    const type = src.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > src.length || !/^[A-Za-z]{4}$/.test(type)) throw new UncleanableImage('PNG chunk cut short');
    if (PNG_KEEP.has(type)) kept.push(src.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

/** The photo without its metadata, or UncleanableImage for a file that is not what it claims. */
export function withoutMetadata(bytes: Buffer, mime: 'image/jpeg' | 'image/png'): Buffer {
  return mime === 'image/jpeg' ? cleanJpeg(bytes) : cleanPng(bytes);
}
