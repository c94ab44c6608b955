// Worker-thread entry of readSheet (isolate.ts): parse the file it was given, answer once.
import { parentPort, workerData } from 'node:worker_threads';
import type { SheetAnswer, SheetJob } from './isolate';
import { parseSheet, SheetError } from './read';

async function run(job: SheetJob): Promise<SheetAnswer> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    return { ok: true, sheet: await parseSheet(job.fileName, bytes) };
  } catch (e) {
    if (e instanceof SheetError) return { ok: false, message: e.message };
    return { ok: false, message: '文件打不开，请确认是 Excel（.xlsx）或 CSV 文件，并且没有加密' };
  }
}

void run(workerData as SheetJob).then((answer) => parentPort?.postMessage(answer));
