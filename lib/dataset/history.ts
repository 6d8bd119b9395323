import type { Dataset } from './dataset';
import { REVIEW_STATUSES, type Change, type Patch, type ReviewStatus } from './types';

/** What a session saves: every change and how many of them are applied (the rest can be redone). */
export interface HistorySnapshot {
  changes: Change[];
  position: number;
}

/**
 * The undo/redo stacks as one list and a position: `changes[0..position)` are applied,
 * `changes[position..]` were undone and can be redone. The history only records; the caller
 * applies what `undo`/`redo` return to the dataset (`ds.revert(h.undo())`).
 */
export class History {
  private changes: Change[] = [];
  private position = 0;
  private readonly limit: number;

  /**
   * @param limit most changes kept (default: unlimited). When the oldest are forgotten, undo stops
   * there and a snapshot no longer replays from the uploaded file: persist `diffChange(ds)` then.
   */
  constructor(limit = Number.POSITIVE_INFINITY) {
    if (!(limit >= 1)) throw new RangeError(`history limit must be at least 1, got ${limit}`);
    this.limit = limit;
  }

  /** Record a change the caller has just applied. Clears the redo stack. */
  push(change: Change): void {
    this.changes.length = this.position;
    this.changes.push(change);
    if (this.changes.length > this.limit) this.changes.splice(0, this.changes.length - this.limit);
    this.position = this.changes.length;
  }

  /** The change the caller must revert, or null when there is nothing to undo. */
  undo(): Change | null {
    if (this.position === 0) return null;
    return this.changes[--this.position]!;
  }

  /** The change the caller must apply again, or null when there is nothing to redo. */
  redo(): Change | null {
    if (this.position === this.changes.length) return null;
    return this.changes[this.position++]!;
  }

  get canUndo(): boolean {
    return this.position > 0;
  }

  get canRedo(): boolean {
    return this.position < this.changes.length;
  }

  get undoLabel(): string | null {
    return this.changes[this.position - 1]?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.changes[this.position]?.label ?? null;
  }

  /** For persistence: all changes and the number applied. The arrays are copies; the changes are shared. */
  snapshot(): HistorySnapshot {
    return { changes: [...this.changes], position: this.position };
  }

  /** From a snapshot this program made (for one from storage, use {@link parseHistorySnapshot} first). */
  static restore(s: HistorySnapshot): History {
    if (!Number.isInteger(s.position) || s.position < 0 || s.position > s.changes.length) {
      throw new RangeError(`history position ${s.position} outside 0..${s.changes.length}`);
    }
    const h = new History();
    h.changes = [...s.changes];
    h.position = s.position;
    return h;
  }
}

export type SnapshotParse = { ok: true; snapshot: HistorySnapshot } | { ok: false; error: string };

/**
 * Check a snapshot read back from storage (untrusted: an old version, a hand edit, a truncated
 * write). Only the shape is checked here; whether the patches fit the data is found out by
 * {@link replayHistory}.
 */
export function parseHistorySnapshot(value: unknown): SnapshotParse {
  const fail = (error: string): SnapshotParse => ({ ok: false, error: `the saved edit history is unreadable: ${error}` });
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const { changes, position } = value as { changes?: unknown; position?: unknown };
  if (!Array.isArray(changes)) return fail('no list of changes');
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > changes.length) return fail('bad position');
  for (let i = 0; i < changes.length; i++) {
    const c: unknown = changes[i];
    if (typeof c !== 'object' || c === null) return fail(`change ${i + 1} is not an object`);
    const { label, patches } = c as { label?: unknown; patches?: unknown };
    if (typeof label !== 'string' || !Array.isArray(patches)) return fail(`change ${i + 1} has no label or patches`);
    for (const p of patches) if (!isPatch(p)) return fail(`change ${i + 1} (${label}) has a malformed patch`);
  }
  return { ok: true, snapshot: { changes: changes as Change[], position } };
}

/**
 * A history read back from storage, kept up to its first damaged change: the changes before it
 * are good (each was written whole), so they are kept, and the damaged one and all after it are
 * dropped (they build on it). `error` says what the first damage was.
 */
export function recoverHistorySnapshot(changes: readonly unknown[], position: number): { snapshot: HistorySnapshot; error?: string } {
  let kept = 0;
  let error: string | undefined;
  for (; kept < changes.length; kept++) {
    const c: unknown = changes[kept];
    const { label, patches } = (typeof c === 'object' && c !== null ? c : {}) as { label?: unknown; patches?: unknown };
    if (typeof label !== 'string' || !Array.isArray(patches) || !patches.every(isPatch)) {
      error = `edit ${kept + 1} is malformed`;
      break;
    }
  }
  const good = changes.slice(0, kept) as Change[];
  return { snapshot: { changes: good, position: Math.max(0, Math.min(position, kept)) }, ...(error ? { error } : {}) };
}

const isId = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isStatus = (x: unknown): x is ReviewStatus => (REVIEW_STATUSES as readonly unknown[]).includes(x);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');

function isPatch(p: unknown): p is Patch {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  switch (o.op) {
    case 'set':
      return isId(o.rowId) && isId(o.col) && typeof o.before === 'string' && typeof o.after === 'string';
    case 'insert':
    case 'delete':
      return isId(o.rowId) && isStrings(o.values);
    case 'review':
      return isId(o.rowId) && isStatus(o.before) && isStatus(o.after);
    default:
      return false;
  }
}

export interface Replay {
  /** The history to continue with: the changes that fitted, all applied (nothing to redo if some were dropped). */
  history: History;
  applied: number;
  /** Changes left out: the first that did not fit and everything after it (redo entries included). */
  dropped: number;
  /** Why the first dropped change did not fit, in words. */
  error?: string;
}

/**
 * Restore a session: apply `changes[0..position)` to a dataset fresh from the uploaded file. At
 * the first change that does not fit (the file is not the one the session was made on), stop and
 * say so rather than apply it partly; the data then reflects the changes before it.
 */
export function replayHistory(ds: Dataset, s: HistorySnapshot): Replay {
  for (let i = 0; i < s.position; i++) {
    const r = ds.tryApply(s.changes[i]!);
    if (!r.ok) return { history: History.restore({ changes: s.changes.slice(0, i), position: i }), applied: i, dropped: s.changes.length - i, error: r.error };
  }
  return { history: History.restore(s), applied: s.position, dropped: 0 };
}
