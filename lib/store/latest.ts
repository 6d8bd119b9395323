/**
 * A query keyed by what it depends on: `run` asks for the result of a key and applies it only if
 * that key is still the latest asked (an answer for old rows or old settings is dropped). Asking
 * for the key being asked waits for that answer; for the key answered last, does nothing.
 */
export class Latest {
  private asked: { key: string; done: Promise<void> } | null = null;
  private answered: string | null = null;

  /** The key whose answer is applied (null before the first). */
  get current(): string | null {
    return this.answered;
  }

  /** True when `key` is being asked for or has been answered (nothing to do). */
  has(key: string): boolean {
    return this.asked?.key === key || (this.asked === null && this.answered === key);
  }

  run<T>(key: string, fetch: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    if (this.asked?.key === key) return this.asked.done;
    if (this.asked === null && this.answered === key) return Promise.resolve();
    const mine: { key: string; done: Promise<void> } = { key, done: Promise.resolve() };
    this.asked = mine;
    mine.done = (async () => {
      try {
        const value = await fetch();
        if (this.asked !== mine) return;
        this.answered = key;
        apply(value);
      } finally {
        if (this.asked === mine) this.asked = null;
      }
    })();
    return mine.done;
  }

  /** Forget: the next `run` asks whatever its key. */
  reset(): void {
    this.asked = null;
    this.answered = null;
  }
}
