import { IntList } from './int-list';

const BLOCK_BYTES = 16 << 20;

/** A {@link ByteStore}'s items as plain buffers (see `ByteStore.parts`). */
export interface ByteStoreParts {
  blocks: Uint8Array[];
  blockOf: Int32Array;
  offsetOf: Int32Array;
  lengthOf: Int32Array;
}

/** The buffers of `parts`, to be transferred rather than copied by `postMessage`. */
export const transferables = (parts: ByteStoreParts): ArrayBuffer[] =>
  [...parts.blocks, parts.blockOf, parts.offsetOf, parts.lengthOf].map((a) => a.buffer as ArrayBuffer);

/**
 * Many short byte strings (each row's JSON-escaped message) packed into 16 MB blocks: a million rows
 * cost their bytes plus 12 bytes each, not a million JS strings, and growing never copies.
 */
export class ByteStore {
  private readonly blocks: Uint8Array[] = [];
  private current = new Uint8Array(0);
  private used = 0;
  private readonly blockOf = new IntList();
  private readonly offsetOf = new IntList();
  private readonly lengthOf = new IntList();
  private readonly encoder = new TextEncoder();

  get count(): number {
    return this.lengthOf.length;
  }

  /** Append what `write` puts at `out[at…]` (at most `maxBytes`); `write` returns the end position. */
  addWith(maxBytes: number, write: (out: Uint8Array, at: number) => number): void {
    if (this.used + maxBytes > this.current.length) this.newBlock(maxBytes);
    const start = this.used;
    this.used = write(this.current, start);
    this.record(start);
  }

  /**
   * Append `"` + text + `"` if every character of `text` is printable ASCII other than `"` and `\`
   * (what JSON writes as it is, in every style), and return true; else append nothing and return
   * false. One pass in JS, checking as it copies, without a call out per text (see PlainWrites in
   * collector.ts for where that matters).
   */
  addPlainQuoted(text: string): boolean {
    const n = text.length;
    if (this.used + n + 2 > this.current.length) this.newBlock(n + 2);
    const out = this.current;
    const start = this.used;
    let at = start + 1;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
      out[at++] = c;
    }
    out[start] = 0x22;
    out[at++] = 0x22;
    this.used = at;
    this.record(start);
    return true;
  }

  /** Append `"` + text + `"` (when `quote`) or just text, as UTF-8. */
  add(text: string, quote: boolean): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    const worst = text.length * 3 + 2;
    if (this.used + worst > this.current.length) this.newBlock(worst);
    const start = this.used;
    let at = start;
    if (quote) this.current[at++] = 0x22;
    at += this.encoder.encodeInto(text, this.current.subarray(at)).written;
    if (quote) this.current[at++] = 0x22;
    this.used = at;
    this.record(start);
  }

  /**
   * Everything held, as buffers another thread can be handed without a copy (`postMessage` with
   * {@link transferables}); {@link absorb} puts them after the items of another store.
   */
  parts(): ByteStoreParts {
    return {
      blocks: this.blocks.slice(),
      blockOf: this.blockOf.view(),
      offsetOf: this.offsetOf.view(),
      lengthOf: this.lengthOf.view(),
    };
  }

  /** Append the items of another store (its {@link parts}), in their order, without copying their bytes. */
  absorb(parts: ByteStoreParts): void {
    const shift = this.blocks.length;
    this.blocks.push(...parts.blocks);
    for (let i = 0; i < parts.lengthOf.length; i++) {
      this.blockOf.push(parts.blockOf[i]! + shift);
      this.offsetOf.push(parts.offsetOf[i]!);
      this.lengthOf.push(parts.lengthOf[i]!);
    }
    // What is added next goes to a block of its own, never into one absorbed.
    this.current = new Uint8Array(0);
    this.used = 0;
  }

  private record(start: number): void {
    this.blockOf.push(this.blocks.length - 1);
    this.offsetOf.push(start);
    this.lengthOf.push(this.used - start);
  }

  /** A view of item `i` (no copy). */
  view(i: number): Uint8Array {
    const start = this.offsetOf.get(i);
    return this.blocks[this.blockOf.get(i)]!.subarray(start, start + this.lengthOf.get(i));
  }

  private newBlock(atLeast: number): void {
    this.current = new Uint8Array(Math.max(BLOCK_BYTES, atLeast));
    this.blocks.push(this.current);
    this.used = 0;
  }
}
