import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestBytes } from '../lib/export';
import { DigestThread } from './digest-thread';
import { FileBytes } from './file-bytes';
import { nodeSha256 } from './sha256';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainset-digest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const content = Uint8Array.from({ length: 9_000_000 }, (_, i) => (i % 97 === 0 ? 10 : (i * 7919) % 251));

describe('DigestThread: the export hashes on the second core', () => {
  it('hashes a file from its open descriptor, from the start, whatever the parser has read of it', async () => {
    const file = path.join(dir, 'input.csv');
    fs.writeFileSync(file, content);
    const input = FileBytes.open(file);
    const digests = DigestThread.start();
    try {
      // The parser is partway through (it skipped a BOM's 3 bytes and read one piece) when the hash is asked for.
      const pieces = input.pieces(3, 1 << 20)[Symbol.iterator]();
      pieces.next();
      expect(await digests.hashFile(input.fd)).toBe(sha(content));
      fs.writeFileSync(path.join(dir, 'empty.csv'), '');
      const empty = FileBytes.open(path.join(dir, 'empty.csv'));
      expect(await digests.hashFile(empty.fd)).toBe(sha(new Uint8Array(0)));
      empty.close();
    } finally {
      input.close();
      await digests.close();
    }
  });

  it('gives the size, SHA-256 and lines of ranges of written files, as FileDigester does, two files at once', async () => {
    const digests = DigestThread.start();
    const other = content.subarray(1000, 3_000_000);
    const [a, b] = [path.join(dir, 'a.jsonl'), path.join(dir, 'b.jsonl')];
    fs.writeFileSync(a, content);
    fs.writeFileSync(b, other);
    const [fa, fb] = [fs.openSync(a, 'r'), fs.openSync(b, 'r')];
    try {
      const [sa, sb] = [digests.stream(), digests.stream()];
      for (let at = 0; at < content.length; at += 2 << 20) sa.add(fa, at, Math.min(2 << 20, content.length - at));
      for (let at = 0; at < other.length; at += 1 << 20) sb.add(fb, at, Math.min(1 << 20, other.length - at));
      expect(await sb.result()).toEqual(await digestBytes(other, nodeSha256()));
      expect(await sa.result()).toEqual(await digestBytes(content, nodeSha256()));
      // Nothing added: the empty file's digest.
      expect(await digests.stream().result()).toEqual({ bytes: 0, sha256: sha(new Uint8Array(0)), lines: 0 });
    } finally {
      fs.closeSync(fa);
      fs.closeSync(fb);
      await digests.close();
    }
  });

  it('fails a digest whose file cannot be read back (shorter than written, or closed), and what is asked once it has stopped, without hanging', async () => {
    const digests = DigestThread.start();
    const file = path.join(dir, 'short.jsonl');
    fs.writeFileSync(file, content.subarray(0, 100));
    const fd = fs.openSync(file, 'r');
    const short = digests.stream();
    short.add(fd, 0, 200);
    await expect(short.result()).rejects.toThrow(/hashing failed: the file is shorter than what was written/);
    fs.closeSync(fd);
    const closed = digests.stream();
    closed.add(fd, 0, 10);
    await expect(closed.result()).rejects.toThrow(/hashing failed/);
    await expect(digests.hashFile(987_654)).rejects.toThrow(/hashing failed/);
    await digests.close();
    await expect(digests.stream().result()).rejects.toThrow(/hashing thread stopped/);
  });
});
