/**
 * `npx tsx scripts/make-print-font.ts`: makes the CJK font the PDF prints embed
 * (cloudfunctions/core/print/fonts/noto-sans-sc.json) and copies its licence beside it.
 *
 * Source: Noto Sans SC Regular, the static TTF that @expo-google-fonts/noto-sans-sc@0.4.3 ships
 * (Google Fonts' build; SIL Open Font License 1.1, copyright Adobe, reserved font name
 * "Source" — the subset keeps the name "Noto Sans SC", which is not reserved). The package is
 * fetched with `npm pack` into a temporary folder, so it is no dependency of the project; pass
 * `--source <file.ttf> --licence <OFL.txt>` to use a copy at hand instead.
 *
 * Kept characters: printable ASCII; GB2312 in full (its symbol rows, level 1 and level 2: 6,763
 * hanzi, which cover names and place names far better than level 1's 3,755 alone, for about
 * 0.5 MB more); and every other character the app's own sources use (src/, cloudfunctions/,
 * types/: labels, the catalog, the seeded demo). Hinting and layout tables are dropped: PDF
 * viewers and printers rasterise at print resolution, and Chinese needs no shaping.
 *
 * The TTF is stored brotli-compressed and base64-encoded inside JSON so that Node's own module
 * loader reads it (`require`): the core does no file I/O, and source, tests and the esbuild
 * bundles load it the same way (scripts/lib/function-bundle.ts copies it beside each bundle).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import subsetFont from 'subset-font';

const root = resolve(__dirname, '..');
const outDir = join(root, 'cloudfunctions', 'core', 'print', 'fonts');
const SOURCE_PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const SOURCE_FILE = 'package/400Regular/NotoSansSC_400Regular.ttf';
const LICENCE_FILE = 'package/LICENSE_FONT';
/** The source TTF this script was written against; another one is refused rather than silently used. */
const SOURCE_SHA256 = 'd45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** One GB2312 row range (0xA1–0xFE cells), decoded; cells GB2312 leaves empty are skipped. */
function gb2312Rows(from: number, to: number): string {
  const dec = new TextDecoder('gb18030');
  let s = '';
  for (let row = from; row <= to; row += 1) {
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
      const ch = dec.decode(Uint8Array.from([row, cell]));
      // GBK fills some of GB2312's empty cells with private-use or extension characters.
      if (ch !== '\ufffd' && !/[\ue000-\uf8ff]/.test(ch)) s += ch;
    }
  }
  return s;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'fonts') return [];
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every non-ASCII character the app's sources contain: its labels, messages, catalog and demo data. */
function appCharacters(): string {
  const seen = new Set<string>();
  for (const f of ['src', 'cloudfunctions', 'types'].flatMap((d) => sourceFiles(join(root, d)))) {
    // A character past the BMP starts with a surrogate (≥ 0xD800), so its first code unit decides too.
    for (const ch of readFileSync(f, 'utf8')) if (ch.charCodeAt(0) > 0x7e) seen.add(ch);
  }
  return [...seen].join('');
}

function fetchSource(): { ttf: Buffer; licence: Buffer; from: string } {
  const dir = mkdtempSync(join(tmpdir(), 'print-font-'));
  try {
    const tgz = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop() as string;
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir, SOURCE_FILE, LICENCE_FILE]);
    return {
      ttf: readFileSync(join(dir, SOURCE_FILE)),
      licence: readFileSync(join(dir, LICENCE_FILE)),
      from: `${SOURCE_PACKAGE} ${SOURCE_FILE.replace('package/', '')}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { source: { type: 'string' }, licence: { type: 'string' } } });
  const src = values.source ? { ttf: readFileSync(values.source), licence: readFileSync(values.licence ?? ''), from: values.source } : fetchSource();
  const srcHash = sha256(src.ttf);
  if (!values.source && srcHash !== SOURCE_SHA256) {
    throw new Error(`${SOURCE_PACKAGE} 的字体文件与编写本脚本时的不同（sha256 ${srcHash}），请核对后更新 SOURCE_SHA256。`);
  }
  let ascii = '';
  for (let c = 0x20; c <= 0x7e; c += 1) ascii += String.fromCharCode(c);
  const wanted = new Set([...ascii, ...gb2312Rows(0xa1, 0xa9), ...gb2312Rows(0xb0, 0xf7), ...appCharacters()]);
  const text = [...wanted].join('');
  const ttf = await subsetFont(src.ttf, text, { targetFormat: 'truetype', noHinting: true, keepFeatures: [], noLayoutClosure: true });
  const packed = brotliCompressSync(ttf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: ttf.length } });
  mkdirSync(outDir, { recursive: true });
  const font = {
    family: 'Noto Sans SC',
    style: 'Regular',
    licence: 'OFL-1.1',
    licenceFile: 'OFL.txt',
    source: src.from,
    sourceSha256: srcHash,
    sourceBytes: src.ttf.length,
    characters: wanted.size,
    ttfBytes: ttf.length,
    ttfSha256: sha256(ttf),
    encoding: 'brotli+base64',
    data: packed.toString('base64'),
  };
  writeFileSync(join(outDir, 'noto-sans-sc.json'), `${JSON.stringify(font)}\n`);
  writeFileSync(join(outDir, 'OFL.txt'), src.licence);
  console.log(
    `字体子集：${wanted.size} 个字符；原文件 ${(src.ttf.length / 1048576).toFixed(2)} MB → 子集 TTF ${(ttf.length / 1048576).toFixed(2)} MB → brotli ${(packed.length / 1048576).toFixed(2)} MB → JSON ${(Buffer.byteLength(font.data) / 1048576).toFixed(2)} MB（${outDir}）`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
