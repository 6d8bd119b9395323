import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ExportSettings, PlainWrites, SecondPart, SecondPartResult } from '../lib/export';

/**
 * Below this size a file is read on one thread: starting a thread and loading lib/ in it (about
 * 0.1 s) would cost more than it saves. `TRAINSET_PARALLEL_MIN_BYTES` sets it (the tests use small files).
 */
const PARALLEL_MIN_BYTES = 16 << 20;

export const parallelMinBytes = (): number => {
  const env = Number(process.env.TRAINSET_PARALLEL_MIN_BYTES);
  return process.env.TRAINSET_PARALLEL_MIN_BYTES !== undefined && Number.isFinite(env) ? env : PARALLEL_MIN_BYTES;
};

/** How far past the middle a line end is looked for: a file whose lines are longer is read on one thread. */
const LINE_END_SEARCH = 1 << 20;

/**
 * Where the second part of a file starts: just after the first line feed from its middle on, or null
 * when there is none near it. (Whether a record ends there, rather than a quoted field going on, is
 * known only once the first part is read: `exportCsvInTwo` checks it.)
 */
export function cutAfterMiddle(fd: number, size: number): number | null {
  const middle = Math.floor(size / 2);
  const window = new Uint8Array(Math.min(LINE_END_SEARCH, size - middle));
  const n = fs.readSync(fd, window, 0, window.length, middle);
  const lf = window.subarray(0, n).indexOf(10);
  return lf < 0 || middle + lf + 1 >= size ? null : middle + lf + 1;
}

/** What the thread is given to start with (workerData). */
export interface PartTask {
  fd: number;
  start: number;
  end: number;
  settings: ExportSettings;
  plainWrites?: PlainWrites;
}

/**
 * The second part of an export read on a worker thread (cli/parse-worker.ts), while this thread
 * reads the first: the thread opens nothing, it reads its part from the same open file, and hands
 * back what it collected without a copy (transferred buffers). Any failure of the thread (it could
 * not start, it threw, it died) settles `result` with null: the export then reads the whole file
 * on this thread, as it would have without one.
 */
export class ParseThread implements SecondPart {
  private readonly worker: Worker | null;
  private readonly settled: Promise<SecondPartResult | null>;

  constructor(task: PartTask) {
    let worker: Worker | null = null;
    try {
      // From the bundle (dist/cli) the thread runs its bundled entry; from the sources, the .ts file through tsx's loader, registered by a small entry of its own.
      const fromSources = import.meta.url.endsWith('.ts');
      worker = new Worker(new URL(fromSources ? './parse-worker-from-sources.mjs' : './parse-worker.mjs', import.meta.url), { workerData: task });
    } catch {
      worker = null;
    }
    this.worker = worker;
    this.settled = new Promise((resolve) => {
      if (!worker) return resolve(null);
      worker.once('message', (m: SecondPartResult | null) => resolve(m));
      worker.once('error', (e) => {
        if (process.env.TRAINSET_DEBUG) process.stderr.write(`trainset: the export's second thread failed: ${e.stack ?? e.message}\n`);
        resolve(null);
      });
      worker.once('exit', () => resolve(null));
    });
  }

  start(header: string[], delimiter: string): void {
    this.worker?.postMessage({ header, delimiter });
  }

  result(): Promise<SecondPartResult | null> {
    return this.settled;
  }

  /** End the thread (its result taken, or not wanted). */
  async stop(): Promise<void> {
    await this.worker?.terminate();
  }
}
