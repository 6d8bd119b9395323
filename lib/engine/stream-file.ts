import type { BatchBuffers } from '../export';
import { nextTask } from './next-task';

/**
 * Writing a file to a port, for the download service worker (public/download-sw.js). The writer
 * has {@link STREAM_WINDOW} buffers; it fills one with lines and moves it to the reader (no copy),
 * which copies the bytes into its stream and hands the buffer back ({type:'more', buffer}) once the
 * stream has room. So a slow disk holds the writer back instead of filling memory, the writer makes
 * the next batch while the browser saves the last, and the writer's heap (the whole dataset) sees no
 * new buffer per batch: at a million rows, garbage collection for new 8 MB buffers, or the copies
 * of a structured clone, cost the writer 0.2-0.4 s. Between two batches the worker answers the
 * page's calls (a batch is about 40 ms of work), so the grid stays alive while a large file is written.
 */
export const STREAM_WINDOW = 3;

/** The bytes of one batch: large enough that the messages cost nothing, small enough to keep the worker answering. */
export const STREAM_BATCH_BYTES = 8 << 20;

/** The one end of a MessageChannel the writer needs (a MessagePort, or a fake in tests). */
export interface StreamPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/**
 * How the writing ended: the whole file sent, the download cancelled by the user, or the reader
 * gone quiet (no buffer handed back in {@link STALL_MS}: the service worker stopped, the page closed).
 */
export type StreamEnd = { ok: true; bytes: number } | { ok: false; reason: 'cancelled' | 'stalled'; bytes: number };

/** How long the writer waits for the reader to hand a buffer back before it gives up. */
export const STALL_MS = 60_000;

/**
 * Writes the batches `write` makes (one part each, in a buffer it takes from those it is lent) to
 * `port`; ends with {type:'end'}, or {type:'error'} when making a batch throws (which is then thrown
 * here too). Stops early, without an error, when the reader says {type:'cancel'} (the user
 * cancelled the download).
 */
export async function streamToPort(write: (buffers: BatchBuffers) => Iterable<Uint8Array[]>, port: StreamPort, stallMs = STALL_MS): Promise<StreamEnd> {
  const free = Array.from({ length: STREAM_WINDOW }, () => new Uint8Array(STREAM_BATCH_BYTES));
  let cancelled = false;
  let wake: (() => void) | null = null;
  port.onmessage = (event) => {
    const m = event.data as { type?: string; buffer?: unknown } | null;
    if (m?.type === 'more') free.push(m.buffer instanceof ArrayBuffer ? new Uint8Array(m.buffer) : new Uint8Array(STREAM_BATCH_BYTES));
    else if (m?.type === 'cancel') cancelled = true;
    else return;
    wake?.();
  };
  /** True once a buffer is back (or the reader cancelled), false if the reader stayed quiet for `ms`. */
  const bufferWithin = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve(false);
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve(true);
      };
    });
  const buffers: BatchBuffers = {
    take(bytes) {
      const buffer = free.pop()!;
      if (buffer.length >= bytes) return buffer;
      // A line longer than a batch: a buffer of its own (the lent one stays free).
      free.push(buffer);
      return new Uint8Array(bytes);
    },
  };
  const batches = write(buffers)[Symbol.iterator]();
  let bytes = 0;
  try {
    for (;;) {
      // Each batch takes at most one buffer: make it only once one is free.
      if (free.length === 0 && !cancelled && !(await bufferWithin(stallMs))) return { ok: false, reason: 'stalled', bytes };
      if (cancelled) return { ok: false, reason: 'cancelled', bytes };
      const batch = batches.next();
      if (batch.done) break;
      for (const part of batch.value) {
        bytes += part.length;
        port.postMessage({ type: 'chunk', bytes: part }, [part.buffer]);
      }
      // Let the page's calls (and the reader's messages) in before the next batch is made.
      await nextTask();
    }
    port.postMessage({ type: 'end' });
    return { ok: true, bytes };
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    throw e;
  } finally {
    port.onmessage = null;
    port.close();
  }
}
