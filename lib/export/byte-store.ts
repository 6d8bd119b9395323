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
