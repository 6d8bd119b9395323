'use client';

import { useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import type { GridColumnMeta } from './columns';
import { countOf } from './format';
import { LabelCombobox } from './label-combobox';
import type { RowSelection } from './use-row-selection';
import styles from './bulk-bar.module.css';

interface BulkBarProps {
  columns: readonly GridColumnMeta[];
  rows: RowSelection;
  readOnly: boolean;
  onDone(message: string): void;
  /** The bar is going away (selection cleared or rows deleted): focus goes back to the grid. */
  onDismiss(): void;
}

/**
 * What to do with the selected rows: set a label on all of them (one `set-column` edit, so one
 * undo step), delete them (after a confirmation, also one step), or clear the selection.
 */
export function BulkBar({ columns, rows, readOnly, onDone, onDismiss }: BulkBarProps) {
  const api = useTrainsetApi();
  const { length, filtered } = useTrainset((s) => ({
    length: s.length,
    filtered: Object.keys(s.filters).length > 0 || s.search.text !== '' || s.editedOnly || s.only !== null,
  }));
  const labels = columns.filter((c) => c.kind === 'label');
  const [col, setCol] = useState(labels[0]?.col ?? -1);
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const target = labels.find((c) => c.col === col) ?? labels[0];
  const n = countOf(rows.count, 'row');

  const run = async (action: (ids: number[]) => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await action(await rows.resolve()));
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const apply = () =>
    target &&
    value.trim() !== '' &&
    run(async (ids) => {
      await api.getState().edit({ kind: 'set-column', ids, col: target.col, value: value.trim() });
      return `Set ${target.title} to “${value.trim()}” on ${countOf(ids.length, 'row')}.`;
    });
  const remove = () =>
    run(async (ids) => {
      await api.getState().edit({ kind: 'delete', ids });
      rows.forget(ids);
      setConfirming(false);
      onDismiss();
      return `Deleted ${countOf(ids.length, 'row')}. Undo brings ${ids.length === 1 ? 'it' : 'them'} back.`;
    });

  return (
    <div className={styles.bar} role="region" aria-label="Selected rows">
      <strong className={styles.count}>{rows.count.toLocaleString('en-US')} selected</strong>
      {filtered && rows.selection.kind !== 'all' && length > rows.count && (
        <button type="button" className="btn btn-small" onClick={rows.selectAllMatching}>
          Select all {countOf(length, 'matching row')}
        </button>
      )}
      {confirming ? (
        <div className={styles.confirm} role="alert">
          <strong>Delete {n}? You can undo this.</strong>
          <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => void remove()} autoFocus>
            Delete {n}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <>
          {target && (
            <div className={styles.setLabel}>
              <span aria-hidden="true">Set</span>
              {labels.length > 1 ? (
                <select className="select" aria-label="Label column to set" value={target.col} onChange={(e) => setCol(Number(e.target.value))}>
                  {labels.map((c) => (
                    <option key={c.col} value={c.col}>
                      {c.title}
                    </option>
                  ))}
                </select>
              ) : (
                <span aria-hidden="true">{target.title}</span>
              )}
              <span aria-hidden="true">to</span>
              <div className={styles.combo}>
                <LabelCombobox
                  col={target.col}
                  label={`Set ${target.title} to`}
                  text={value}
                  onTextChange={setValue}
                  onPick={setValue}
                  variant="bar"
                  placeholder="Pick or type a value"
                />
              </div>
              <button type="button" className="btn btn-small btn-primary" disabled={readOnly || busy || value.trim() === ''} onClick={() => void apply()}>
                Apply
              </button>
            </div>
          )}
          <button type="button" className="btn btn-small btn-danger" disabled={readOnly || busy} onClick={() => setConfirming(true)}>
            Delete rows
          </button>
        </>
      )}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          rows.clear();
          onDismiss();
        }}
      >
        Clear selection
      </button>
      {busy && <span className={styles.muted}>Working…</span>}
      {(problem ?? rows.error) && (
        <span className={styles.problem} role="alert">
          {problem ?? rows.error}
        </span>
      )}
    </div>
  );
}
