/** A growable Int32Array: a million row codes cost 4 MB, not a million boxed numbers. */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  /** A view of the filled part (no copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
