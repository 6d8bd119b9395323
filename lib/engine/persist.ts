import type { CsvOptions } from '../csv';
import { recoverHistorySnapshot, type Change, type HistorySnapshot } from '../dataset';
import type { HistoryStep } from './engine';
import type { ColumnMapping, ExportChoices } from './types';

/**
 * The working copy: kept in memory on the page (the "mirror", which outlives the worker) and
 * written to IndexedDB in proportion to each change: the file once per upload, then one record
 * per edit and a position for undo/redo. Reopening the page re-reads the file and replays the
 * edits, which gives back exactly the same rows.
 *
 * A write that fails (storage full, blocked, private mode) is kept and retried with backoff, in
 * order, until it is stored; {@link SaveState} says meanwhile how many changes are not on disk
 * and why, so the page can say so. Nothing here throws at its callers.
 */
const DB = 'trainset';
const VERSION = 1;
const STORES = ['file', 'state', 'changes'] as const;

/** How long to wait before retrying a failed write: doubles from the first to the last. */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 8000;

interface FileRecord {
  name: string;
  bytes: Blob;
  options: CsvOptions;
  savedAt: number;
}

interface StateRecord {
  mapping: ColumnMapping | null;
  position: number;
  choices: ExportChoices | null;
  /** Which upload the changes belong to (a new upload starts a new session). */
  session: string;
  handledBadLines?: number[];
  /** When the session last changed. */
  savedAt?: number;
}

/** A whole session: what is saved, and what the mirror holds to rebuild a worker. */
export interface SavedSession {
  file: { name: string; blob: Blob; options: CsvOptions; savedAt: number };
  mapping: ColumnMapping | null;
  history: HistorySnapshot;
  /** Unchecked: read back with `parseChoices`. */
  choices: unknown;
  handledBadLines: number[];
  /** When the session last changed. */
  savedAt: number;
}

/** What reading the saved session found: nothing, a session (with what had to be dropped), or why it cannot be restored. */
export type SavedRead = { kind: 'none' } | { kind: 'session'; session: SavedSession; damage: string[] } | { kind: 'unreadable'; reason: string };

/** Whether everything is on disk: `unsaved` changes are waiting, `error` says why writes fail (null while they work). */
export interface SaveState {
  unsaved: number;
  error: string | null;
}

/** The parts of IndexedDB the store uses, so tests can hand in a failing one. */
export type OpenDatabase = () => Promise<IDBDatabase>;

export const openTrainsetDb: OpenDatabase = () =>
  new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
    const request = indexedDB.open(DB, VERSION);
    request.onupgradeneeded = () => {
      for (const name of STORES) if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });

/** Run `body` in one transaction and resolve when it is committed (or reject with why not). */
function inTransaction(db: IDBDatabase, mode: IDBTransactionMode, body: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction([...STORES], mode);
      body(tx);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('the write was aborted'));
  });
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('the read failed'));
  });

/** A failure as the user should read it. */
export function describeStorageError(e: unknown): string {
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  if (name === 'QuotaExceededError') return "this browser's storage is full";
  if (name === 'InvalidStateError' || name === 'UnknownError') return "this browser's storage is not available";
  return `this browser's storage refused the write (${e instanceof Error ? e.message : String(e)})`;
}

interface Write {
  /** How many of the user's changes this write stores (the count the page shows). */
  changes: number;
  run(db: IDBDatabase): Promise<void>;
  started: boolean;
}

export class SessionStore {
  private mirror: SavedSession | null = null;
  private session = '';
  private choices: ExportChoices | null = null;
  private readonly writes: Write[] = [];
  private retrying = false;
  private retryDelay = RETRY_FIRST_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private db: Promise<IDBDatabase> | null = null;
  private error: string | null = null;
  private readOnly = false;
  private readonly listeners = new Set<(s: SaveState) => void>();

  constructor(
    private readonly open: OpenDatabase = openTrainsetDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Hear every change of {@link SaveState}; returns the way to stop. */
  onState(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get state(): SaveState {
    return { unsaved: this.writes.reduce((n, w) => n + w.changes, 0), error: this.error };
  }

  /** Resolves when every write made so far is stored (waits through retries). */
  async flush(): Promise<void> {
    while (this.writes.length > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** A read-only tab writes nothing: the other tab owns the saved session. */
  setReadOnly(on: boolean): void {
    this.readOnly = on;
  }

  /** The session as it is now, saved or not: what a new worker is rebuilt from. */
  snapshot(): SavedSession | null {
    if (!this.mirror) return null;
    return { ...this.mirror, history: { changes: [...this.mirror.history.changes], position: this.mirror.history.position }, choices: this.choices };
  }

  /** A new file was read. */
  fileLoaded(file: Blob, name: string, options: CsvOptions): void {
    if (this.readOnly) return;
    const savedAt = this.now();
    this.session = `${savedAt}`;
    this.mirror = {
      file: { name, blob: file, options, savedAt },
      mapping: null,
      history: { changes: [], position: 0 },
      choices: this.choices,
      handledBadLines: [],
      savedAt,
    };
    const record: FileRecord = { name, bytes: file, options, savedAt };
    const state = this.stateRecord();
    this.enqueue(1, (db) =>
      inTransaction(db, 'readwrite', (tx) => {
        tx.objectStore('changes').clear();
        tx.objectStore('file').put(record, 'current');
        tx.objectStore('state').put(state, 'current');
      }),
    );
  }

  /**
   * A whole session came from elsewhere (a project file): it replaces the saved one, file, edits
   * and settings, in one write, as a new session.
   */
  sessionOpened(session: SavedSession): void {
    if (this.readOnly) return;
    this.session = `${this.now()}`;
    this.mirror = { ...session, history: { changes: [...session.history.changes], position: session.history.position } };
    // Its settings are the session's now (read back with parseChoices when restored).
    this.choices = (session.choices as ExportChoices | null) ?? null;
    const { name, blob, options, savedAt } = session.file;
    const record: FileRecord = { name, bytes: blob, options, savedAt };
    const state = this.stateRecord();
    const changes = [...session.history.changes];
    this.enqueue(1 + changes.length, (db) =>
      inTransaction(db, 'readwrite', (tx) => {
        const store = tx.objectStore('changes');
        store.clear();
        changes.forEach((c, i) => store.put(c, i));
        tx.objectStore('file').put(record, 'current');
        tx.objectStore('state').put(state, 'current');
      }),
    );
  }

  mapped(mapping: ColumnMapping): void {
    if (this.readOnly || !this.mirror) return;
    this.mirror.mapping = mapping;
    this.putState(1);
  }

  badRowsHandled(lines: number[]): void {
    if (this.readOnly || !this.mirror) return;
    this.mirror.handledBadLines = lines;
    this.putState(1);
  }

  saveChoices(choices: ExportChoices): void {
    if (this.readOnly) return;
    this.choices = choices;
    if (this.mirror) this.putState(0);
  }

  /** The history moved: a new change (any redo beyond it is gone), or undo/redo. */
  historyStep(step: HistoryStep): void {
    if (this.readOnly || !this.mirror) return;
    const h = this.mirror.history;
    if (step.op === 'move') {
      h.position = step.position;
      this.putState(1);
      return;
    }
    h.changes.length = step.index;
    h.changes.push(step.change);
    h.position = step.index + 1;
    this.mirror.savedAt = this.now();
    const state = this.stateRecord();
    const { index, change } = step;
    this.enqueue(1, (db) =>
      inTransaction(db, 'readwrite', (tx) => {
        const changes = tx.objectStore('changes');
        changes.delete(IDBKeyRange.lowerBound(index));
        changes.put(change, index);
        tx.objectStore('state').put(state, 'current');
      }),
    );
  }

  /**
   * After a restore the engine may have kept fewer changes than were saved (damaged or not
   * fitting the file): the saved copy is cut to match, so the next reload says nothing again.
   */
  keepHistory(applied: number): void {
    if (this.readOnly || !this.mirror) return;
    const h = this.mirror.history;
    if (applied >= h.changes.length && h.position <= applied) return;
    h.changes.length = Math.min(applied, h.changes.length);
    h.position = Math.min(h.position, h.changes.length);
    const state = this.stateRecord();
    this.enqueue(0, (db) =>
      inTransaction(db, 'readwrite', (tx) => {
        tx.objectStore('changes').delete(IDBKeyRange.lowerBound(applied));
        tx.objectStore('state').put(state, 'current');
      }),
    );
  }

  /** Forget the session (Start over). */
  clear(): void {
    if (this.readOnly) return;
    this.mirror = null;
    this.choices = null;
    this.session = '';
    // Writes still waiting were for the session being forgotten.
    this.writes.length = 0;
    this.enqueue(0, (db) =>
      inTransaction(db, 'readwrite', (tx) => {
        for (const name of STORES) tx.objectStore(name).clear();
      }),
    );
  }

  /**
   * Read the saved session, as untrusted input: a damaged history keeps its changes up to the
   * damage (and says what was dropped); a session whose file cannot be read says why. The
   * mirror becomes what was read, so a worker can be rebuilt from it.
   */
  async load(): Promise<SavedRead> {
    let db: IDBDatabase;
    try {
      db = await this.database();
    } catch (e) {
      return { kind: 'unreadable', reason: `the saved work could not be opened: ${describeStorageError(e)}` };
    }
    let file: unknown;
    let state: unknown;
    let keys: IDBValidKey[];
    let changes: unknown[];
    try {
      const tx = db.transaction([...STORES], 'readonly');
      [file, state, keys, changes] = await Promise.all([
        request(tx.objectStore('file').get('current')),
        request(tx.objectStore('state').get('current')),
        request(tx.objectStore('changes').getAllKeys()),
        request(tx.objectStore('changes').getAll()),
      ]);
    } catch (e) {
      return { kind: 'unreadable', reason: `the saved work could not be read: ${describeStorageError(e)}` };
    }
    if (file === undefined && state === undefined) return { kind: 'none' };
    const f = file as Partial<FileRecord> | undefined;
    if (!f || typeof f.name !== 'string' || !(f.bytes instanceof Blob)) {
      return { kind: 'unreadable', reason: 'the saved copy of the file is missing or damaged, so the edits saved with it cannot be applied to anything' };
    }
    const damage: string[] = [];
    const st = (typeof state === 'object' && state !== null ? state : {}) as Partial<StateRecord>;
    if (typeof state !== 'object' || state === null) damage.push('the saved settings were unreadable and were reset');
    // Changes are stored under 0, 1, 2, …: a gap is damage too; everything from it on is dropped.
    let contiguous = 0;
    while (contiguous < keys.length && keys[contiguous] === contiguous) contiguous++;
    const position = typeof st.position === 'number' && Number.isInteger(st.position) && st.position >= 0 ? st.position : contiguous;
    const recovered = recoverHistorySnapshot(changes.slice(0, contiguous), Math.min(position, contiguous));
    const lost = changes.length - recovered.snapshot.changes.length;
    if (lost > 0)
      damage.push(
        `${lost === 1 ? '1 saved edit was' : `${lost} saved edits were`} damaged and could not be restored${recovered.error ? ` (${recovered.error})` : ''}`,
      );
    const mapping = isMapping(st.mapping) ? st.mapping : null;
    if (st.mapping != null && !mapping) damage.push('the saved column choice was damaged: choose the columns again');
    const handled = Array.isArray(st.handledBadLines) ? st.handledBadLines.filter((n): n is number => Number.isInteger(n)) : [];
    const savedAt = typeof st.savedAt === 'number' ? st.savedAt : typeof f.savedAt === 'number' ? f.savedAt : this.now();
    const session: SavedSession = {
      file: {
        name: f.name,
        blob: f.bytes,
        options: (typeof f.options === 'object' && f.options) || {},
        savedAt: typeof f.savedAt === 'number' ? f.savedAt : savedAt,
      },
      mapping,
      history: recovered.snapshot,
      choices: st.choices ?? null,
      handledBadLines: handled,
      savedAt,
    };
    this.session = typeof st.session === 'string' ? st.session : `${savedAt}`;
    this.mirror = { ...session, history: { changes: [...session.history.changes], position: session.history.position } };
    this.choices = (st.choices as ExportChoices | null | undefined) ?? null;
    return { kind: 'session', session, damage };
  }

  private stateRecord(): StateRecord {
    const m = this.mirror;
    return {
      mapping: m?.mapping ?? null,
      position: m?.history.position ?? 0,
      choices: this.choices,
      session: this.session,
      handledBadLines: m?.handledBadLines ?? [],
      savedAt: m?.savedAt ?? this.now(),
    };
  }

  private putState(changes: number): void {
    if (this.mirror) this.mirror.savedAt = this.now();
    const state = this.stateRecord();
    this.enqueue(changes, (db) => inTransaction(db, 'readwrite', (tx) => void tx.objectStore('state').put(state, 'current')));
  }

  private database(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = this.open();
      // A database that could not be opened is tried again on the next write.
      this.db.catch(() => (this.db = null));
    }
    return this.db;
  }

  /**
   * Start a write at once: IndexedDB runs read-write transactions on the same stores in the order
   * they are made, so writes need not wait for each other, and a write made just before the page
   * closes is already on its way. After a failure, writes wait and are retried in order.
   */
  private enqueue(changes: number, run: (db: IDBDatabase) => Promise<void>): void {
    const write: Write = { changes, run, started: false };
    this.writes.push(write);
    this.notify();
    if (this.retryTimer === undefined && !this.retrying) void this.start(write);
  }

  /** Run one write; false when it failed (it stays queued and a retry is scheduled). */
  private async start(write: Write): Promise<boolean> {
    write.started = true;
    try {
      await write.run(await this.database());
    } catch (e) {
      write.started = false;
      this.error = describeStorageError(e);
      this.notify();
      this.scheduleRetry();
      return false;
    }
    const i = this.writes.indexOf(write);
    if (i >= 0) this.writes.splice(i, 1);
    // The message stays until everything is stored, not only the write that failed.
    if (this.writes.length === 0) {
      this.error = null;
      this.retryDelay = RETRY_FIRST_MS;
    }
    this.notify();
    return true;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined || this.retrying) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retry();
    }, this.retryDelay);
    this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay * 2);
  }

  /** Retry the writes that have not been stored, one by one in order, until one fails again. */
  private async retry(): Promise<void> {
    this.retrying = true;
    let failed = false;
    try {
      for (const write of [...this.writes]) {
        if (write.started || !this.writes.includes(write)) continue;
        if (!(await this.start(write))) {
          failed = true;
          break;
        }
      }
    } finally {
      this.retrying = false;
    }
    if (failed) {
      this.scheduleRetry();
      return;
    }
    // Writes made during the retry were queued behind it.
    const left = this.writes.filter((w) => !w.started);
    if (left.length > 0) void this.retry();
  }

  private notify(): void {
    const s = this.state;
    for (const l of this.listeners) l(s);
  }
}

function isMapping(v: unknown): v is ColumnMapping {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<ColumnMapping>;
  return typeof m.text === 'string' && Array.isArray(m.labels) && m.labels.length > 0 && m.labels.every((l) => typeof l === 'string');
}

export type { Change };
