'use client';

import { useEffect, useState } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import { statusText } from './format';
import styles from './status-line.module.css';

/** "2,000 rows" or "Showing 120 of 2,000 rows", the edited cells, and the last bulk action's result. */
export function StatusLine({ note }: { note: string }) {
  const { length, total, edited, filtered, pending } = useTrainset((s) => ({
    length: s.length,
    total: s.status.rows,
    edited: s.status.editedCells,
    filtered: Object.keys(s.filters).length > 0 || s.search.text !== '' || s.editedOnly || s.reviewFilter !== null || s.only !== null,
    pending: s.viewPending?.what ?? null,
  }));
  const slow = useSlowPending(pending);
  return (
    <div className={styles.status} role="status" aria-live="polite">
      <span>{statusText(length, total, filtered, edited)}</span>
      {slow && <span className={styles.pending}>{slow[0]!.toUpperCase() + slow.slice(1)}…</span>}
      {note && <span className={styles.note}>{note}</span>}
    </div>
  );
}

/** Past this, a sort or filter not shown yet is said in the status line (a quick one never flickers there). */
const SAY_PENDING_AFTER_MS = 400;

/** `pending` once it has lasted {@link SAY_PENDING_AFTER_MS}, else null. */
function useSlowPending(pending: string | null): string | null {
  const [slow, setSlow] = useState<string | null>(null);
  useEffect(() => {
    if (pending === null) return;
    const timer = setTimeout(() => setSlow(pending), SAY_PENDING_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(null);
    };
  }, [pending]);
  return pending === null ? null : slow;
}
