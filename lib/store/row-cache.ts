import type { RowView } from '../engine';

export const PAGE = 200;

/**
 * The rows the grid has asked for, by view position, beside the store rather than in it (storing
 * thousands of row objects in state would copy them on every set); the grid re-renders on
 * `rowsVersion`. A change replaces the rows it touched; a change of the view refetches the pages
 * held, and the old rows show until the new ones arrive, so nothing flickers.
 */
export class RowCache {
  private rows = new Map<number, RowView>();
  private pending = new Set<number>();
  /** What the cached pages were read under (the view's query); pages of another key are dropped. */
  private key = '';

  /** Forget everything (a new file or view). */
  reset(key: string): void {
    this.key = key;
    this.rows = new Map();
    this.pending.clear();
  }

  /** Keep the rows on show, but read every held page again under `key`. */
  stale(key: string): number[] {
    this.key = key;
    this.pending.clear();
    return [...new Set([...this.rows.keys()].map((i) => Math.floor(i / PAGE)))];
  }

  get(i: number): RowView | undefined {
    return this.rows.get(i);
  }

  /** Pages of [start, end) not cached nor being fetched. */
  missingPages(start: number, end: number): number[] {
    const pages: number[] = [];
    for (let p = Math.floor(start / PAGE); p * PAGE < end; p++) {
      if (this.pending.has(p) || this.rows.has(p * PAGE)) continue;
      pages.push(p);
    }
    return pages;
  }

  fetching(page: number): string {
    this.pending.add(page);
    return this.key;
  }

  /** A page could not be read: ask again next time it is needed. */
  abandon(page: number, key: string): void {
    if (key === this.key) this.pending.delete(page);
  }

  /** Store a page read under `key`; false (and nothing stored) when the view has changed since. */
  fill(page: number, rows: RowView[], key: string, length: number): boolean {
    if (key !== this.key) return false;
    this.pending.delete(page);
    for (let k = 0; k < PAGE; k++) {
      const i = page * PAGE + k;
      const row = rows[k];
      if (row) this.rows.set(i, row);
      else this.rows.delete(i);
    }
    for (const i of this.rows.keys()) if (i >= length) this.rows.delete(i);
    return true;
  }

  /** The ids of the cached rows among `ids` (all cached ids when `ids` is null). */
  cachedIds(ids: readonly number[] | null): number[] {
    const wanted = ids ? new Set(ids) : null;
    const out: number[] = [];
    for (const r of this.rows.values()) if (!wanted || wanted.has(r.id)) out.push(r.id);
    return out;
  }

  /** Update cached rows in place (an optimistic edit, or fresh copies after a change). */
  patch(id: number, update: (r: RowView) => RowView): void {
    for (const [i, r] of this.rows) if (r.id === id) this.rows.set(i, update(r));
  }
}
