import { openDB, type IDBPDatabase } from 'idb';
import type { CsvOptions } from '../csv';
import { parseHistorySnapshot, type Change, type HistorySnapshot } from '../dataset';
import type { ColumnMapping, ExportChoices } from './types';

/**
 * The working copy in IndexedDB, written as it changes and in proportion to the change: the file's
 * bytes once per upload, then one record per edit (and a position for undo/redo). Reopening the
 * page re-reads the file and replays the edits, which gives back exactly the same rows.
 */
const DB = 'trainset';
const VERSION = 1;

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

export interface SavedSession {
  file: { name: string; bytes: Uint8Array; options: CsvOptions; savedAt: number };
  mapping: ColumnMapping | null;
  history: HistorySnapshot;
  choices: ExportChoices | null;
  handledBadLines: number[];
  /** When the session last changed. */
  savedAt: number;
}

export class SessionStore {
  private state: StateRecord = { mapping: null, position: 0, choices: null, session: '' };
  /** Writes are chained so they land in the order they were made. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: IDBPDatabase) {}

  /** Null when IndexedDB is unavailable (private browsing in some browsers): the app works, unsaved. */
  static async open(): Promise<SessionStore | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const db = await openDB(DB, VERSION, {
        upgrade(d) {
          d.createObjectStore('file');
          d.createObjectStore('state');
          d.createObjectStore('changes');
        },
      });
      return new SessionStore(db);
    } catch {
      return null;
    }
  }

  private enqueue(write: () => Promise<unknown>): Promise<unknown> {
    this.queue = this.queue.then(write).catch(() => undefined);
    return this.queue;
  }

  /** Resolves when every write made so far is stored. */
  flush(): Promise<unknown> {
    return this.queue;
  }

  saveFile(name: string, bytes: Uint8Array, options: CsvOptions): void {
    this.state = { mapping: null, position: 0, choices: this.state.choices, session: `${Date.now()}` };
    const record: FileRecord = { name, bytes: new Blob([bytes as Uint8Array<ArrayBuffer>]), options, savedAt: Date.now() };
    const state = this.state;
    this.enqueue(async () => {
      const tx = this.db.transaction(['file', 'state', 'changes'], 'readwrite');
      await tx.objectStore('changes').clear();
      await tx.objectStore('file').put(record, 'current');
      await tx.objectStore('state').put(state, 'current');
      await tx.done;
    });
  }

  saveMapping(mapping: ColumnMapping): void {
    this.state = { ...this.state, mapping };
    this.putState();
  }

  saveChoices(choices: ExportChoices): void {
    this.state = { ...this.state, choices };
    this.putState();
  }

  /** Change number `index` (0-based) was made; any redo beyond it is gone. */
  saveChange(index: number, change: Change): void {
    this.state = { ...this.state, position: index + 1, savedAt: Date.now() };
    const state = this.state;
    this.enqueue(async () => {
      const tx = this.db.transaction(['state', 'changes'], 'readwrite');
      const changes = tx.objectStore('changes');
      await changes.delete(IDBKeyRange.lowerBound(index));
      await changes.put(change, index);
      await tx.objectStore('state').put(state, 'current');
      await tx.done;
    });
  }

  saveHandledBadLines(lines: number[]): void {
    this.state = { ...this.state, handledBadLines: lines };
    this.putState();
  }

  savePosition(position: number): void {
    this.state = { ...this.state, position };
    this.putState();
  }

  private putState(): void {
    this.state = { ...this.state, savedAt: Date.now() };
    const state = this.state;
    this.enqueue(() => this.db.put('state', state, 'current'));
  }

  async load(): Promise<SavedSession | null> {
    const tx = this.db.transaction(['file', 'state', 'changes'], 'readonly');
    const file = (await tx.objectStore('file').get('current')) as FileRecord | undefined;
    const state = (await tx.objectStore('state').get('current')) as StateRecord | undefined;
    const changes = (await tx.objectStore('changes').getAll()) as Change[];
    await tx.done;
    if (!file || !state) return null;
    // What comes back from storage is checked like any other input.
    const parsed = parseHistorySnapshot({ changes, position: Math.min(state.position, changes.length) });
    if (!parsed.ok) return null;
    this.state = state;
    return {
      file: { name: file.name, bytes: new Uint8Array(await file.bytes.arrayBuffer()), options: file.options, savedAt: file.savedAt },
      mapping: state.mapping,
      history: parsed.snapshot,
      choices: state.choices,
      handledBadLines: Array.isArray(state.handledBadLines) ? state.handledBadLines.filter((n) => Number.isInteger(n)) : [],
      savedAt: typeof state.savedAt === 'number' ? state.savedAt : file.savedAt,
    };
  }

  clear(): Promise<unknown> {
    this.state = { mapping: null, position: 0, choices: null, session: '' };
    return this.enqueue(async () => {
      const tx = this.db.transaction(['file', 'state', 'changes'], 'readwrite');
      await Promise.all([tx.objectStore('file').clear(), tx.objectStore('state').clear(), tx.objectStore('changes').clear(), tx.done]);
    });
  }
}
