import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * The built local host (dist/host/main.js) in a process of its own, as `npm start` runs it: for
 * the browser tests, the kill -9 test and the benchmarks, whose own work must not stall its
 * answers (and which kill it).
 */
const MAIN = join(resolve(__dirname, '..', '..'), 'dist', 'host', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

export interface HostProcess {
  child: ChildProcess;
  base: string;
  /** Everything the host printed so far. */
  log(): string;
}

export interface HostProcessOptions {
  dataDir: string;
  port?: number;
  /** Where the built H5 app is; the host's default (dist/h5) when absent. */
  staticDir?: string;
  /** SUNLIT_NOW for the host: the instant its clock starts at (ISO-8601 with offset). */
  now?: string;
  /** Node flags for the host, such as --cpu-prof. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

/** Starts the host and resolves once it says it is listening; rejects with its output if it exits or stays silent. */
export async function startHostProcess(o: HostProcessOptions): Promise<HostProcess> {
  const port = o.port ?? (await freePort());
  let log = '';
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: o.dataDir,
      ...(o.staticDir ? { STATIC_DIR: o.staticDir } : {}),
      ...(o.now ? { SUNLIT_NOW: o.now } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`host did not start within ${(o.timeoutMs ?? 30_000) / 1000} s:\n${log}`)), o.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('本地服务已启动')) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      rej(new Error(`host exited (${code ?? signal}):\n${log}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}`, log: () => log };
}
