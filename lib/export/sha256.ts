/**
 * SHA-256 of files that may be hundreds of megabytes, with one async API for every place that
 * hashes: the CLI passes a hasher on `node:crypto` (which lib/ may not import), the browser and
 * its worker use WebCrypto, and where WebCrypto is missing (a page served over plain http to
 * another machine is not a secure context, so it has no `crypto.subtle`) a small hasher in
 * TypeScript gives the same digest.
 */

/** One SHA-256 being computed: fed part by part, read once. */
export interface Sha256 {
  /** Hash these bytes next. Hashers may keep the view until `digest` (see {@link webSha256}): do not change it meanwhile. */
  update(bytes: Uint8Array): void;
  /** The digest as 64 lowercase hex digits. */
  digest(): Promise<string>;
}

/** Makes a fresh {@link Sha256}: `webSha256` by default, `nodeSha256` in the CLI (cli/sha256.ts). */
export type Sha256Factory = () => Sha256;

/** A file's size, SHA-256 and number of lines (LF bytes: every JSONL line ends with one). */
export interface FileDigest {
  bytes: number;
  sha256: string;
  lines: number;
}

/** Bytes as one view, or as the exporter hands them out: batches of views (`ExportFiles.train()`). */
export type ByteSource = Uint8Array | Iterable<Uint8Array | readonly Uint8Array[]>;

const LF = 0x0a;

/** Counts the bytes and lines of a file while it is hashed, part by part (one pass, no join). */
export class FileDigester {
  private bytes = 0;
  private lines = 0;

  constructor(private readonly sha: Sha256 = webSha256()) {}

  add(part: Uint8Array): void {
    this.bytes += part.length;
    for (let i = part.indexOf(LF); i >= 0; i = part.indexOf(LF, i + 1)) this.lines++;
    this.sha.update(part);
  }

  async result(): Promise<FileDigest> {
    return { bytes: this.bytes, sha256: await this.sha.digest(), lines: this.lines };
  }
}

/** Size, SHA-256 and lines of `source`, hashed as it streams. */
export async function digestBytes(source: ByteSource, sha: Sha256 = webSha256()): Promise<FileDigest> {
  const digester = new FileDigester(sha);
  if (source instanceof Uint8Array) digester.add(source);
  else for (const item of source) for (const part of item instanceof Uint8Array ? [item] : item) digester.add(part);
  return digester.result();
}

/** The SHA-256 of `bytes` as hex (WebCrypto when there is one). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const sha = webSha256();
  sha.update(bytes);
  return sha.digest();
}

/**
 * WebCrypto's SHA-256 (browser, worker, and Node 20), else {@link jsSha256}. `crypto.subtle`
 * hashes one buffer, not a stream, so the parts are kept (views, not copies) and joined at the
 * end, unless there is only one. In the app the files are Blobs already read whole for the zip;
 * the CLI streams through `node:crypto` instead, without holding a file.
 */
export function webSha256(): Sha256 {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return jsSha256();
  const parts: Uint8Array[] = [];
  return {
    update(bytes) {
      parts.push(bytes);
    },
    async digest() {
      const whole = parts.length === 1 ? parts[0]! : join(parts);
      try {
        return hex(new Uint8Array(await subtle.digest('SHA-256', whole as Uint8Array<ArrayBuffer>)));
      } catch {
        // A buffer WebCrypto will not take (too large for this browser): hash it here instead.
        const js = jsSha256();
        js.update(whole);
        return js.digest();
      }
    },
  };
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K = Int32Array.from(
  [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
    0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
    0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
    0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
    0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ],
  (k) => k | 0,
);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/**
 * SHA-256 in TypeScript (FIPS 180-4), streaming: for where WebCrypto is missing. About ten times
 * slower than WebCrypto, which the browser runs in native code.
 */
export function jsSha256(): Sha256 {
  const h = Int32Array.from(H0, (x) => x | 0);
  const w = new Int32Array(64);
  const block = new Uint8Array(64);
  let blockLength = 0;
  let total = 0;
  let done = false;

  const compress = (d: Uint8Array, o: number): void => {
    for (let t = 0; t < 16; t++, o += 4) w[t] = (d[o]! << 24) | (d[o + 1]! << 16) | (d[o + 2]! << 8) | d[o + 3]!;
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let dd = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (dd + t1) | 0;
      dd = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + dd;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  };

  const update = (bytes: Uint8Array): void => {
    if (done) throw new Error('This SHA-256 was read already; start another.');
    total += bytes.length;
    let i = 0;
    if (blockLength > 0) {
      const take = Math.min(64 - blockLength, bytes.length);
      block.set(bytes.subarray(0, take), blockLength);
      blockLength += take;
      i = take;
      if (blockLength < 64) return;
      compress(block, 0);
      blockLength = 0;
    }
    for (; i + 64 <= bytes.length; i += 64) compress(bytes, i);
    block.set(bytes.subarray(i), 0);
    blockLength = bytes.length - i;
  };

  return {
    update,
    async digest() {
      // Padding: 0x80, zeros to 56 bytes mod 64, then the length in bits as a 64-bit big-endian number.
      const bits = total * 8;
      const tail = new Uint8Array((blockLength < 56 ? 64 : 128) - blockLength);
      tail[0] = 0x80;
      const view = new DataView(tail.buffer);
      view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
      view.setUint32(tail.length - 4, bits >>> 0);
      update(tail);
      done = true;
      const out = new Uint8Array(32);
      const outView = new DataView(out.buffer);
      for (let k = 0; k < 8; k++) outView.setInt32(k * 4, h[k]!);
      return hex(out);
    },
  };
}
