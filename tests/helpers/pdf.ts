import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ReadPdf {
  title: string | null;
  /** Each page's text as pdf.js extracts it, and every QR code decoded from its rendering. */
  pages: { text: string; codes: string[] }[];
}

/**
 * Reads a PDF as a viewer would (read-pdf.mjs: pdf.js renders it, jsQR scans it). `pngDir` keeps
 * the rendered pages, to look at.
 */
export async function readPdf(bytes: Buffer, pngDir?: string): Promise<ReadPdf> {
  const dir = mkdtempSync(join(tmpdir(), 'sv-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    // No NODE_OPTIONS: jest's would load its hooks into the child.
    const { stdout } = await run(process.execPath, [join(__dirname, 'read-pdf.mjs'), file, ...(pngDir ? [pngDir] : [])], {
      env: { ...process.env, NODE_OPTIONS: undefined },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return JSON.parse(stdout) as ReadPdf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text without the spaces and line breaks a PDF puts between runs of text. */
export const squeezed = (text: string) => text.replace(/\s+/g, '');
