import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { exportsOf } from './libs';

/** An image placed in the PDF once, drawn wherever it is needed. */
export interface Picture {
  ref: PDFRef;
  width: number;
  height: number;
}

type Lib = typeof import('pdf-lib');

/**
 * Bytes as this realm's Uint8Array: pdf-lib tells bytes from text with instanceof, which a Buffer
 * from another realm fails (the in-process host under jsdom in the UI tests). A few KB, copied.
 */
const own = (bytes: Uint8Array) => new Uint8Array(bytes);

const SIGNATURE = '89504e470d0a1a0a';

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  palette: Buffer | null;
  transparency: boolean;
  data: Buffer;
}

/** The chunks of a PNG that say how to read its pixels, and its compressed pixels (IDAT). */
function pngInfo(png: Buffer): PngInfo | null {
  if (png.length < 33 || png.subarray(0, 8).toString('hex') !== SIGNATURE) return null;
  const idat: Buffer[] = [];
  let palette: Buffer | null = null;
  let transparency = false;
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = true;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png[24],
    colorType: png[25],
    interlace: png[28],
    palette,
    transparency,
    data: Buffer.concat(idat),
  };
}

/**
 * A PNG without transparency goes into the PDF as it is: a PNG's pixel data is a zlib stream
 * with per-row predictors, which PDF reads directly (FlateDecode with /Predictor 15), so nothing
 * is decoded or compressed again. WeChat's mini-program codes come so.
 */
function asIs(lib: Lib, pdf: PDFDocument, p: PngInfo): Picture | null {
  if (p.interlace !== 0 || p.transparency) return null;
  const colors = { 0: 1, 2: 3, 3: 1 }[p.colorType];
  if (!colors || (p.colorType === 3 && !p.palette)) return null;
  const space =
    p.colorType === 0
      ? 'DeviceGray'
      : p.colorType === 2
        ? 'DeviceRGB'
        : ['Indexed', 'DeviceRGB', (p.palette as Buffer).length / 3 - 1, lib.PDFHexString.of((p.palette as Buffer).toString('hex'))];
  const dict = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: p.width,
    Height: p.height,
    BitsPerComponent: p.bitDepth,
    ColorSpace: space,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: p.bitDepth, Columns: p.width },
  };
  return { ref: pdf.context.register(pdf.context.stream(own(p.data), dict)), width: p.width, height: p.height };
}

/**
 * Any other PNG (the local QR codes are RGBA) is decoded once, kept grey when it is grey (a QR
 * code is), its alpha kept only where something is see-through, and compressed with Node's zlib:
 * pdf-lib's own embedPng does the same in JavaScript (pako), which made a 35-village poster file
 * take seconds.
 */
async function decoded(pdf: PDFDocument, png: Buffer): Promise<Picture> {
  const { PNG } = exportsOf(await import('pngjs'), 'PNG');
  const img = PNG.sync.read(png);
  const n = img.width * img.height;
  let grey = true;
  let opaque = true;
  for (let i = 0; i < n && (grey || opaque); i += 1) {
    const [r, g, b, a] = [img.data[i * 4], img.data[i * 4 + 1], img.data[i * 4 + 2], img.data[i * 4 + 3]];
    if (r !== g || g !== b) grey = false;
    if (a !== 255) opaque = false;
  }
  const channels = grey ? 1 : 3;
  const colour = Buffer.alloc(n * channels);
  const alpha = opaque ? null : Buffer.alloc(n);
  for (let i = 0; i < n; i += 1) {
    for (let c = 0; c < channels; c += 1) colour[i * channels + c] = img.data[i * 4 + c];
    if (alpha) alpha[i] = img.data[i * 4 + 3];
  }
  const stream = (bytes: Buffer, space: string, extra: Record<string, unknown> = {}) =>
    pdf.context.register(
      pdf.context.stream(own(deflateSync(bytes)), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: img.width,
        Height: img.height,
        BitsPerComponent: 8,
        ColorSpace: space,
        Filter: 'FlateDecode',
        ...extra,
      }),
    );
  const smask = alpha ? stream(alpha, 'DeviceGray') : null;
  return { ref: stream(colour, grey ? 'DeviceGray' : 'DeviceRGB', smask ? { SMask: smask } : {}), width: img.width, height: img.height };
}

/** Places a PNG (a code the CodeMaker drew) in the document. */
export async function embedPicture(lib: Lib, pdf: PDFDocument, bytes: Uint8Array): Promise<Picture> {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info = pngInfo(png);
  if (!info) throw new Error('not a PNG');
  return asIs(lib, pdf, info) ?? decoded(pdf, png);
}
