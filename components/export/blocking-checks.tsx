'use client';

import { useId } from 'react';
import { useTrainsetApi } from '@/components/store/store-provider';
import type { CheckResult } from '@/lib/quality';
import styles from './export.module.css';

/**
 * The quality checks' errors that block the downloads although the files could be written (too
 * few training examples, a file the target service would refuse): each said once, with its rows,
 * and the way out when the number itself is the user's to change.
 */
export function BlockingChecks({ checks }: { checks: readonly CheckResult[] }) {
  const api = useTrainsetApi();
  const id = useId();
  return (
    <section className={styles.problems} aria-labelledby={id}>
      <h3 id={id} className={styles.subTitle}>
        {checks.length === 1 ? 'An error in Issues blocks the export' : `${checks.length} errors in Issues block the export`}
      </h3>
      <ul className={styles.problemList}>
        {checks.map((c) => (
          <li key={`${c.id}-${c.severity}`}>
            <span>{c.message}</span>
            {c.rowIds.length > 0 && (
              <>
                {' '}
                <button type="button" className={styles.linkButton} onClick={() => void api.getState().showOnly(c.rowIds, `${c.id} rows`)}>
                  Show {c.rowIds.length === 1 ? 'the row' : `${c.rowIds.length.toLocaleString('en-US')} rows`}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className={styles.help}>Fix them, or change the number a check uses under Issues › Thresholds if it does not apply to you.</p>
    </section>
  );
}
