/// <reference lib="webworker" />
/**
 * The dataset worker: parsing, edits, views and exports run here so the page never freezes.
 * This file only wires messages to the engine API.
 */
import { createEngineApi, type EngineApi } from './api';
import type { Method, Request, Response } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (r: Response): void => scope.postMessage(r);

let lastProgress = 0;
const api: Promise<EngineApi> = createEngineApi((progress) => {
  // Progress at most every 50 ms: enough for a smooth bar, not a flood of messages.
  const now = performance.now();
  const finished = 'task' in progress ? progress.done >= progress.total : progress.bytesRead >= progress.totalBytes;
  if (now - lastProgress < 50 && !finished) return;
  lastProgress = now;
  post({ id: -1, progress });
});

// Calls are served one after another, in the order they were sent.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Long calls that pause between slices and only read the data: they run beside the queue, so rows
 * asked for while they count (scrolling) are served between two slices instead of after the whole.
 */
const BESIDE_THE_QUEUE: ReadonlySet<Method> = new Set<Method>(['tokens']);

const serve = async (id: number, method: Method, args: unknown[]): Promise<void> => {
  try {
    const target = await api;
    const fn = target[method] as (...a: unknown[]) => Promise<unknown>;
    post({ id, ok: true, result: await fn(...args) });
  } catch (e) {
    post({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};

scope.onmessage = (event: MessageEvent<Request>) => {
  const { id, method, args } = event.data;
  if (BESIDE_THE_QUEUE.has(method)) {
    // Still after the calls sent before it (the rows it counts are theirs), but not holding up later ones.
    void queue.then(() => serve(id, method, args));
    return;
  }
  queue = queue.then(() => serve(id, method, args));
};
