import fs from 'node:fs';
import type { ChunkedBytes } from '../lib/csv';

/** What detection looks at first (lib/csv reads the first 64 KB). */
const HEAD_BYTES = 64 * 1024;

/**
 * A file on disk read in pieces into one reused buffer: the exporter never holds the whole input,
 * and touches no new memory for it. (A million rows are 180 MB: held whole they were a third of the
 * export's memory, and on a small virtual machine the page faults of 180 MB of new memory cost half
 * a second.) The export hashes the file on another thread, from the same open file (`fd`; see
 * DigestThread.hashFile). The rare paths that need every byte at once (a file that is not UTF-8)
 * read it whole with {@link whole}.
 */
export class FileBytes implements ChunkedBytes {
  readonly size: number;
  readonly head: Uint8Array;
  private buffer: Uint8Array | null = null;

  /** The bytes of `fd` from `start` to `end` (the end of the file when not given). */
  private constructor(
    readonly fd: number,
    private readonly start = 0,
    end?: number,
  ) {
    this.size = (end ?? fs.fstatSync(fd).size) - start;
    this.head = this.readAt(new Uint8Array(Math.min(this.size, HEAD_BYTES)), 0);
  }

  /** Open `file`; the caller closes it. Throws what `fs.openSync` throws. */
  static open(file: string): FileBytes {
    return new FileBytes(fs.openSync(file, 'r'));
  }

  /** Part of an open file (offsets of the file, `end` excluded), read through the same descriptor: close the whole, not the part. */
  static range(fd: number, start: number, end?: number): FileBytes {
    return new FileBytes(fd, start, end);
  }

  *pieces(from: number, chunkBytes: number): Generator<Uint8Array> {
    if (this.buffer === null || this.buffer.length < chunkBytes) this.buffer = new Uint8Array(chunkBytes);
    for (let at = from; at < this.size;) {
      const piece = this.readAt(this.buffer.subarray(0, Math.min(chunkBytes, this.size - at)), at);
      // A file cut short while it is read ends here.
      if (piece.length === 0) return;
      yield piece;
      at += piece.length;
    }
  }

  whole(): Uint8Array {
    return this.readAt(new Uint8Array(this.size), 0);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  /** Fill `into` from `position` (of this part; shorter at its end). */
  private readAt(into: Uint8Array, position: number): Uint8Array {
    let n = 0;
    while (n < into.length) {
      const got = fs.readSync(this.fd, into, n, into.length - n, this.start + position + n);
      if (got === 0) break;
      n += got;
    }
    return into.subarray(0, n);
  }
}
