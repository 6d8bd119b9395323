/**
 * A typed request/response channel over `postMessage`, with one event stream beside it.
 *
 * The served object's type is written once; the caller's type is derived from it (`Remote<T>`:
 * every method returns a promise of what it returned or resolved to). Written here rather than
 * taken from Comlink because the caller must be able to fail every call in flight when the other
 * side dies (a worker that calls `self.close()` fires no event and would leave Comlink's promises
 * pending forever), and because events, transfers and errors need only a few lines each.
 *
 * Guarantees: `then` is never answered (a remote is not a thenable, so `await remote` is itself);
 * errors cross with their name, message and stack; typed arrays marked with {@link transfer} are
 * moved, not copied; calls are answered in the order the served methods settle.
 */

/** What both a Worker, a worker's global scope and a MessagePort offer. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePorts only: start delivering messages. */
  start?(): void;
}

// Methods only: `Remote<T>` drops plain fields.
type Method = (...args: never[]) => unknown;
type MethodKeys<T> = { [K in keyof T]: T[K] extends Method ? K : never }[keyof T] & string;

/** The caller's view of a served object: each method answers with a promise. */
export type Remote<T> = {
  [K in MethodKeys<T>]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

type Message<E> =
  | { rpc: 'call'; id: number; method: string; args: unknown[] }
  | { rpc: 'result'; id: number; ok: true; value: unknown }
  | { rpc: 'result'; id: number; ok: false; error: SerializedError }
  | { rpc: 'event'; event: E }
  | { rpc: 'ready' };

const transfers = new WeakMap<object, Transferable[]>();

/** Mark a result, or a call's argument, to be moved to the other side instead of copied (the sender loses it). */
export function transfer<T extends object>(value: T, transferables: Transferable[]): T {
  transfers.set(value, transferables);
  return value;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { name: 'Error', message: String(e) };
}

/** An error that came from the other side: its name and message as thrown there, both stacks. */
export function deserializeError(s: SerializedError, localStack?: string): Error {
  const e = new Error(s.message);
  e.name = s.name;
  e.stack = `${s.stack ?? `${s.name}: ${s.message}`}\n    --- called from ---\n${localStack ?? ''}`;
  return e;
}

/**
 * Serve `target`'s methods on `endpoint`. Returns `emit`, which sends an event to the caller,
 * and `ready`, which tells the caller the service is up (call it once everything is set up).
 */
export function expose<T extends object, E = never>(target: T, endpoint: Endpoint): { emit(event: E): void; ready(): void; stop(): void } {
  const listener = (event: MessageEvent): void => {
    const m = event.data as Message<E>;
    if (!m || m.rpc !== 'call') return;
    void serve(m.id, m.method, m.args);
  };
  const post = (m: Message<E>, transferList: Transferable[] = []): void => endpoint.postMessage(m, transferList);
  const serve = async (id: number, method: string, args: unknown[]): Promise<void> => {
    try {
      const fn = (target as Record<string, unknown>)[method];
      if (typeof fn !== 'function') throw new TypeError(`There is no method "${method}" to call.`);
      const value: unknown = await (fn as (...a: unknown[]) => unknown).apply(target, args);
      const moved = value !== null && typeof value === 'object' ? transfers.get(value) : undefined;
      post({ rpc: 'result', id, ok: true, value }, moved);
    } catch (e) {
      post({ rpc: 'result', id, ok: false, error: serializeError(e) });
    }
  };
  endpoint.addEventListener('message', listener);
  endpoint.start?.();
  return {
    emit: (event) => post({ rpc: 'event', event }),
    ready: () => post({ rpc: 'ready' }),
    stop: () => endpoint.removeEventListener('message', listener),
  };
}

/** The caller's end of a channel: the typed remote, its events, and a way to fail it. */
export interface Connection<T, E> {
  remote: Remote<T>;
  /** Listen to the served side's events; returns the way to stop listening. */
  onEvent(listener: (event: E) => void): () => void;
  /** Resolves when the served side says it is ready. */
  ready: Promise<void>;
  /** Calls sent and not answered yet. */
  readonly pending: number;
  /**
   * The other side is gone: reject every call in flight with `error`, and every later call too.
   * Idempotent; the first error wins.
   */
  fail(error: Error): void;
  readonly failed: Error | null;
}

export function connect<T extends object, E = never>(endpoint: Endpoint): Connection<T, E> {
  let next = 1;
  let failed: Error | null = null;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; stack: string | undefined }>();
  const listeners = new Set<(event: E) => void>();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const onMessage = (event: MessageEvent): void => {
    const m = event.data as Message<E>;
    if (!m || typeof m !== 'object') return;
    if (m.rpc === 'ready') markReady();
    else if (m.rpc === 'event') for (const l of listeners) l(m.event);
    else if (m.rpc === 'result') {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(deserializeError(m.error, p.stack));
    }
  };
  endpoint.addEventListener('message', onMessage);
  endpoint.start?.();

  const call = (method: string, args: unknown[]): Promise<unknown> => {
    if (failed) return Promise.reject(failed);
    return new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject, stack: new Error().stack });
      try {
        // Arguments marked with `transfer` (a MessagePort, a buffer) are moved to the other side.
        const moved = args.flatMap((a) => (a !== null && typeof a === 'object' ? (transfers.get(a) ?? []) : []));
        endpoint.postMessage({ rpc: 'call', id, method, args } satisfies Message<E>, moved);
      } catch (e) {
        // An argument that cannot be cloned (a function, a DOM node) is the caller's bug: say which call.
        pending.delete(id);
        reject(new TypeError(`${method}: ${(e as Error).message}`));
      }
    });
  };

  const remote = new Proxy({} as Remote<T>, {
    get(_target, key) {
      // Not a thenable: `await remote` must not call the other side.
      if (typeof key !== 'string' || key === 'then') return undefined;
      return (...args: unknown[]) => call(key, args);
    },
  });

  return {
    remote,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    get pending() {
      return pending.size;
    },
    fail(error) {
      if (failed) return;
      failed = error;
      endpoint.removeEventListener('message', onMessage);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    },
    get failed() {
      return failed;
    },
  };
}
