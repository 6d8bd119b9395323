import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { expose } from '../rpc';
import { EngineService, type ServiceEvent } from './api';
import { createEngineClient, EngineStoppedError, type ClientEvent, type WorkerLike } from './client';
import { SessionStore } from './persist';
import { DEFAULT_CHOICES } from './engine';
import { writeProject } from '../project';
import { serveEngine } from './serve';
import { openDatabase } from './testing';

const SAMPLE = join(import.meta.dirname, '../../public/sample/customer-support-sample.csv');
const sample = (): File => new File([readFileSync(SAMPLE)], 'customer-support-sample.csv');

/**
 * A worker made of a MessageChannel in this thread, serving the real engine, that can be made to
 * stop answering (as a worker that called self.close() does) and whose death can then be announced
 * (as the released Web Lock does in a browser).
 */
class FakeWorkers {
  started = 0;
  failToStart = false;
  private deaths = new Map<string, () => void>();
  private live: { name: string; stop(): void }[] = [];

  create = (name: string): WorkerLike => {
    this.started++;
    if (this.failToStart) throw new Error('the worker file is gone');
    const { port1, port2 } = new MessageChannel();
    let emit: (e: ServiceEvent) => void = () => {};
    const served = expose<EngineService, ServiceEvent>(serveEngine(new EngineService((e) => emit(e))), port1);
    emit = served.emit;
    served.ready();
    this.live.push({ name, stop: () => (served.stop(), port1.close()) });
    return {
      postMessage: (m: unknown) => port2.postMessage(m),
      addEventListener: ((type: string, l: (e: MessageEvent) => void) =>
        type === 'message' && port2.addEventListener('message', l)) as Worker['addEventListener'],
      removeEventListener: ((type: string, l: (e: MessageEvent) => void) =>
        type === 'message' && port2.removeEventListener('message', l)) as Worker['removeEventListener'],
      terminate: () => port2.close(),
    };
  };

  watch = (name: string, died: () => void): void => {
    this.deaths.set(name, died);
  };

  /** The newest worker stops answering; `announce` then tells the client, as the lock would. */
  kill(): { announce(): void } {
    const w = this.live.pop()!;
    w.stop();
    return { announce: () => this.deaths.get(w.name)!() };
  }
}

function makeClient(workers: FakeWorkers) {
  const events: ClientEvent[] = [];
  const client = createEngineClient({ worker: workers.create, watch: workers.watch, store: new SessionStore(openDatabase(new IDBFactory())) });
  client.on((e) => events.push(e));
  return { client, events, api: client.api };
}

const texts = async (blob: Blob): Promise<string[]> =>
  (await blob.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages[1]!.content);

describe('the engine client', () => {
  it('is not a thenable', async () => {
    const { client } = makeClient(new FakeWorkers());
    expect((client.api as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(client.api)).toBe(client.api);
  });

  it('rebuilds the session in a new worker when the worker dies, sending reads again and failing changes in flight', async () => {
    const workers = new FakeWorkers();
    const { api, events } = makeClient(workers);
    const loaded = await api.loadFile(sample(), 'customer-support-sample.csv', {});
    expect(loaded.ok).toBe(true);
    await api.edit({ kind: 'set', id: 0, col: 0, value: 'BEFORE' });

    const dead = workers.kill();
    // Sent to the dead worker: never answered until the client hears it died.
    const read = api.distribution();
    const change = api.edit({ kind: 'set', id: 1, col: 0, value: 'LOST' });
    dead.announce();

    await expect(change).rejects.toBeInstanceOf(EngineStoppedError);
    const distribution = await read;
    expect(distribution?.counts[0]?.values.reduce((n, v) => n + v.count, 0)).toBe(500);
    expect(workers.started).toBe(2);
    await expect.poll(() => events.some((e) => e.type === 'restarted')).toBe(true);

    await api.edit({ kind: 'set', id: 2, col: 0, value: 'AFTER' });
    const files = await api.exportFiles((await import('./engine')).DEFAULT_CHOICES);
    if (!files.ok) throw new Error('export failed');
    const all = [...(await texts(files.train)), ...(await texts(files.validation))];
    expect(all).toContain('BEFORE');
    expect(all).toContain('AFTER');
    expect(all).not.toContain('LOST');
  });

  it('serves the engine in the page when no worker can start, then and after a death', async () => {
    const workers = new FakeWorkers();
    workers.failToStart = true;
    const { api } = makeClient(workers);
    expect((await api.loadFile(sample(), 's.csv', {})).ok).toBe(true);
    expect((await api.edit({ kind: 'delete', ids: [0] })).status.rows).toBe(499);
  });

  it('answers a change with ReadOnlyError in a read-only tab, and saves nothing', async () => {
    const { client, api } = makeClient(new FakeWorkers());
    await api.loadFile(sample(), 's.csv', {});
    await client.setReadOnly(true);
    await expect(api.edit({ kind: 'delete', ids: [0] })).rejects.toMatchObject({ name: 'ReadOnlyError' });
    await expect(api.undo()).rejects.toMatchObject({ name: 'ReadOnlyError' });
    await client.setReadOnly(false);
    expect((await api.edit({ kind: 'delete', ids: [0] })).status.rows).toBe(499);
  });

  it('restores what it saved, with the edits', async () => {
    const factory = new IDBFactory();
    const first = createEngineClient({ worker: null, store: new SessionStore(openDatabase(factory)) });
    await first.api.loadFile(sample(), 's.csv', {});
    await first.api.edit({ kind: 'set', id: 3, col: 0, value: 'kept' });
    await expect.poll(() => first.saveState.unsaved).toBe(0);
    const second = createEngineClient({ worker: null, store: new SessionStore(openDatabase(factory)) });
    const r = await second.restore();
    if (r.kind !== 'session') throw new Error(r.kind);
    expect(r.damage).toEqual([]);
    expect(r.session.status).toMatchObject({ rows: 500, editedCells: 1, canUndo: true });
  });

  it('keeps what was undone across reloads: it can still be redone after the second', async () => {
    const factory = new IDBFactory();
    const open = () => createEngineClient({ worker: null, store: new SessionStore(openDatabase(factory)) });
    const first = open();
    await first.api.loadFile(sample(), 's.csv', {});
    await first.api.edit({ kind: 'set', id: 3, col: 0, value: 'kept' });
    await first.api.undo();
    await expect.poll(() => first.saveState.unsaved).toBe(0);
    for (let reload = 1; reload <= 2; reload++) {
      const client = open();
      const r = await client.restore();
      expect(r.kind === 'session' && r.session.status).toMatchObject({ editedCells: 0, canRedo: true });
      await expect.poll(() => client.saveState.unsaved).toBe(0);
    }
  });

  it('hands a session on as a project file: opened in another browser, it has the edits, undo, review and settings, and it is what that browser saves', async () => {
    const first = createEngineClient({ worker: null, store: new SessionStore(openDatabase(new IDBFactory())) });
    await first.api.loadFile(sample(), 'tickets.csv', {});
    await first.api.edit({ kind: 'set', id: 3, col: 0, value: 'kept' });
    await first.api.edit({ kind: 'review', ids: [5], status: 'flagged' });
    await first.api.edit({ kind: 'delete', ids: [7] });
    await first.api.undo();
    first.saveChoices({ ...DEFAULT_CHOICES, seed: 7, ignoreWords: ['Lansford'] });
    const project = await first.projectFile();
    if (!project) throw new Error('no project');
    // It carries the manifest of the export these settings make: the same files, hashed.
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(await project.arrayBuffer()))['manifest.json']!)) as {
      settings: { seed: number };
      files: Record<string, { sha256: string; lines: number }>;
    };
    const made = await first.api.exportFiles({ ...DEFAULT_CHOICES, seed: 7, ignoreWords: ['Lansford'] });
    if (!made.ok) throw new Error('refused');
    expect(manifest.settings.seed).toBe(7);
    expect(manifest.files['train.jsonl']!.sha256).toBe(
      createHash('sha256')
        .update(new Uint8Array(await made.train.arrayBuffer()))
        .digest('hex'),
    );

    // Another browser: its own storage.
    const factory = new IDBFactory();
    const second = createEngineClient({ worker: null, store: new SessionStore(openDatabase(factory)) });
    const opened = await second.openProject(project, 'tickets.trainset');
    if (opened.kind !== 'session') throw new Error(opened.reason);
    expect(opened.damage).toEqual([]);
    expect(opened.choices).toMatchObject({ seed: 7, ignoreWords: ['Lansford'] });
    expect(opened.session.status).toMatchObject({ rows: 500, editedCells: 1, canUndo: true, canRedo: true, review: { flagged: 1 } });
    expect((await second.api.redo()).status.rows).toBe(499);
    expect(await texts((await exportBoth(first)).train)).not.toEqual(await texts((await exportBoth(second)).train));
    await second.api.undo();
    expect(await texts((await exportBoth(second)).train)).toEqual(await texts((await exportBoth(first)).train));

    // What the second browser saved is the project's session: a reload there restores it.
    await expect.poll(() => second.saveState.unsaved).toBe(0);
    const reloaded = createEngineClient({ worker: null, store: new SessionStore(openDatabase(factory)) });
    const restored = await reloaded.restore();
    if (restored.kind !== 'session') throw new Error(restored.kind);
    expect(restored.session.status).toMatchObject({ rows: 500, editedCells: 1, canRedo: true, review: { flagged: 1 } });
    // And with the project's settings, not this browser's earlier ones.
    expect(restored.choices).toMatchObject({ seed: 7, ignoreWords: ['Lansford'] });
  });

  it('leaves the open session and the saved one as they were when a project cannot be opened', async () => {
    const factory = new IDBFactory();
    const client = createEngineClient({ worker: null, store: new SessionStore(openDatabase(factory)) });
    await client.api.loadFile(sample(), 's.csv', {});
    await client.api.edit({ kind: 'set', id: 3, col: 0, value: 'kept' });
    const project = await client.projectFile();
    const bytes = new Uint8Array(await project!.arrayBuffer());
    const r = await client.openProject(new Blob([bytes.slice(0, bytes.length / 2)]), 'half.trainset');
    expect(r).toEqual({ kind: 'unreadable', reason: expect.stringMatching(/^half\.trainset is damaged/) });
    expect((await client.api.rows(3, 1))[0]!.cells[0]).toBe('kept');
    await expect.poll(() => client.saveState.unsaved).toBe(0);
    // A project that reads well but whose data file (empty) cannot be read: the open session goes on being saved.
    const binary = writeProject({
      file: { name: 'x.csv', bytes: new Uint8Array(), options: {}, savedAt: 1 },
      mapping: null,
      history: { changes: [], position: 0 },
      choices: null,
      handledBadLines: [],
      savedAt: 1,
    });
    const r2 = await client.openProject(new Blob([binary as Uint8Array<ArrayBuffer>]), 'binary.trainset');
    expect(r2.kind).toBe('unreadable');
    await client.api.edit({ kind: 'set', id: 4, col: 0, value: 'after the failed open' });
    await expect.poll(() => client.saveState.unsaved).toBe(0);
    const again = await createEngineClient({ worker: null, store: new SessionStore(openDatabase(factory)) }).restore();
    expect(again.kind === 'session' && again.session.status.editedCells).toBe(2);
  });
});

const exportBoth = async (client: ReturnType<typeof createEngineClient>): Promise<{ train: Blob }> => {
  const r = await client.api.exportFiles(DEFAULT_CHOICES);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r;
};
