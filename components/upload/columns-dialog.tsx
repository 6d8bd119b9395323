'use client';

import { useEffect, useRef } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import type { ColumnDifference } from '@/lib/sources';
import styles from './sheet-dialog.module.css';

/** At most this many files are listed; the rest are a count. */
const LISTED = 8;

const quoted = (cols: string[]): string => cols.map((c) => `“${c}”`).join(', ');

/**
 * Asked after several files whose columns differ are opened: what differs, file by file, and how
 * to combine them (every column, a file's missing cells empty; or only the columns all files have).
 * Nothing is loaded until then; Escape or Cancel keeps whatever was open.
 */
export function ColumnsDialog() {
  const { choice, chooseCombine, cancel } = useTrainset((s) => ({ choice: s.columnsChoice, chooseCombine: s.chooseCombine, cancel: s.cancelCombine }));
  const ref = useRef<HTMLDialogElement>(null);
  const allRef = useRef<HTMLButtonElement>(null);
  const open = choice !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      allRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`modal ${styles.dialog}`}
      aria-labelledby="columns-dialog-title"
      aria-describedby="columns-dialog-body"
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      {choice && (
        <div className={styles.content}>
          <h2 id="columns-dialog-title" className={styles.title}>
            The files do not have the same columns
          </h2>
          <p id="columns-dialog-body" className={styles.body}>
            {choice.files} files were opened as one dataset. Compared with <strong>{choice.first}</strong>:
          </p>
          <ul className={styles.sheets} aria-label="How the columns differ">
            {choice.differences.slice(0, LISTED).map((d) => (
              <li key={d.file} className={styles.sheet}>
                <span>
                  <strong>{d.file}</strong> {describe(d)}
                </span>
              </li>
            ))}
            {choice.differences.length > LISTED && <li className={styles.sheet}>and {choice.differences.length - LISTED} more files differ.</li>}
          </ul>
          <p className={styles.body}>Nothing is loaded until you choose. Each row keeps its file in a last column, “source”.</p>
          <div className={styles.actions}>
            <button type="button" className="btn" onClick={cancel}>
              Cancel
            </button>
            <button type="button" className="btn" onClick={() => void chooseCombine('shared')}>
              Keep the shared columns
            </button>
            <button ref={allRef} type="button" className="btn btn-primary" onClick={() => void chooseCombine('all')}>
              Keep every column
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

function describe(d: ColumnDifference): string {
  const parts: string[] = [];
  if (d.missing.length > 0) parts.push(`has no ${quoted(d.missing)} (left empty if kept)`);
  if (d.extra.length > 0) parts.push(`has ${quoted(d.extra)}, which the first file has not`);
  return parts.join('; ');
}
