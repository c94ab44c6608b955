import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readSheet } from '../../cloudfunctions/core/sheets/isolate';
import { SHEET_LIMITS } from '../../cloudfunctions/core/sheets/limits';
import { SheetError } from '../../cloudfunctions/core/sheets/read';
import { functionsHost } from '../helpers/host';
import { HEADER, rosterRows, xlsxBase64 } from '../helpers/roster-file';

/**
 * The attack: an 18 KB workbook of 2,000 rows with one cell at column XFD blocked the server's
 * event loop for 10 s and took 416 MB in finance.previewImport (7 s and 792 MB for the roster),
 * because every row became 16,384 cells wide while it was parsed. Now the file is checked as it
 * streams by before anything parses it, and parsing runs in a worker with a time and memory limit.
 */
jest.setTimeout(120000);

const host = functionsHost();

/** The attack file: 2,000 ordinary rows and one cell far to the right. */
async function wideBase64(header: string[], row: (i: number) => (string | number)[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (let i = 0; i < 2000; i += 1) ws.addRow(row(i));
  ws.getCell('XFD2').value = 'x';
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

it('refuses the 2,000-row workbook with a cell at column XFD, at once, for the books and the roster', async () => {
  const ledger = await wideBase64(['日期', '收支', '科目', '金额（元）', '对方', '摘要', '经手人'], (i) => [
    '2026-10-08',
    '支出',
    '办公费',
    12 + i,
    '文印社',
    '打印纸',
    '杨秀梅',
  ]);
  expect(Buffer.from(ledger, 'base64').length).toBeLessThan(60 * 1024);
  const people = rosterRows(2000);
  const roster = await wideBase64(HEADER, (i) => people[i].map((c) => c ?? ''));
  for (const [fn, persona, fileBase64] of [
    ['finance', 'yangjia-accountant', ledger],
    ['roster', 'yangjia-secretary', roster],
  ] as const) {
    const started = Date.now();
    const res = await host.send(fn, 'previewImport', { villageId: 'yangjia', fileName: 'wide.xlsx', fileBase64 }, persona);
    const took = Date.now() - started;
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toBe('表格最多 50 列，这个文件有 16384 列（一直到 XFD 列）。请删掉多余的列后再导入。');
    // Refused before anything parses it: well within the second the issue asks for.
    expect(took).toBeLessThan(1000);
  }
});

it('keeps answering other requests within 200 ms while a large roster is being parsed', async () => {
  const fileBase64 = await xlsxBase64(rosterRows(5000));
  const pings: number[] = [];
  let parsing = true;
  // How long the host's thread (this process) went without turning to its next job: what a
  // parse on the request thread would have stretched to seconds.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const importing = host.send('roster', 'previewImport', { villageId: 'yangjia', fileName: 'big.xlsx', fileBase64 }, 'yangjia-secretary').finally(() => {
    parsing = false;
  });
  while (parsing) {
    const t = Date.now();
    const res = await host.call('village', 'get', { villageId: 'yangjia' });
    expect(res.body.ok).toBe(true);
    if (parsing) pings.push(Date.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  loop.disable();
  const done = await importing;
  expect(done.body.ok).toBe(true);
  expect(done.body.data.total).toBe(5000);
  // It took a while, and the village page kept answering meanwhile: the thread was held for
  // 200 ms at most in one sample of a hundred, and a typical answer came back well within it. A
  // parse on the request thread would hold it for the whole parse (seconds). The worst single
  // stall is not asserted: on a machine busy with other work one garbage collection or a CPU
  // taken away for a moment reaches half a second (seen in CI), which says nothing about this host.
  expect(pings.length).toBeGreaterThan(5);
  expect(loop.percentile(99) / 1e6).toBeLessThan(200);
  expect([...pings].sort((a, b) => a - b)[Math.floor(pings.length / 2)]).toBeLessThan(200);
});

it('refuses more than 5,000 rows, in a CSV as in a workbook', async () => {
  const csv = `${HEADER.join(',')}\n${rosterRows(5001)
    .map((r) => r.map((c) => c ?? '').join(','))
    .join('\n')}\n`;
  const res = await host.send(
    'roster',
    'previewImport',
    { villageId: 'yangjia', fileName: 'big.csv', fileBase64: Buffer.from(csv).toString('base64') },
    'yangjia-secretary',
  );
  expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  expect(res.body.error.message).toBe('表格最多 5000 行数据，这个文件有 5001 行。请分成几个文件导入。');
});

it('refuses a workbook that unpacks to far more than it weighs', async () => {
  // What a zip bomb looks like from outside: one sheet of 60 MB of spaces, deflated.
  const zip = new JSZip().file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024, 0x20));
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  expect(bomb.length).toBeLessThan(100 * 1024);
  const res = await host.send(
    'finance',
    'previewImport',
    { villageId: 'yangjia', fileName: 'bomb.xlsx', fileBase64: bomb.toString('base64') },
    'yangjia-accountant',
  );
  expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  expect(res.body.error.message).toMatch(/^文件解压后太大（60 MB），不像是花名册或账目表格/);
});

it('gives up on a parse that runs past its time, and says so', async () => {
  const bytes = Buffer.from(await xlsxBase64(rosterRows(3000)), 'base64');
  await expect(readSheet('slow.xlsx', bytes, { ...SHEET_LIMITS, timeoutMs: 5 })).rejects.toThrow(
    new SheetError('文件 1 秒内没有读完，可能太大或太复杂。请只保留要导入的表和列后再试。'),
  );
  // The same file within the usual limits reads fine.
  expect((await readSheet('ok.xlsx', bytes)).rows).toHaveLength(3000);
});
