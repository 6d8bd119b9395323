/**
 * Long calls that pause between slices and only read the data: they run beside the queue, so rows
 * asked for while they count (scrolling) are served between two slices instead of after the whole.
 */
const BESIDE_THE_QUEUE: ReadonlySet<string> = new Set(['countTokens', 'checks']);

/**
 * The same object, its methods served one after another in the order they were called: a call
 * that waits (reading a file's bytes) must not let a later edit run on the dataset it replaces.
 */
export function serveInOrder<T extends object>(target: T, beside: ReadonlySet<string> = BESIDE_THE_QUEUE): T {
  let queue: Promise<unknown> = Promise.resolve();
  return new Proxy(target, {
    get(t, key, receiver) {
      const value: unknown = Reflect.get(t, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      const method = value as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => {
        // Still after the calls sent before it (the rows it counts are theirs), but not holding up later ones.
        const run = queue.then(() => method.apply(t, args));
        if (!beside.has(key)) queue = run.catch(() => undefined);
        return run;
      };
    },
  });
}
