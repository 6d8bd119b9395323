'use client';

import { useId } from 'react';
import { useTrainsetApi } from '@/components/store/store-provider';
import type { CheckId, CheckResult } from '@/lib/quality';
import styles from './export.module.css';

/** What to do about an error, beyond its own message, where there is more than fixing rows. */
const WAY_OUT: Partial<Record<CheckId, string>> = {
  'too-few-examples':
    'Add examples, give the validation file fewer rows (Validation share), or, if your service needs fewer, change "Training examples required" under Issues › Thresholds.',
  'target-limits': 'Choose another service under Format for, change the Validation share, or remove rows.',
  'rare-class': 'Relabel or remove the rows, or stratify by nothing (Stratify by).',
};

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
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => void api.getState().showOnly(c.rowIds, 'Rows of an error that blocks the export')}
                >
                  Show {c.rowIds.length === 1 ? 'the row' : `${c.rowIds.length.toLocaleString('en-US')} rows`}
                </button>
              </>
            )}{' '}
            <span className={styles.help}>{WAY_OUT[c.id] ?? 'Fix the rows concerned.'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
