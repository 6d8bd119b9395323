'use client';

import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import type { GridColumnMeta } from './columns';
import { ReviewButton } from '@/components/review/review-button';
import { LabelFilter } from './label-filter';
import { ReviewFilter } from './review-filter';
import { SearchBox } from './search-box';
import styles from './toolbar.module.css';

interface ToolbarProps {
  columns: readonly GridColumnMeta[];
  readOnly: boolean;
  onAddRow(): void;
  onFindReplace(): void;
}

/** Search, label filters, "Show only edited", the row restriction chip, and the row actions. */
export function Toolbar({ columns, readOnly, onAddRow, onFindReplace }: ToolbarProps) {
  const api = useTrainsetApi();
  const { editedOnly, only, filtering } = useTrainset((s) => ({
    editedOnly: s.editedOnly,
    only: s.only,
    filtering: Object.keys(s.filters).length > 0 || s.search.text !== '' || s.editedOnly || s.reviewFilter !== null || s.only !== null,
  }));
  return (
    <div className={styles.toolbar}>
      <div className={styles.group} role="group" aria-label="Find rows">
        <SearchBox columns={columns} />
        {columns
          .filter((c) => c.kind === 'label')
          .map((c) => (
            <LabelFilter key={c.col} column={c} />
          ))}
        <ReviewFilter />
        <label className={styles.toggle}>
          <input type="checkbox" checked={editedOnly} onChange={(e) => void api.getState().setEditedOnly(e.target.checked)} />
          Show only edited
        </label>
        {only && (
          <span className={styles.chip}>
            <span className={styles.chipLabel}>{only.label}</span>
            <button
              type="button"
              className={styles.chipClear}
              aria-label={`Clear “${only.label}”`}
              title="Show all rows again"
              onClick={() => void api.getState().clearOnly()}
            >
              <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                <path d="m3 3 6 6M9 3 3 9" stroke="currentColor" strokeWidth="1.6" />
              </svg>
            </button>
          </span>
        )}
        {filtering && (
          <button type="button" className="btn btn-small" onClick={() => void api.getState().clearView()}>
            Clear filters
          </button>
        )}
      </div>
      <div className={styles.group} role="group" aria-label="Change rows">
        <ReviewButton />
        <button type="button" className="btn" disabled={readOnly} onClick={onFindReplace}>
          Find and replace
        </button>
        <button type="button" className="btn" disabled={readOnly} onClick={onAddRow}>
          Add row
        </button>
      </div>
      {readOnly && (
        <p className={styles.readOnly} role="note">
          This dataset is open in another tab. The grid is read-only here: edit it in the other tab, or choose “Use this tab instead” above to edit here.
        </p>
      )}
    </div>
  );
}
