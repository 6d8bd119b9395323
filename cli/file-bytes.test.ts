import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileBytes } from './file-bytes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainset-file-bytes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fileOf(bytes: Uint8Array): string {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, bytes);
  return file;
}

const content = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);

describe('FileBytes: the CLI input read in pieces', () => {
  it('gives the first 64 KB as its head, its size, and every byte in order through one reused buffer', () => {
    const f = FileBytes.open(fileOf(content));
    try {
      expect(f.size).toBe(200_000);
      expect(f.head).toEqual(content.subarray(0, 64 * 1024));
      const seen: Uint8Array[] = [];
      const buffers = new Set<ArrayBufferLike>();
      for (const piece of f.pieces(3, 30_000)) {
        seen.push(piece.slice());
        buffers.add(piece.buffer);
      }
      expect(Buffer.concat(seen)).toEqual(Buffer.from(content.subarray(3)));
      expect(buffers.size).toBe(1);
      expect(f.whole()).toEqual(content);
    } finally {
      f.close();
    }
  });

  it('reads a part of the file (FileBytes.range) as if it were the file: head, size, pieces and whole', () => {
    const f = FileBytes.open(fileOf(content));
    try {
      for (const [start, end] of [
        [0, 100_000],
        [100_000, 200_000],
        [150_000, undefined],
      ] as const) {
        const part = FileBytes.range(f.fd, start, end);
        const expected = content.subarray(start, end);
        expect(part.size).toBe(expected.length);
        expect(part.head).toEqual(expected.subarray(0, 64 * 1024));
        expect(Buffer.concat(Array.from(part.pieces(5, 7_000), (p) => p.slice()))).toEqual(Buffer.from(expected.subarray(5)));
        expect(part.whole()).toEqual(expected);
      }
    } finally {
      f.close();
    }
  });

  it('reads a file shorter than the head, and an empty one', () => {
    for (const bytes of [content.subarray(0, 10), new Uint8Array(0)]) {
      const f = FileBytes.open(fileOf(bytes));
      try {
        expect(f.head).toEqual(bytes);
        expect([...f.pieces(0, 4)].map((p) => p.length).reduce((a, b) => a + b, 0)).toBe(bytes.length);
      } finally {
        f.close();
      }
    }
  });
});
