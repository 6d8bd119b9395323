import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createEngineClient, SessionStore, type EngineClient } from '../engine';
import { openDatabase } from '../engine/testing';
import type { Manifest } from '../export';
import { createTrainsetStore, parseValidationShare, type StreamedDownload } from './index';

const SAMPLE = join(import.meta.dirname, '../../public/sample/customer-support-sample.csv');

/** A store on the real engine (in this thread: Node has no Worker or IndexedDB), with downloads collected. */
async function makeStore() {
  const saved: { name: string; blob: Blob }[] = [];
  const store = createTrainsetStore({
    // The engine on a MessageChannel in this thread (Node has no Worker), saving to a fresh fake IndexedDB.
    engine: createEngineClient({ worker: null, store: new SessionStore(openDatabase(new IDBFactory())) }),
    fetchSample: async () => new File([readFileSync(SAMPLE)], 'customer-support-sample.csv'),
    save: (blob, name) => saved.push({ name, blob }),
    zip: (files) => zipSync(files),
  });
  return { store, saved };
}

const settle = () => new Promise((r) => setTimeout(r, 250));

describe('the store on the real engine', () => {
  it('loads the sample, maps it at once and shows every row', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const s = store.getState();
    expect(s.phase).toBe('ready');
    expect(s.meta?.rowCount).toBe(500);
    expect(s.length).toBe(500);
    s.ensureRows(0, 10);
    await settle();
    expect(store.getState().rowAt(0)).toMatchObject({ number: 1 });
  });

  it('reads the pages of a window in one call and shows them in one render (a jump into the middle)', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    await settle();
    const versions: number[] = [];
    const stop = store.subscribe((s, prev) => s.rowsVersion !== prev.rowsVersion && versions.push(s.rowsVersion));
    store.getState().ensureRows(150, 450);
    await settle();
    stop();
    expect(versions).toHaveLength(1);
    expect(store.getState().rowAt(150)).toMatchObject({ number: 151 });
    expect(store.getState().rowAt(449)).toMatchObject({ number: 450 });
    expect(store.getState().rowAt(499)).toMatchObject({ number: 500 });
  });

  it('counts the tokens of a small file only once the split and the checks are in (a download waits for those, not for the tokenizer)', async () => {
    const calls: string[] = [];
    const engine = createEngineClient({ worker: null, store: new SessionStore(openDatabase(new IDBFactory())) });
    const api = new Proxy(engine.api, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function' || !['checks', 'splitPreview', 'countTokens'].includes(String(key))) return value;
        return (...args: unknown[]) => {
          calls.push(`${String(key)} asked${key === 'countTokens' && args[1] === true ? ' by the user' : ''}`);
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).then((r) => (calls.push(`${String(key)} answered`), r));
        };
      },
    });
    // The store reaches the engine through its client's `api`: watch that.
    const watched = new Proxy(engine, { get: (target, key, receiver) => (key === 'api' ? api : Reflect.get(target, key, receiver)) });
    const store = createTrainsetStore({
      engine: watched,
      fetchSample: async () => new File([readFileSync(SAMPLE)], 'customer-support-sample.csv'),
      save: () => {},
      zip: (files) => zipSync(files),
    });
    await store.getState().loadSample();
    await vi.waitFor(() => expect(store.getState().tokenReport).not.toBeNull(), { timeout: 10_000 });
    const counted = calls.indexOf('countTokens asked');
    expect(counted).toBeGreaterThan(calls.indexOf('checks answered'));
    expect(counted).toBeGreaterThan(calls.indexOf('splitPreview answered'));
    // The button asks for a count the user waits for: the engine's background runs give way to it.
    await store.getState().countTokens();
    expect(calls).toContain('countTokens asked by the user');
  });

  it('keeps the previous dataset when a file cannot be read, and says why', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    await store.getState().upload(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'scan.pdf'));
    const s = store.getState();
    expect(s.phase).toBe('ready');
    expect(s.meta?.fileName).toBe('customer-support-sample.csv');
    expect(s.loadError?.problem.message).toMatch(/PDF/);
  });

  it('asks which sheet of a workbook to read, keeping the previous dataset meanwhile, then reads the one chosen', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const book = new File([readFileSync(join(import.meta.dirname, '../../test-data/xlsx/two-sheets.xlsx'))], 'two-sheets.xlsx');
    await store.getState().upload(book);
    expect(store.getState()).toMatchObject({ phase: 'ready', sheetChoice: { fileName: 'two-sheets.xlsx', sheets: ['Notes', 'Inquiries'] }, loadError: null });
    expect(store.getState().meta?.fileName).toBe('customer-support-sample.csv');
    store.getState().cancelSheetChoice();
    expect(store.getState().sheetChoice).toBeNull();
    await store.getState().upload(book);
    await store.getState().chooseSheet('Inquiries');
    const s = store.getState();
    expect([s.phase, s.sheetChoice, s.meta?.fileName, s.meta?.rowCount, s.meta?.info.workbook?.sheet]).toEqual([
      'ready',
      null,
      'two-sheets.xlsx',
      20,
      'Inquiries',
    ]);
  });

  it('says what a sort or filter does until its rows are shown, and the latest of two asked at once', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const said: (string | null)[] = [];
    const stop = store.subscribe((s, prev) => s.viewPending !== prev.viewPending && said.push(s.viewPending?.what ?? null));
    const sorting = store.getState().setSort({ col: 0, desc: false });
    expect(store.getState().viewPending).toEqual({ what: 'sorting by inquiry' });
    await sorting;
    expect(store.getState().viewPending).toBeNull();
    // A filter asked while the sort is under way: only the filter's end clears what is said.
    const sorted = store.getState().setSort({ col: 1, desc: true });
    const filtered = store.getState().setFilter(1, ['REFUND']);
    expect(store.getState().viewPending).toEqual({ what: 'filtering by category' });
    await sorted;
    expect(store.getState().viewPending).toEqual({ what: 'filtering by category' });
    await filtered;
    stop();
    expect(store.getState().viewPending).toBeNull();
    expect(said).toEqual(['sorting by inquiry', null, 'sorting by category', 'filtering by category', null]);
  });

  it('filters, edits optimistically, and undoes', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    await store.getState().setFilter(1, ['REFUND']);
    const n = store.getState().length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(500);
    store.getState().ensureRows(0, 5);
    await settle();
    const row = store.getState().rowAt(0)!;
    const pending = store.getState().edit({ kind: 'set', id: row.id, col: 0, value: 'fixed typo' });
    await pending;
    expect(store.getState().status).toMatchObject({ editedCells: 1, canUndo: true });
    await store.getState().undo();
    expect(store.getState().status).toMatchObject({ editedCells: 0, canRedo: true });
  });

  it('downloads the notebook bytes, and a zip with both files', async () => {
    const { store, saved } = await makeStore();
    await store.getState().loadSample();
    await store.getState().download('train');
    await store.getState().download('zip');
    expect(saved.map((f) => f.name)).toEqual(['train.jsonl', 'customer-support-sample-jsonl.zip']);
    const zip = unzipSync(new Uint8Array(await saved[1]!.blob.arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(['manifest.json', 'train.jsonl', 'validation.jsonl']);
    expect(Buffer.from(zip['train.jsonl']!).equals(Buffer.from(await saved[0]!.blob.arrayBuffer()))).toBe(true);
    // manifest.json hashes the files beside it, and the file that was loaded.
    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as Manifest;
    const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
    for (const name of ['train.jsonl', 'validation.jsonl'] as const) {
      expect(manifest.files[name]).toMatchObject({ bytes: zip[name]!.length, sha256: sha256(zip[name]!) });
    }
    expect(manifest.input).toMatchObject({ name: 'customer-support-sample.csv', sha256: sha256(readFileSync(SAMPLE)), rows: 500 });
    expect(store.getState().lastDownload?.note).toMatch(/400 train and 100 validation examples/);
  });

  it('lists why the export cannot be made instead of downloading', async () => {
    const { store, saved } = await makeStore();
    await store.getState().loadSample();
    store.getState().setTestSizeText('3');
    await store.getState().refreshDerived();
    const split = store.getState().split;
    expect(split?.ok).toBe(false);
    await store.getState().download('train');
    expect(saved).toEqual([]);
    expect(store.getState().exportProblems?.problems[0]?.message).toMatch(/validation file would get 3 rows but there are 11 category values/);
  });
});

/**
 * The browser's side of a streamed download, as the download service worker does it (copies each
 * chunk, hands the buffer back).
 */
function fakeDownloads(options: { refuse?: boolean } = {}) {
  const files: { name: string; started: boolean; aborted: string | null; bytes: Promise<Buffer> }[] = [];
  const openStream = async (name: string): Promise<StreamedDownload | null> => {
    if (options.refuse) return null;
    const { port1, port2 } = new MessageChannel();
    const parts: Uint8Array[] = [];
    let done: (b: Buffer) => void = () => {};
    let failed: (e: Error) => void = () => {};
    const bytes = new Promise<Buffer>((resolve, reject) => ((done = resolve), (failed = reject)));
    port1.onmessage = (event: MessageEvent<{ type: string; bytes?: Uint8Array; message?: string }>) => {
      const m = event.data;
      if (m.type === 'chunk' && m.bytes) {
        parts.push(m.bytes.slice());
        port1.postMessage({ type: 'more', buffer: m.bytes.buffer }, [m.bytes.buffer]);
      } else if (m.type === 'end') done(Buffer.concat(parts));
      else if (m.type === 'error') failed(new Error(m.message));
    };
    const file = { name, started: false, aborted: null as string | null, bytes };
    files.push(file);
    return { port: port2, start: () => void (file.started = true), onProgress: () => {}, abort: (message) => void (file.aborted = message) };
  };
  return { files, openStream };
}

describe('streamed downloads (the browser saves the file as the worker writes it)', () => {
  async function storeWith(downloads: ReturnType<typeof fakeDownloads>, api?: (engine: EngineClient) => EngineClient) {
    const saved: { name: string; blob: Blob }[] = [];
    const engine = createEngineClient({ worker: null, store: new SessionStore(openDatabase(new IDBFactory())) });
    const store = createTrainsetStore({
      engine: api ? api(engine) : engine,
      fetchSample: async () => new File([readFileSync(SAMPLE)], 'customer-support-sample.csv'),
      save: (blob, name) => saved.push({ name, blob }),
      openStream: downloads.openStream,
      zip: (files) => zipSync(files),
    });
    await store.getState().loadSample();
    return { store, saved };
  }

  it('streams train.jsonl and validation.jsonl with the bytes of the Blob download, and says what they hold', async () => {
    const downloads = fakeDownloads();
    const { store, saved } = await storeWith(downloads);
    await store.getState().download('train');
    await store.getState().download('validation');
    expect(saved).toEqual([]);
    expect(downloads.files.map((f) => [f.name, f.started, f.aborted])).toEqual([
      ['train.jsonl', true, null],
      ['validation.jsonl', true, null],
    ]);
    const blobs = await makeStore();
    await blobs.store.getState().loadSample();
    await blobs.store.getState().download('train');
    await blobs.store.getState().download('validation');
    for (const [i, f] of downloads.files.entries()) expect((await f.bytes).equals(Buffer.from(await blobs.saved[i]!.blob.arrayBuffer()))).toBe(true);
    expect(store.getState().lastDownload).toEqual({ kind: 'validation', note: '400 train and 100 validation examples.' });
    expect(store.getState()).toMatchObject({ busy: null, savingBytes: null });
  });

  it('makes a Blob when no stream can be opened (no service worker)', async () => {
    const { store, saved } = await storeWith(fakeDownloads({ refuse: true }));
    await store.getState().download('train');
    expect(saved.map((f) => f.name)).toEqual(['train.jsonl']);
  });

  /** The engine with `streamFile` answering `answer` (the writer's end seen from the page). */
  const writerSays =
    (answer: () => Promise<unknown>) =>
    (engine: EngineClient): EngineClient => {
      const api = new Proxy(engine.api, {
        get: (target, key, receiver) => (key === 'streamFile' ? answer : (Reflect.get(target, key, receiver) as unknown)),
      });
      return new Proxy(engine, { get: (target, key, receiver) => (key === 'api' ? api : Reflect.get(target, key, receiver)) });
    };

  it('says so when the user cancelled the download in the browser (the writer stopped early)', async () => {
    const { store } = await storeWith(
      fakeDownloads(),
      writerSays(() => Promise.resolve({ ok: false, reason: 'cancelled', bytes: 8 << 20 })),
    );
    await store.getState().download('train');
    expect(store.getState().lastDownload).toMatchObject({ kind: 'train', cancelled: true });
    expect(store.getState().busy).toBeNull();
  });

  it('ends the download as failed when the browser stopped taking the file', async () => {
    const downloads = fakeDownloads();
    const { store } = await storeWith(
      downloads,
      writerSays(() => Promise.resolve({ ok: false, reason: 'stalled', bytes: 8 << 20 })),
    );
    await expect(store.getState().download('train')).rejects.toThrow(/the browser stopped taking it for a minute/);
    expect(downloads.files[0]!.aborted).toMatch(/stopped taking it/);
  });

  it('ends the download as failed, and says the rows are unchanged, when the writer fails', async () => {
    const downloads = fakeDownloads();
    const failing = writerSays(() => Promise.reject(new Error('The data worker stopped.')));
    const { store } = await storeWith(downloads, failing);
    const before = store.getState().status;
    await expect(store.getState().download('train')).rejects.toThrow(
      /^train\.jsonl was cut off \(The data worker stopped\)\. The browser marks that download as failed; your rows are unchanged/,
    );
    expect(downloads.files[0]!.aborted).toBe('The data worker stopped.');
    expect(store.getState()).toMatchObject({ busy: null, status: before });
  });

  it('shows the problems instead of starting a download when the files cannot be made', async () => {
    const downloads = fakeDownloads();
    const { store } = await storeWith(downloads);
    store.getState().setTestSizeText('3');
    await store.getState().refreshDerived();
    await store.getState().download('train');
    expect(downloads.files).toEqual([]);
    expect(store.getState().exportProblems?.problems[0]?.message).toMatch(/validation file would get 3 rows/);
  });
});

describe("a JSONL training file's system prompt", () => {
  const jsonlFile = (system: string): File =>
    new File(
      [
        ['Hi', 'Bye']
          .map((user) =>
            JSON.stringify({
              messages: [
                { role: 'system', content: system },
                { role: 'user', content: user },
                { role: 'assistant', content: `${user}!` },
              ],
            }),
          )
          .join('\n'),
      ],
      'chat.jsonl',
    );

  it('replaces the default prompt, so the file is exported again with its own', async () => {
    const { store } = await makeStore();
    await store.getState().upload(jsonlFile('Be brief.'));
    expect(store.getState().choices.systemPrompt).toBe('Be brief.');
  });

  it('leaves a prompt the user wrote, even when another file brought it', async () => {
    const { store } = await makeStore();
    store.getState().setChoices({ systemPrompt: 'My own prompt.' });
    await store.getState().upload(jsonlFile('Be brief.'));
    expect(store.getState().choices.systemPrompt).toBe('My own prompt.');
    await store.getState().upload(jsonlFile('Be briefer.'));
    expect(store.getState().choices.systemPrompt).toBe('My own prompt.');
  });
});

describe('parseValidationShare', () => {
  it.each([
    ['20%', { kind: 'float', value: 0.2 }],
    ['33%', { kind: 'float', value: 0.33 }],
    ['0.2', { kind: 'float', value: 0.2 }],
    ['40', { kind: 'int', value: 40 }],
    [' 15 ', { kind: 'int', value: 15 }],
  ])('%j → %j', (text, value) => {
    expect(parseValidationShare(text)).toEqual({ ok: true, value });
  });

  it.each(['', 'abc', '0', '100%', '1.5', '40.0', '-3'])('%j is refused with a hint', (text) => {
    const r = parseValidationShare(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.length).toBeGreaterThan(10);
  });
});

describe('quality checks in the store', () => {
  it('reports the checks after load and applies a fix as one undoable step', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    await store.getState().refreshDerived();
    const checks = store.getState().checks;
    const whitespace = checks?.checks.find((c) => c.id === 'whitespace');
    expect(whitespace?.count).toBeGreaterThan(0);
    const fix = whitespace!.fixes![0]!;
    await store.getState().applyFix(fix);
    await store.getState().refreshDerived();
    expect(store.getState().checks?.checks.find((c) => c.id === 'whitespace')).toBeUndefined();
    expect(store.getState().status.canUndo).toBe(true);
    await store.getState().undo();
    await store.getState().refreshDerived();
    expect(store.getState().checks?.checks.find((c) => c.id === 'whitespace')?.count).toBe(whitespace!.count);
  });
});

describe('quality checks on large files', () => {
  it('run on demand above the automatic size, so edits do not wait for them', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    store.setState({ status: { ...store.getState().status, rows: 200_001 } });
    await store.getState().refreshDerived();
    expect(store.getState()).toMatchObject({ checks: null, checksOnDemand: true });
    await store.getState().runChecks();
    expect(store.getState().checks?.rows).toBe(500);
  });
});

describe('messages and settings that belong to one file or session', () => {
  it('a new file takes away the message about the previous download', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    await store.getState().download('csv');
    expect(store.getState().lastDownload?.kind).toBe('csv');
    await store.getState().loadSample();
    expect(store.getState().lastDownload).toBeNull();
  });

  it('Start over takes away the download message and a test-size error, and every setting goes back to its default', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    await store.getState().download('train');
    store.getState().setTestSizeText('1.5');
    expect(store.getState().testSizeError).toMatch(/between 0 and 1/);
    store.getState().setChoices({ seed: 7 });
    await store.getState().startOver();
    const s = store.getState();
    expect(s).toMatchObject({ phase: 'empty', meta: null, lastDownload: null, testSizeError: null, testSizeText: '20%', split: null, checks: null, length: 0 });
    expect(s.choices.seed).toBe(42);
  });

  it('refuses to download while an error-level check fires, even when asked directly', async () => {
    const { store, saved } = await makeStore();
    await store
      .getState()
      .upload(
        new File(['inquiry,category,sub_category\n' + Array.from({ length: 6 }, (_, i) => `text ${i},${i % 2 ? 'a' : 'b'},x`).join('\n') + '\n'], 'few.csv'),
      );
    await store.getState().refreshDerived();
    expect(store.getState().checks?.checks.some((c) => c.severity === 'error')).toBe(true);
    await store.getState().download('train');
    expect(saved).toEqual([]);
  });

  it('a change made elsewhere reaches the screen through the change event: status, rows and results', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    store.getState().ensureRows(0, 5);
    await settle();
    const first = store.getState().rowAt(0)!;
    await store.getState().edit({ kind: 'delete', ids: [first.id] });
    expect(store.getState().status.rows).toBe(499);
    expect(store.getState().length).toBe(499);
    await settle();
    expect(store.getState().rowAt(0)?.id).not.toBe(first.id);
    await settle();
    expect(store.getState().distribution?.counts[0]?.values.reduce((n, v) => n + v.count, 0)).toBe(499);
  });
});

describe('the review on the real engine', () => {
  it('walks the rows in file order: keep, flag and relabel each move on; undo goes back to the example; the counts follow', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const get = store.getState;
    await get().openReview({ order: 'file' });
    expect(get().review).toMatchObject({ order: 'file', index: 0 });
    expect(get().reviewRow).toMatchObject({ number: 1, review: 'unreviewed' });

    await get().reviewAct({ kind: 'keep' });
    await get().reviewAct({ kind: 'flag' });
    const third = get().reviewRow!;
    await get().reviewAct({ kind: 'label', label: { category: 'SHIPPING', sub_category: 'delivery_period' } });
    expect(get().review!.index).toBe(3);
    expect(get().status.review).toMatchObject({ reviewed: 2, flagged: 1 });
    expect(get().status.undoLabel).toBe('Relabel row 3 as SHIPPING › delivery_period');

    await get().reviewUndo();
    expect(get().review!.index).toBe(2);
    expect(get().reviewRow).toMatchObject({ id: third.id, cells: third.cells, review: 'unreviewed' });
    expect(get().status.review).toMatchObject({ reviewed: 1, flagged: 1 });

    await get().reviewGo(-1);
    expect(get().reviewRow).toMatchObject({ number: 2, review: 'flagged' });
    get().closeReview();
    expect(get().review).toBeNull();
  });

  it('a text edited in the review stays on its example, and Ctrl+Z of it comes back to that example', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const get = store.getState;
    await get().openReview({ order: 'file' });
    await get().reviewAct({ kind: 'keep' });
    await get().reviewAct({ kind: 'text', text: 'a fixed text' });
    expect(get().review!.index).toBe(1);
    expect(get().reviewRow!.cells[0]).toBe('a fixed text');
    await get().reviewGo(1);
    await get().reviewUndo();
    expect(get().review!.index).toBe(1);
    expect(get().reviewRow!.cells[0]).not.toBe('a fixed text');
    expect(get().status.review.reviewed).toBe(1);
  });

  it('keys pressed faster than the engine answers act on successive examples, never twice on one', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const get = store.getState;
    await get().openReview({ order: 'file' });
    // Enter, F, Enter in quick succession, as a fast reviewer types them.
    await Promise.all([get().reviewAct({ kind: 'keep' }), get().reviewAct({ kind: 'flag' }), get().reviewAct({ kind: 'keep' })]);
    expect(get().status.review).toMatchObject({ reviewed: 2, flagged: 1 });
    expect(get().review!.index).toBe(3);
  });

  it('findings that come while the reviewer acts or closes the review neither reopen it nor move them back', async () => {
    // Seen in CI: "Most suspicious first" opened, the reviewer chose File order and flagged a row; the
    // suspect search then ended, its re-ordering (queued behind the flag) took them back to example 1,
    // and an Escape meanwhile was undone by the review opening again.
    const { store } = await makeStore();
    await store.getState().loadSample();
    const get = store.getState;
    await get().openReview({ order: 'suspicious' });
    const choose = get().setReviewOrder('file');
    const flag = get().reviewAct({ kind: 'flag' });
    const reorder = get().reorderUntouched('suspicious');
    await Promise.all([choose, flag, reorder]);
    expect(get().review).toMatchObject({ order: 'file', index: 1 });
    expect(get().lastReviewOrder).toBe('file');

    const again = get().reviewAct({ kind: 'keep' });
    const late = get().setReviewOrder('label');
    get().closeReview();
    await Promise.all([again, late]);
    expect(get().review).toBeNull();

    // A key pressed while a new order is still loading acts on that order's first example, once it is shown.
    await get().openReview({ order: 'suspicious' });
    const reorder2 = get().setReviewOrder('file');
    await Promise.all([reorder2, get().reviewAct({ kind: 'flag' })]);
    expect(get().review).toMatchObject({ order: 'file', index: 1 });
    get().closeReview();

    // Untouched and still in that order: the findings do re-order it.
    await get().openReview({ order: 'suspects' });
    await get().reorderUntouched('suspects');
    expect(get().review).toMatchObject({ order: 'suspects', index: 0 });
  });

  it('a finding’s rows only, and the grid filtered by review status', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const get = store.getState;
    await get().openReview({ order: 'file', ids: [7, 3] });
    expect(Array.from(get().review!.ids)).toEqual([3, 7]);
    await get().reviewAct({ kind: 'flag' });
    get().closeReview();
    await get().setReviewFilter(['flagged']);
    expect(get().length).toBe(1);
  });
});

describe('"Not a typo"', () => {
  it('adds the word to the session’s ignore list, changes no row, and is not an undo step', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    await store.getState().applyFix({ kind: 'ignore-word', word: 'Lansford', rows: [3], rowIds: [2] });
    await store.getState().applyFix({ kind: 'ignore-word', word: 'Lansford', rows: [3], rowIds: [2] });
    expect(store.getState().choices.ignoreWords).toEqual(['Lansford']);
    expect(store.getState().status.canUndo).toBe(false);
  });
});

describe('several files opened as one dataset', () => {
  const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
  const rows = (label: string, n: number) => Array.from({ length: n }, (_, i) => `${label} question ${i}`).join('\n');

  it('reads them in order with each row’s file; the cleaned CSV leaves the source column out unless asked', async () => {
    const { store, saved } = await makeStore();
    await store.getState().uploadFiles([csv('refund.csv', `inquiry\n${rows('refund', 6)}\n`), csv('shipping.csv', `inquiry\n${rows('shipping', 4)}\n`)]);
    const s = store.getState();
    expect(s.meta).toMatchObject({ fileName: 'refund.csv and 1 more file', header: ['inquiry', 'source'], rowCount: 10 });
    // The label is only in the file names: the guess takes the source column.
    expect(s.meta?.guess).toEqual({ text: 'inquiry', labels: ['source'] });
    await s.download('csv');
    expect(await saved.at(-1)!.blob.text()).toBe(`inquiry\n${rows('refund', 6)}\n${rows('shipping', 4)}\n`);
    store.getState().setCsvSourceColumn(true);
    await store.getState().download('csv');
    expect((await saved.at(-1)!.blob.text()).split('\n').slice(0, 2)).toEqual(['inquiry,source', 'refund question 0,refund']);
    await store.getState().download('project');
    expect(saved.map((f) => f.name).slice(-2)).toEqual(['refund-and-1-more-cleaned.csv', 'refund-and-1-more.trainset']);
  });

  it('files whose columns differ: the previous dataset stays until the user chooses how to combine them', async () => {
    const { store } = await makeStore();
    await store.getState().loadSample();
    const files = [csv('a.csv', 'inquiry,category\nhi,A\n'), csv('b.csv', 'inquiry,topic\nyo,B\n')];
    await store.getState().uploadFiles(files);
    expect(store.getState()).toMatchObject({
      phase: 'ready',
      meta: { fileName: 'customer-support-sample.csv' },
      columnsChoice: { fileName: 'a.csv and 1 more file', first: 'a.csv', files: 2, differences: [{ file: 'b.csv', missing: ['category'], extra: ['topic'] }] },
    });
    store.getState().cancelCombine();
    expect(store.getState().columnsChoice).toBeNull();
    await store.getState().uploadFiles(files);
    await store.getState().chooseCombine('shared');
    expect(store.getState()).toMatchObject({ columnsChoice: null, meta: { fileName: 'a.csv and 1 more file', header: ['inquiry', 'source'], rowCount: 2 } });
  });
});
