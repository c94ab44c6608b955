import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SHEET_LIMITS, type SheetLimits } from './limits';
import { inspectSheet } from './inspect';
import { decodeCsv, SheetError, type Sheet } from './read';

/** What the worker is given and what it answers (worker.ts). */
export interface SheetJob {
  fileName: string;
  bytes: Uint8Array;
}
export type SheetAnswer = { ok: true; sheet: Sheet } | { ok: false; message: string };

/**
 * The worker's code. Bundled (dist/cloudfunctions/<fn>/index.js, dist/host/main.js), it was
 * built beside the bundle as sheet-worker.js; run from source (the tests), it is worker.ts,
 * loaded through tsx's require hook.
 */
function workerEntry(): { file: string; eval: boolean } {
  if (!__filename.endsWith('.ts')) return { file: join(__dirname, 'sheet-worker.js'), eval: false };
  return { file: `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`, eval: true };
}

/**
 * Reads an uploaded spreadsheet: first checks it against the limits as it streams by
 * (inspect.ts: a few counters, no parsing), then parses it in a worker thread within a time and
 * a memory limit. A file that is too big, too wide or too slow to read is refused with a
 * SheetError saying so; meanwhile the process keeps answering everyone else.
 */
export async function readSheet(fileName: string, bytes: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<Sheet> {
  await inspectSheet(fileName, bytes, limits, decodeCsv);
  return parseInWorker(fileName, bytes, limits);
}

function parseInWorker(fileName: string, bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const job: SheetJob = { fileName, bytes: new Uint8Array(bytes) };
    const worker = new Worker(entry.file, {
      workerData: job,
      eval: entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new SheetError(`文件 ${Math.max(1, Math.ceil(limits.timeoutMs / 1000))} 秒内没有读完，可能太大或太复杂。请只保留要导入的表和列后再试。`)),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (answer: SheetAnswer) => settle(() => (answer.ok ? resolve(answer.sheet) : reject(new SheetError(answer.message)))));
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new SheetError('文件太大或太复杂，读取时超出了内存限制。请只保留要导入的表和列后再试。') : e),
      ),
    );
    worker.on('exit', () => settle(() => reject(new SheetError('文件没有读完，请稍后再试。'))));
  });
}
