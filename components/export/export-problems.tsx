'use client';

import { rowsText } from '@/components/app/format';
import { useId } from 'react';
import { useTrainsetApi } from '@/components/store/store-provider';
import type { ExportProblem } from '@/lib/export';
import { allProblemRowIds, problemRowIds, sentence, showRowsLabel } from './export-form';
import styles from './export.module.css';

/** Problems listed before "and K more": the grid is where the rest are found. */
const LISTED = 8;
const ONLY_LABEL = 'Rows with export problems';

/** Why the JSONL files cannot be made, each with a way to see the rows concerned in the grid. */
export function ExportProblems({ problems, count }: { problems: ExportProblem[]; count: number }) {
  const api = useTrainsetApi();
  const id = useId();
  const listed = problems.slice(0, LISTED);
  const more = Math.max(0, count - listed.length);
  const ids = allProblemRowIds(problems);
  const show = (rows: number[]): void => void api.getState().showOnly(rows, ONLY_LABEL);

  return (
    <section className={styles.problems} aria-labelledby={id}>
      <div className={styles.problemsHeader}>
        <h3 id={id} className={styles.subTitle}>
          Fix these before exporting
        </h3>
        {ids.length > 1 && (
          <button type="button" className={styles.linkButton} onClick={() => show(ids)}>
            Show {rowsText(ids.length)} with problems
          </button>
        )}
      </div>
      <ul className={styles.problemList}>
        {listed.map((p, i) => {
          const rows = problemRowIds(p);
          return (
            <li key={`${p.code}-${p.dataRow ?? ''}-${i}`}>
              <span>{sentence(p.message)}</span>
              {rows.length > 0 && (
                <>
                  {' '}
                  <button type="button" className={styles.linkButton} onClick={() => show(rows)}>
                    {showRowsLabel(p)}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {more > 0 && (
        <p className={styles.help}>
          and {more} more {more === 1 ? 'problem' : 'problems'}
        </p>
      )}
    </section>
  );
}
