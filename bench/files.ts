// The outputs of a run, compared: byte for byte (the CLI's files against the notebook's) or by hash
// (the app's downloads against the CLI's files). Read in chunks: at 1M rows a file is ~350 MB.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OUTPUT_FILES } from './env';

const CHUNK = 1 << 20;

/** Null when both directories hold the same bytes in each output file, else where they first differ. */
export function compareOutputs(trainsetDir: string, notebookDir: string): string | null {
  for (const name of OUTPUT_FILES) {
    const a = path.join(trainsetDir, name);
    const b = path.join(notebookDir, name);
    if (!fs.existsSync(a) || !fs.existsSync(b)) return `${name} missing from the ${fs.existsSync(a) ? 'notebook' : 'trainset'} output`;
    const at = firstDifference(a, b);
    if (at !== null) return `${name}: first difference at byte ${at} (line ${lineAt(a, at)})`;
  }
  return null;
}

/**
 * Offset of the first differing byte (or the shorter file's length), or null when identical.
 * Chunked reads: at 1M rows each output is ~350 MB, and there is no reason to hold it in memory.
 */
function firstDifference(a: string, b: string): number | null {
  const fa = fs.openSync(a, 'r');
  const fb = fs.openSync(b, 'r');
  try {
    const ba = Buffer.alloc(CHUNK);
    const bb = Buffer.alloc(CHUNK);
    for (let pos = 0; ;) {
      const na = fs.readSync(fa, ba, 0, CHUNK, pos);
      const nb = fs.readSync(fb, bb, 0, CHUNK, pos);
      const n = Math.min(na, nb);
      if (!ba.subarray(0, n).equals(bb.subarray(0, n))) return pos + firstMismatch(ba, bb, n);
      if (na !== nb) return pos + n;
      if (na === 0) return null;
      pos += n;
    }
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

function firstMismatch(a: Buffer, b: Buffer, n: number): number {
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** 1-based line number of byte `offset`; only computed once a difference is found. */
function lineAt(file: string, offset: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let lines = 1;
    for (let pos = 0; pos < offset;) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, offset - pos), pos);
      if (n === 0) break;
      for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) lines++;
      pos += n;
    }
    return lines;
  } finally {
    fs.closeSync(fd);
  }
}

/** A file's SHA-256, hex. */
export function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
