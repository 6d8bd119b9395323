'use client';

import { forwardRef, useState } from 'react';
import type { RowView } from '@/lib/engine';
import type { SuspectLabel } from '@/lib/quality';
import styles from './review.module.css';

const STATUS_TEXT = { unreviewed: 'Not reviewed yet', reviewed: 'Reviewed', flagged: 'Flagged for a second look', changed: 'Changed since review' } as const;

interface CurrentExampleProps {
  row: RowView | null;
  ended: boolean;
  /** The row's labels by label column. */
  given: Record<string, string>;
  suggestion: SuspectLabel | undefined;
  readOnly: boolean;
  editing: boolean;
  textCol: number;
  canUndo: boolean;
  /** The edited text, or null when the edit was cancelled. */
  onEdited(text: string | null): void;
  onKeep(): void;
  onSuggested(): void;
  onFlag(): void;
  onEdit(): void;
  onPrevious(): void;
  onNext(): void;
  onUndo(): void;
}

const labelText = (values: Record<string, string>): string => Object.values(values).join(' › ');

/** The example under review: its text large, its labels, the model's suggestion where it disagrees, and the actions (with their keys). */
export const CurrentExample = forwardRef<HTMLElement, CurrentExampleProps>(function CurrentExample(props, ref) {
  const { row, ended, given, suggestion, readOnly, editing, textCol } = props;
  return (
    <section ref={ref} className={styles.current} role="region" aria-label="Current example" tabIndex={-1}>
      {ended || !row ? (
        <p className={styles.muted}>{ended ? 'No more examples in this order. Choose another order, or go back with ←.' : 'Loading…'}</p>
      ) : (
        <>
          <p className={styles.meta}>
            Row {row.number} · <span className={styles[row.review]}>{STATUS_TEXT[row.review]}</span>
          </p>
          {editing ? <TextEditor text={row.cells[textCol] ?? ''} onDone={props.onEdited} /> : <p className={styles.text}>{row.cells[textCol] ?? ''}</p>}
          <p className={styles.given}>
            Labels: <strong>{labelText(given)}</strong>
          </p>
          {suggestion && (
            <p className={styles.suggestion}>
              The model suggests <strong>{labelText(suggestion.suggested)}</strong> ({Math.round(suggestion.confidence * 100)}% sure; it gives the current
              labels {Math.round(suggestion.selfConfidence * 100)}%)
            </p>
          )}
        </>
      )}
      <div className={styles.actions} role="group" aria-label="Decide">
        <button type="button" className="btn btn-primary" disabled={readOnly || !row || ended} onClick={props.onKeep} aria-keyshortcuts="Enter">
          Keep labels <kbd>Enter</kbd>
        </button>
        {suggestion && (
          <button type="button" className="btn" disabled={readOnly || ended} onClick={props.onSuggested} aria-keyshortcuts="S">
            Use suggestion <kbd>S</kbd>
          </button>
        )}
        <button type="button" className="btn" disabled={readOnly || !row || ended} onClick={props.onFlag} aria-keyshortcuts="F">
          Flag <kbd>F</kbd>
        </button>
        <button type="button" className="btn" disabled={readOnly || !row || ended || editing} onClick={props.onEdit} aria-keyshortcuts="E">
          Edit text <kbd>E</kbd>
        </button>
        <button type="button" className="btn" onClick={props.onPrevious} aria-keyshortcuts="ArrowLeft">
          Previous <kbd>←</kbd>
        </button>
        <button type="button" className="btn" disabled={ended} onClick={props.onNext} aria-keyshortcuts="ArrowRight">
          Next <kbd>→</kbd>
        </button>
        <button type="button" className="btn" disabled={!props.canUndo} onClick={props.onUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
      </div>
    </section>
  );
});

/** The text in a field: Ctrl+Enter (or Save) keeps the edit, Escape drops it. */
function TextEditor({ text, onDone }: { text: string; onDone(text: string | null): void }) {
  const [value, setValue] = useState(text);
  return (
    <div className={styles.editor}>
      <textarea
        className={`input ${styles.textField}`}
        aria-label="Text"
        value={value}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onDone(value);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone(null);
          }
        }}
      />
      <div className={styles.editorActions}>
        <button type="button" className="btn btn-small btn-primary" onClick={() => onDone(value)}>
          Save text
        </button>
        <button type="button" className="btn btn-small" onClick={() => onDone(null)}>
          Cancel
        </button>
        <span className={styles.muted}>Ctrl+Enter saves, Escape cancels.</span>
      </div>
    </div>
  );
}
