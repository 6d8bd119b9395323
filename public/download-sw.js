// @ts-check
/// <reference lib="webworker" />
//
// Trainset's download service worker. It does one thing: it hands a file that the page's data
// worker is writing to the browser's downloads as a stream, so a 400 MB train.jsonl is saved while
// it is being made, not made first as a Blob and then copied to disk (see
// lib/web/stream-download.ts, the page's side, and lib/engine/stream-export.ts, the writer's).
//
// It answers only the URLs the page announced a moment before (…/__trainset-download/<id>/<name>),
// once each; every other request goes to the network exactly as without it. It caches nothing and
// sends nothing anywhere: the bytes come from this browser's own data worker over a MessageChannel.
//
// The protocol, on two ports the page sends with the announcement:
// - `data` (to the data worker): chunks come in as {type:'chunk', bytes}, their buffer moved, then
//   {type:'end'} or {type:'error', message}; this side copies each chunk into the stream and hands
//   the buffer back ({type:'more', buffer}) once the stream has room for another, and sends
//   {type:'cancel'} when the download was cancelled.
// - `control` (to the page): {type:'ready'} once the URL is answerable, then {type:'progress', bytes}
//   as chunks come; the page may send {type:'abort', message} (the writer died: the download fails).

/** @type {ServiceWorkerGlobalScope} */
// @ts-expect-error: `self` is a ServiceWorkerGlobalScope here.
const sw = self;

const PATH = '/__trainset-download/';

/** Bytes queued in the stream before the writer is asked for more. */
const QUEUED_BYTES = 24 * 2 ** 20;

/**
 * Files announced and not yet fetched (or being fetched), by id.
 * @type {Map<string, { name: string; stream: ReadableStream<ArrayBufferView>; fetched: boolean; timer: ReturnType<typeof setTimeout> }>}
 */
const announced = new Map();

/** An announced URL nobody fetches (the page went away) is forgotten after this long. */
const FORGET_MS = 60_000;

sw.addEventListener('install', () => {
  void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
  // Take the open pages at once: the first visit can stream its downloads too.
  event.waitUntil(sw.clients.claim());
});

sw.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || m.type !== 'trainset-download' || typeof m.id !== 'string' || typeof m.name !== 'string') return;
  const [data, control] = event.ports;
  if (!data || !control) return;
  /** @type {() => void} */
  let ended = () => {};
  // Keep this service worker running until the file is written, cancelled or forgotten.
  event.waitUntil(new Promise((resolve) => (ended = () => resolve(undefined))));
  announced.set(m.id, {
    name: m.name,
    stream: fileStream(data, control, () => ended()),
    fetched: false,
    timer: setTimeout(() => forget(m.id, data, () => ended()), FORGET_MS),
  });
  control.postMessage({ type: 'ready' });
});

/**
 * @param {string} id
 * @param {MessagePort} data
 * @param {() => void} ended
 */
function forget(id, data, ended) {
  const entry = announced.get(id);
  if (!entry || entry.fetched) return;
  announced.delete(id);
  data.postMessage({ type: 'cancel' });
  data.close();
  ended();
}

/**
 * The file as a stream fed by the data port, with back-pressure: the writer is asked for a chunk
 * only while fewer than QUEUED_BYTES wait to be saved.
 * @param {MessagePort} data
 * @param {MessagePort} control
 * @param {() => void} ended called once the file is written, failed or cancelled
 * @returns {ReadableStream<ArrayBufferView>}
 */
function fileStream(data, control, ended) {
  /** @type {ReadableStreamDefaultController<ArrayBufferView>} */
  let controller;
  /** The writer's buffers, to hand back once the stream has room. @type {ArrayBuffer[]} */
  const owed = [];
  let sent = 0;
  let finished = false;
  const ask = () => {
    while (!finished && owed.length > 0 && (controller.desiredSize ?? 0) > 0) {
      const buffer = /** @type {ArrayBuffer} */ (owed.pop());
      data.postMessage({ type: 'more', buffer }, [buffer]);
    }
  };
  /** @param {Error | null} error */
  const finish = (error) => {
    if (finished) return;
    finished = true;
    if (error) controller.error(error);
    else controller.close();
    data.close();
    control.close();
    ended();
  };
  data.onmessage = (event) => {
    const m = event.data;
    if (finished || !m) return;
    if (m.type === 'chunk') {
      // A copy goes into the stream, and the writer's buffer back to it (see lib/engine/stream-file.ts).
      controller.enqueue(m.bytes.slice());
      sent += m.bytes.byteLength;
      control.postMessage({ type: 'progress', bytes: sent });
      owed.push(m.bytes.buffer);
      ask();
    } else if (m.type === 'end') finish(null);
    else if (m.type === 'error') finish(new Error(String(m.message)));
  };
  control.onmessage = (event) => {
    const m = event.data;
    if (m && m.type === 'abort') {
      data.postMessage({ type: 'cancel' });
      finish(new Error(String(m.message)));
    }
  };
  return new ReadableStream(
    {
      start(c) {
        controller = c;
      },
      pull() {
        ask();
      },
      cancel() {
        // The user cancelled the download (or the browser gave up on it): stop the writer.
        if (finished) return;
        finished = true;
        data.postMessage({ type: 'cancel' });
        data.close();
        control.close();
        ended();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
  );
}

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== sw.location.origin) return;
  const at = url.pathname.indexOf(PATH);
  if (at < 0) return;
  const id = url.pathname.slice(at + PATH.length).split('/')[0] ?? '';
  const entry = announced.get(id);
  if (!entry || entry.fetched) {
    // A download opened again from the browser's list, after the page made it: it is not kept.
    event.respondWith(new Response('This download is no longer available: download the file again from Trainset.', { status: 410, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
    return;
  }
  entry.fetched = true;
  clearTimeout(entry.timer);
  announced.delete(id);
  event.respondWith(
    new Response(entry.stream, {
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
        'X-Content-Type-Options': 'nosniff',
      },
    }),
  );
});
