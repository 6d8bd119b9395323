'use client';

import { useCallback, useEffect } from 'react';
import { useTrainsetApi } from '@/components/store/store-provider';

const LOCK_NAME = 'trainset-session';
/** Held while the page lives; the browser releases the lock when the page goes away. */
const FOREVER = new Promise<never>(() => {});
/**
 * How long a new page waits for the lock before calling the session taken. On a reload the old
 * page may still hold it for a moment; without the wait the reloaded page would flash
 * "open in another tab" and drop a file chosen meanwhile.
 */
const GRACE_MS = 1000;

interface Handlers {
  /** Another tab holds the session: this one is read-only. */
  lost(): void;
  /** This tab holds the session; `fresh` when it had been read-only (its data may be stale). */
  gained(fresh: boolean): Promise<void>;
}

/**
 * One lock per page, not per component: React's development double mount would otherwise find
 * its own first lock and call itself "another tab". A read-only tab also queues a normal request,
 * so it becomes editable again by itself when the other tab closes.
 */
class TabLock {
  private handlers: Handlers | null = null;
  private started = false;
  private state: 'unknown' | 'mine' | 'other' = 'unknown';
  private waiting: AbortController | null = null;

  attach(handlers: Handlers): () => void {
    this.handlers = handlers;
    if (this.state === 'other') handlers.lost();
    if (!this.started) {
      this.started = true;
      const grace = new AbortController();
      setTimeout(() => grace.abort(), GRACE_MS);
      this.acquire({ signal: grace.signal }, false, () => this.becomeOther());
    }
    return () => {
      if (this.handlers === handlers) this.handlers = null;
    };
  }

  takeOver(): void {
    this.waiting?.abort();
    this.waiting = null;
    this.acquire({ steal: true }, true);
  }

  /** `refused` runs if the request ends without the lock (aborted while queued). */
  private acquire(options: LockOptions, fresh: boolean, refused: () => void = () => {}): void {
    let granted = false;
    navigator.locks
      .request(LOCK_NAME, options, async (lock) => {
        if (!lock) return refused();
        granted = true;
        this.state = 'mine';
        await this.handlers?.gained(fresh);
        return FOREVER;
      })
      // Rejects when another tab steals the held lock, or when a queued request is aborted.
      .catch(() => (granted ? this.becomeOther() : refused()));
  }

  private becomeOther(): void {
    this.state = 'other';
    this.handlers?.lost();
    this.waiting?.abort();
    this.waiting = new AbortController();
    this.acquire({ signal: this.waiting.signal }, true);
  }
}

let tabLock: TabLock | null = null;

/**
 * Keeps one tab in charge of the saved session (Web Locks). When another tab has it, this one is
 * marked read-only (`setOtherTab(true)`); `takeOver` steals the lock, reloads the saved session
 * (the other tab may have changed it) and makes this tab editable. Without `navigator.locks`
 * (old browsers, insecure origins) it does nothing.
 */
export function useSingleTab(): { takeOver: () => void } {
  const api = useTrainsetApi();

  useEffect(() => {
    if (typeof navigator === 'undefined' || !navigator.locks) return;
    tabLock ??= new TabLock();
    return tabLock.attach({
      lost: () => void api.getState().setOtherTab(true),
      async gained(fresh) {
        if (fresh) await api.getState().restore();
        void api.getState().setOtherTab(false);
      },
    });
  }, [api]);

  const takeOver = useCallback(() => tabLock?.takeOver(), []);
  return { takeOver };
}
