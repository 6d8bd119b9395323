import { Worker } from 'node:worker_threads';
import type { FileDigest } from '../lib/export';

/*
 * The thread's code, plain JavaScript run with `eval`: it needs nothing of lib/ (node:crypto does the
 * hashing), and a worker made from a file would need that file beside the CLI's bundle and again
 * under tsx when the CLI runs from its sources. Lines are counted as lib/export's FileDigester counts
 * them: one per "\n". It reads what it hashes from the files (the page cache), so the exporting
 * thread hands it nothing but positions: no copies, and no shared memory, which V8 copies into
 * more slowly (at a million rows, making the batches in SharedArrayBuffers took twice as long).
 */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
let buffer = Buffer.allocUnsafe(4 << 20);
const streams = new Map();
const stream = (id) => {
  let s = streams.get(id);
  if (!s) streams.set(id, (s = { hash: createHash('sha256'), bytes: 0, lines: 0, error: null }));
  return s;
};
/** Read length bytes of fd at position into the buffer (shorter only at the end of the file). */
const read = (fd, position, length) => {
  if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
  let n = 0;
  while (n < length) {
    const got = fs.readSync(fd, buffer, n, length - n, position + n);
    if (got === 0) break;
    n += got;
  }
  return buffer.subarray(0, n);
};
const message = (e) => String(e && e.message ? e.message : e);
parentPort.on('message', (m) => {
  if (m.op === 'file') {
    try {
      const hash = createHash('sha256');
      for (let at = 0, part = read(m.fd, 0, 4 << 20); part.length > 0; at += part.length, part = read(m.fd, at, 4 << 20)) hash.update(part);
      parentPort.postMessage({ id: m.id, value: hash.digest('hex') });
    } catch (e) {
      parentPort.postMessage({ id: m.id, error: message(e) });
    }
  } else if (m.op === 'range') {
    const s = stream(m.stream);
    if (s.error !== null) return;
    try {
      const part = read(m.fd, m.position, m.length);
      if (part.length < m.length) throw new Error('the file is shorter than what was written to it');
      s.hash.update(part);
      s.bytes += part.length;
      for (let i = part.indexOf(10); i >= 0; i = part.indexOf(10, i + 1)) s.lines++;
    } catch (e) {
      s.error = message(e);
    }
  } else if (m.op === 'end') {
    const s = stream(m.stream);
    streams.delete(m.stream);
    if (s.error !== null) parentPort.postMessage({ id: m.id, error: s.error });
    else parentPort.postMessage({ id: m.id, value: { bytes: s.bytes, sha256: s.hash.digest('hex'), lines: s.lines } });
  }
});
`;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A file's digest made on the digest thread from what was written to it (see {@link DigestThread.stream}). */
export interface DigestStream {
  /**
   * Hash `length` bytes of the file open as `fd`, from `position`, once they are written. Ranges
   * must come in file order, and the file stay open until {@link result} settles.
   */
  add(fd: number, position: number, length: number): void;
  /** Size, SHA-256 and lines of everything added. */
  result(): Promise<FileDigest>;
}

/**
 * SHA-256 on the machine's second core. Exporting a million rows hashes the 180 MB read and the
 * 430 MB written for the manifest: 0.35 s of the export's 4 s when the exporting thread did it. Here
 * the thread reads the input from the same open file (the bytes the export parses, even if the
 * file's name is given to another meanwhile), and each output batch from the file once it is
 * written, while the export makes the next ones.
 */
export class DigestThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private nextStream = 0;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: { id: number; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      this.idleUnlessWaiting();
      if (m.error !== undefined) p.reject(new Error(`hashing failed: ${m.error}`));
      else p.resolve(m.value);
    });
    worker.on('error', (e) => this.stop(new Error(`the hashing thread failed: ${e.message}`)));
    worker.on('exit', () => this.stop(new Error('the hashing thread stopped')));
    // The thread keeps the process alive only while a call waits for it.
    worker.unref();
  }

  static start(): DigestThread {
    return new DigestThread(new Worker(THREAD_CODE, { eval: true }));
  }

  /** SHA-256 (hex) of the file open as `fd`, read from its start by the thread. */
  hashFile(fd: number): Promise<string> {
    return this.call({ op: 'file', fd }) as Promise<string>;
  }

  stream(): DigestStream {
    const stream = this.nextStream++;
    return {
      add: (fd, position, length) => {
        if (this.failure === null) this.worker.postMessage({ op: 'range', stream, fd, position, length });
      },
      result: () => this.call({ op: 'end', stream }) as Promise<FileDigest>,
    };
  }

  /** Stop the thread (calls still waiting fail, and any made later). */
  async close(): Promise<void> {
    this.stop(new Error('the hashing thread stopped'));
    await this.worker.terminate();
  }

  private stop(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  private call(message: Record<string, unknown>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const result = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.worker.ref();
    this.worker.postMessage({ ...message, id });
    return result;
  }

  private idleUnlessWaiting(): void {
    if (this.pending.size === 0) this.worker.unref();
  }
}
