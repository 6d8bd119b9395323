import type { CsvProgress } from '../csv';
import { createEngineApi, type EngineApi } from './api';
import type { Method, Request, Response } from './protocol';
import type { TaskProgress } from './types';

export type Progress = (p: CsvProgress | TaskProgress) => void;

/**
 * The app's handle on the dataset: the engine API served by a module Web Worker. If the worker
 * cannot start (old browser, blocked by policy), the same API runs on the main thread instead.
 */
export function createEngineClient(onProgress: Progress): EngineApi {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'trainset-engine' });
  } catch {
    worker = null;
  }
  if (!worker) return fallback(onProgress);

  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<Response>) => {
    const r = event.data;
    if ('progress' in r) {
      onProgress(r.progress);
      return;
    }
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if (r.ok) p.resolve(r.result);
    else p.reject(new Error(r.error));
  };
  worker.onerror = (event) => {
    // A crash of the worker fails every call in flight with a message instead of hanging.
    for (const p of pending.values()) p.reject(new Error(event.message || 'The data worker stopped.'));
    pending.clear();
  };
  const call = (method: Method, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      const request: Request = { id, method, args };
      worker!.postMessage(request);
    });
  return new Proxy({} as EngineApi, {
    get:
      (_target, method: string) =>
      (...args: unknown[]) =>
        call(method as Method, args),
  });
}

function fallback(onProgress: Progress): EngineApi {
  const api = createEngineApi(onProgress);
  return new Proxy({} as EngineApi, {
    get:
      (_target, method: string) =>
      async (...args: unknown[]) => {
        const target = await api;
        return (target[method as Method] as (...a: unknown[]) => Promise<unknown>)(...args);
      },
  });
}
