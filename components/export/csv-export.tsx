'use client';

import { useId } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { DownloadButton } from './download-button';
import styles from './export.module.css';

/** The reviewed rows as CSV, with an option that keeps spreadsheets from running cells as formulas. */
export function CsvExport({ disabled, onFailure }: { disabled: boolean; onFailure(message: string | null): void }) {
  const api = useTrainsetApi();
  const neutralize = useTrainset((s) => s.neutralizeFormulas);
  const reviewStatus = useTrainset((s) => s.csvReviewStatus);
  const sourceColumn = useTrainset((s) => s.csvSourceColumn);
  const sources = useTrainset((s) => s.meta?.info.sources ?? null);
  const id = useId();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Cleaned CSV</legend>
      <div className={styles.check}>
        <input
          id={id}
          type="checkbox"
          checked={neutralize}
          aria-describedby={`${id}-help`}
          onChange={(e) => api.getState().setNeutralizeFormulas(e.target.checked)}
        />
        <label htmlFor={id}>Neutralise spreadsheet formulas in the CSV</label>
      </div>
      <p id={`${id}-help`} className={styles.help}>
        Cells starting with = + - @ get a leading &apos; so spreadsheets show them as text instead of running them.
      </p>
      <div className={styles.check}>
        <input id={`${id}-review`} type="checkbox" checked={reviewStatus} onChange={(e) => api.getState().setCsvReviewStatus(e.target.checked)} />
        <label htmlFor={`${id}-review`}>Add a review_status column (reviewed, flagged…)</label>
      </div>
      {sources && (
        <div className={styles.check}>
          <input id={`${id}-source`} type="checkbox" checked={sourceColumn} onChange={(e) => api.getState().setCsvSourceColumn(e.target.checked)} />
          <label htmlFor={`${id}-source`}>
            Add the {sources.column} column (each row&rsquo;s file, of {sources.files.length})
          </label>
        </div>
      )}
      <div>
        <DownloadButton kind="csv" label="Download cleaned CSV" disabled={disabled} onFailure={onFailure} />
      </div>
    </fieldset>
  );
}
