import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Change } from '../dataset';
import { SessionStore, type OpenDatabase, type SaveState } from './persist';
import { openDatabase } from './testing';

const change = (i: number): Change => ({ label: `Edit ${i}`, patches: [{ op: 'set', rowId: i, col: 0, before: `was ${i}`, after: `now ${i}` }] });
const file = new Blob(['inquiry,category\nhello,a\n']);

/** A database whose transactions throw QuotaExceededError while `full.on` is true, as a full disk does. */
function flakyDatabase(factory: IDBFactory): { open: OpenDatabase; full: { on: boolean } } {
  const full = { on: false };
  const real = openDatabase(factory);
  return {
    full,
    open: async () => {
      const db = await real();
      const transaction = db.transaction.bind(db);
      db.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
        if (full.on) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return transaction(...args);
      }) as IDBDatabase['transaction'];
      return db;
    },
  };
}

const until = async (ok: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the saved session', () => {
  it('keeps a write that fails, says so, and stores it when storage works again', async () => {
    const factory = new IDBFactory();
    const { open, full } = flakyDatabase(factory);
    const store = new SessionStore(open);
    const states: SaveState[] = [];
    store.onState((s) => states.push(s));
    store.fileLoaded(file, 'a.csv', {});
    store.historyStep({ op: 'push', index: 0, change: change(0) });
    await store.flush();
    expect(store.state).toEqual({ unsaved: 0, error: null });

    full.on = true;
    store.historyStep({ op: 'push', index: 1, change: change(1) });
    store.historyStep({ op: 'push', index: 2, change: change(2) });
    await until(() => store.state.error !== null);
    expect(store.state).toEqual({ unsaved: 2, error: "this browser's storage is full" });

    // Still full at the first retries: the writes stay, in order.
    await new Promise((r) => setTimeout(r, 1700));
    expect(store.state.unsaved).toBe(2);
    full.on = false;
    await until(() => store.state.unsaved === 0);
    expect(store.state.error).toBeNull();
    // Nothing was skipped: a fresh reader finds all three changes, in order.
    const read = await new SessionStore(openDatabase(factory)).load();
    expect(read.kind).toBe('session');
    if (read.kind !== 'session') return;
    expect(read.session.history.changes.map((c) => c.label)).toEqual(['Edit 0', 'Edit 1', 'Edit 2']);
    expect(read.session.history.position).toBe(3);
    expect(read.damage).toEqual([]);
    // The page was told: unsaved with a reason, then all stored.
    expect(states.some((s) => s.error !== null && s.unsaved > 0)).toBe(true);
    expect(states.at(-1)).toEqual({ unsaved: 0, error: null });
  });

  it('keeps the mirror of unsaved changes, which a new worker is rebuilt from', async () => {
    const { open, full } = flakyDatabase(new IDBFactory());
    const store = new SessionStore(open);
    full.on = true;
    store.fileLoaded(file, 'a.csv', {});
    store.historyStep({ op: 'push', index: 0, change: change(0) });
    store.historyStep({ op: 'push', index: 1, change: change(1) });
    store.historyStep({ op: 'move', position: 1 });
    store.historyStep({ op: 'push', index: 1, change: change(9) });
    const snap = store.snapshot()!;
    expect(snap.file.name).toBe('a.csv');
    expect(snap.history.changes.map((c) => c.label)).toEqual(['Edit 0', 'Edit 9']);
    expect(snap.history.position).toBe(2);
  });

  it('restores the file and the edits up to a damaged one, and says what was dropped', async () => {
    const factory = new IDBFactory();
    const store = new SessionStore(openDatabase(factory));
    store.fileLoaded(file, 'a.csv', {});
    for (let i = 0; i < 4; i++) store.historyStep({ op: 'push', index: i, change: change(i) });
    await store.flush();
    const db = await openDatabase(factory)();
    await new Promise<void>((resolve) => {
      const tx = db.transaction('changes', 'readwrite');
      tx.objectStore('changes').put({ label: 'Edit 2', patches: [{ op: 'set', rowId: -4 }] }, 2);
      tx.oncomplete = () => resolve();
    });
    const read = await new SessionStore(openDatabase(factory)).load();
    expect(read.kind).toBe('session');
    if (read.kind !== 'session') return;
    expect(read.session.file.name).toBe('a.csv');
    expect(await read.session.file.blob.text()).toBe(await file.text());
    expect(read.session.history.changes.map((c) => c.label)).toEqual(['Edit 0', 'Edit 1']);
    expect(read.session.history.position).toBe(2);
    expect(read.damage).toEqual(['2 saved edits were damaged and could not be restored (edit 3 is malformed)']);
  });

  it('treats a gap in the saved edits as damage', async () => {
    const factory = new IDBFactory();
    const store = new SessionStore(openDatabase(factory));
    store.fileLoaded(file, 'a.csv', {});
    for (let i = 0; i < 3; i++) store.historyStep({ op: 'push', index: i, change: change(i) });
    await store.flush();
    const db = await openDatabase(factory)();
    await new Promise<void>((resolve) => {
      const tx = db.transaction('changes', 'readwrite');
      tx.objectStore('changes').delete(1);
      tx.oncomplete = () => resolve();
    });
    const read = await new SessionStore(openDatabase(factory)).load();
    if (read.kind !== 'session') throw new Error(read.kind);
    expect(read.session.history.changes).toHaveLength(1);
    expect(read.damage[0]).toMatch(/^1 saved edit was damaged/);
  });

  it('says why a session without its file cannot be restored, and finds nothing in an empty browser', async () => {
    const factory = new IDBFactory();
    expect(await new SessionStore(openDatabase(factory)).load()).toEqual({ kind: 'none' });
    const store = new SessionStore(openDatabase(factory));
    store.fileLoaded(file, 'a.csv', {});
    await store.flush();
    const db = await openDatabase(factory)();
    await new Promise<void>((resolve) => {
      const tx = db.transaction('file', 'readwrite');
      tx.objectStore('file').delete('current');
      tx.oncomplete = () => resolve();
    });
    const read = await new SessionStore(openDatabase(factory)).load();
    expect(read).toEqual({ kind: 'unreadable', reason: expect.stringMatching(/saved copy of the file is missing or damaged/) });
  });

  it('says why when storage cannot be opened at all', async () => {
    const store = new SessionStore(() => Promise.reject(new DOMException('blocked', 'InvalidStateError')));
    expect(await store.load()).toEqual({ kind: 'unreadable', reason: "the saved work could not be opened: this browser's storage is not available" });
  });

  it('writes nothing from a read-only tab', async () => {
    const factory = new IDBFactory();
    const owner = new SessionStore(openDatabase(factory));
    owner.fileLoaded(file, 'a.csv', {});
    await owner.flush();
    const reader = new SessionStore(openDatabase(factory));
    await reader.load();
    reader.setReadOnly(true);
    reader.historyStep({ op: 'push', index: 0, change: change(0) });
    reader.clear();
    expect(reader.state.unsaved).toBe(0);
    const read = await new SessionStore(openDatabase(factory)).load();
    if (read.kind !== 'session') throw new Error(read.kind);
    expect(read.session.history.changes).toHaveLength(0);
  });
});
