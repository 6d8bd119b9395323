import { describe, expect, it } from 'vitest';
import type { BatchBuffers } from '../export';
import { STREAM_BATCH_BYTES, STREAM_WINDOW, streamToPort } from './stream-file';

type Message = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' } | { type: 'error'; message: string };

/** Batches of `sizes` bytes, each filled with its index, in buffers taken from `buffers`; counts the batches made. */
function batchesOf(sizes: number[], made: { count: number }) {
  return function* (buffers: BatchBuffers): Generator<Uint8Array[]> {
    for (const [i, size] of sizes.entries()) {
      const out = buffers.take(size);
      out.fill(i, 0, size);
      made.count++;
      yield [out.subarray(0, size)];
    }
  };
}

/**
 * The reader's end, as the download service worker is: it keeps a copy of each chunk and, when
 * `handBack`, hands the buffer back; `messages` is everything the writer sent.
 */
function reader(port: MessagePort, handBack: boolean | ((chunks: number) => boolean)) {
  const messages: Message[] = [];
  const chunks: Uint8Array[] = [];
  let settle: () => void = () => {};
  const ended = new Promise<void>((resolve) => (settle = resolve));
  port.onmessage = (event: MessageEvent<Message>) => {
    const m = event.data;
    messages.push(m);
    if (m.type === 'chunk') {
      chunks.push(m.bytes.slice());
      if (typeof handBack === 'function' ? handBack(chunks.length) : handBack) port.postMessage({ type: 'more', buffer: m.bytes.buffer }, [m.bytes.buffer]);
    } else settle();
  };
  return { messages, chunks, ended };
}

describe('streamToPort (a file written to the download service worker)', () => {
  it('sends every batch in order, each buffer moved and handed back, then the end', async () => {
    const { port1, port2 } = new MessageChannel();
    const r = reader(port1, true);
    const made = { count: 0 };
    const sizes = [5, 1000, 3, 70_000, 1, 2, 9];
    const end = await streamToPort(batchesOf(sizes, made), port2);
    await r.ended;
    port1.close();
    expect(end).toEqual({ ok: true, bytes: sizes.reduce((a, b) => a + b, 0) });
    expect(r.chunks.map((c) => c.length)).toEqual(sizes);
    expect(r.chunks.map((c) => c.every((b) => b === r.chunks.indexOf(c)))).toEqual(sizes.map(() => true));
    expect(r.messages.at(-1)).toEqual({ type: 'end' });
  });

  it('makes no more batches than it has buffers while the reader has no room (a slow disk holds it back)', async () => {
    const { port1, port2 } = new MessageChannel();
    const r = reader(port1, false);
    const made = { count: 0 };
    const end = await streamToPort(batchesOf(Array<number>(10).fill(16), made), port2, 100);
    port1.close();
    expect(made.count).toBe(STREAM_WINDOW);
    expect(r.chunks).toHaveLength(STREAM_WINDOW);
    // Nothing came back for 100 ms: the reader is taken to be gone, and the writer stops.
    expect(end).toEqual({ ok: false, reason: 'stalled', bytes: STREAM_WINDOW * 16 });
  });

  it('stops, without an error, when the reader cancels (the user cancelled the download)', async () => {
    const { port1, port2 } = new MessageChannel();
    const made = { count: 0 };
    const r = reader(port1, (chunks) => {
      if (chunks === 4) port1.postMessage({ type: 'cancel' });
      return chunks < 4;
    });
    const end = await streamToPort(batchesOf(Array<number>(50).fill(8), made), port2);
    port1.close();
    expect(end).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(made.count).toBeLessThan(50);
    expect(r.messages.some((m) => m.type === 'end')).toBe(false);
  });

  it('tells the reader when a batch cannot be made, and throws', async () => {
    const { port1, port2 } = new MessageChannel();
    const r = reader(port1, true);
    function* failing(buffers: BatchBuffers): Generator<Uint8Array[]> {
      yield [buffers.take(4).subarray(0, 4)];
      throw new Error('the rows changed');
    }
    await expect(streamToPort(failing, port2)).rejects.toThrow('the rows changed');
    await r.ended;
    port1.close();
    expect(r.messages.at(-1)).toEqual({ type: 'error', message: 'the rows changed' });
  });

  it('gives a line longer than a batch a buffer of its own', async () => {
    const { port1, port2 } = new MessageChannel();
    const r = reader(port1, true);
    const sizes = [10, STREAM_BATCH_BYTES + 5, 10];
    const end = await streamToPort(batchesOf(sizes, { count: 0 }), port2);
    await r.ended;
    port1.close();
    expect(end.ok).toBe(true);
    expect(r.chunks.map((c) => c.length)).toEqual(sizes);
  });
});
