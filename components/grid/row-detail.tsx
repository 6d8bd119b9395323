'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { RowView } from '@/lib/engine';
import { useTrainsetApi } from '@/components/store/store-provider';
import type { GridColumnMeta } from './columns';
import { LabelCombobox } from './label-combobox';
import styles from './row-detail.module.css';

const counts = new Intl.NumberFormat('en-US');

interface RowDetailProps {
  columns: readonly GridColumnMeta[];
  /** The row as it was when the view opened; its id is what the edits name. */
  row: RowView;
  readOnly: boolean;
  onClose(): void;
}

/**
 * One row in a modal <dialog>, for a text too long for its cell: the whole text in a large field
 * and the row's labels. Save writes what changed as one undo step; Escape
 * or Cancel leaves the row as it was. A label is taken as in the grid's combobox: picked from the
 * list, typed exactly, or created with “Create …”; a half-typed label goes back to the row's
 * value when the field is left.
 */
export function RowDetail({ columns, row, readOnly, onClose }: RowDetailProps) {
  const api = useTrainsetApi();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const fields = columns.filter((c) => c.kind === 'text' || c.kind === 'label');
  const [initial] = useState(() => fields.map((c) => row.cells[c.col] ?? ''));
  // What Save writes (set at once by handlers, so a Ctrl+Enter right after a pick sees it) and what the fields show.
  const values = useRef([...initial]);
  const [shown, setShown] = useState(initial);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const show = (i: number, text: string) => setShown((s) => s.map((v, k) => (k === i ? text : v)));
  const take = (i: number, value: string) => {
    values.current[i] = value;
    show(i, value);
  };
  const leaveLabel = (i: number, col: number) => {
    const typed = shown[i]?.trim() ?? '';
    const known = api.getState().values[col]?.some((v) => v.value === typed) ?? false;
    take(i, known ? typed : values.current[i]!);
  };

  const save = async () => {
    if (readOnly || saving) return;
    setSaving(true);
    // One undo step for the whole row, however many of its cells changed.
    const cells = fields.flatMap((c, i) => (values.current[i] !== initial[i] ? [{ col: c.col, value: values.current[i]! }] : []));
    if (cells.length > 0) await api.getState().edit({ kind: 'set-row', id: row.id, cells });
    ref.current?.close();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
    }
  };

  const texts = fields.flatMap((c, i) => (c.kind === 'text' ? [{ c, i }] : []));
  const labels = fields.flatMap((c, i) => (c.kind === 'label' ? [{ c, i }] : []));
  return (
    <dialog ref={ref} className={`modal ${styles.dialog}`} aria-labelledby={`${id}-title`} onClose={onClose} data-popup-bounds="">
      <form
        method="dialog"
        className={styles.form}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={`${id}-title`} className={styles.title}>
          Row {row.number}
        </h2>
        {texts.map(({ c, i }, k) => (
          <div key={c.col} className={styles.textField}>
            <div className={styles.fieldHead}>
              <label htmlFor={`${id}-${i}`} className={styles.name}>
                {c.title}
              </label>
              <span className={styles.muted}>{counts.format(shown[i]!.length)} characters</span>
            </div>
            <textarea
              id={`${id}-${i}`}
              className={`input ${styles.text} ${texts.length > 1 ? styles.half : ''}`}
              value={shown[i]}
              readOnly={readOnly}
              aria-describedby={`${id}-help`}
              autoFocus={k === 0}
              // Opened to read: the caret at the start, the text from its first line.
              onFocus={(e) => k === 0 && e.currentTarget.setSelectionRange(0, 0)}
              onChange={(e) => take(i, e.target.value)}
            />
          </div>
        ))}
        {labels.length > 0 && (
          <div className={styles.labels}>
            {labels.map(({ c, i }) => (
              <div key={c.col} className={styles.labelField}>
                <span className={styles.name} aria-hidden="true">
                  {c.title}
                </span>
                {readOnly ? (
                  <input className="input" aria-label={c.title} value={shown[i]} readOnly />
                ) : (
                  <LabelCombobox
                    col={c.col}
                    label={c.title}
                    text={shown[i]!}
                    onTextChange={(t) => show(i, t)}
                    onPick={(v) => take(i, v)}
                    onEscape={() => ref.current?.close()}
                    onBlur={() => leaveLabel(i, c.col)}
                    variant="bar"
                  />
                )}
              </div>
            ))}
          </div>
        )}
        <p id={`${id}-help`} className={styles.muted}>
          Enter starts a new line. Ctrl+Enter (⌘+Enter on a Mac) saves, Escape closes without saving.
        </p>
        <div className={styles.actions}>
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={readOnly || saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
