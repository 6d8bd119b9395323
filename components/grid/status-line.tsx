'use client';

import { useTrainset } from '@/components/store/store-provider';
import { statusText } from './format';
import styles from './status-line.module.css';

/** "2,000 rows" or "Showing 120 of 2,000 rows", the edited cells, and the last bulk action's result. */
export function StatusLine({ note }: { note: string }) {
  const { length, total, edited, filtered } = useTrainset((s) => ({
    length: s.length,
    total: s.status.rows,
    edited: s.status.editedCells,
    filtered: Object.keys(s.filters).length > 0 || s.search.text !== '' || s.editedOnly || s.reviewFilter !== null || s.only !== null,
  }));
  return (
    <div className={styles.status} role="status" aria-live="polite">
      <span>{statusText(length, total, filtered, edited)}</span>
      {note && <span className={styles.note}>{note}</span>}
    </div>
  );
}
