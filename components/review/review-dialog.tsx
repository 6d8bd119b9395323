'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ReviewOrder } from '@/lib/engine';
import { suggestionsOf } from '@/lib/store';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { jointLabels, matchLabels, sameLabel, type JointLabel } from './joint-labels';
import { CurrentExample } from './current-example';
import styles from './review.module.css';

const ORDERS: { value: ReviewOrder; label: string }[] = [
  { value: 'suspicious', label: 'Most suspicious first' },
  { value: 'file', label: 'File order' },
  { value: 'label', label: 'One label at a time' },
  { value: 'unreviewed', label: 'Only unreviewed' },
  { value: 'flagged', label: 'Only flagged for a second look' },
  { value: 'suspects', label: 'Only rows the model doubts' },
];

const numbers = new Intl.NumberFormat('en-US');

/** Keys typed into a field are the field's: the review's keys act only outside them. */
const inField = (e: KeyboardEvent): boolean => e.target instanceof HTMLElement && e.target.closest('input, textarea, select') !== null;

/**
 * The review mode, modelled on Argilla's focus view and Prodigy: one example at a time, the text
 * large, its labels, and where the model disagrees its suggestion. Keyboard first (the legend says
 * how); each decision is one undoable change and moves on to the next example.
 */
export function ReviewDialog() {
  const api = useTrainsetApi();
  const ref = useRef<HTMLDialogElement>(null);
  const currentRef = useRef<HTMLElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const { review, row, status, distribution, suspects, mapping, readOnly, suspectProgress } = useTrainset((s) => ({
    review: s.review,
    row: s.reviewRow,
    status: s.status,
    distribution: s.distribution,
    suspects: s.suspects,
    mapping: s.meta?.mapping ?? null,
    readOnly: s.otherTab,
    suspectProgress: s.suspectProgress,
  }));
  const [typed, setTyped] = useState('');
  const [editing, setEditing] = useState(false);
  const labels = useMemo(() => jointLabels(distribution), [distribution]);
  const listed = useMemo(() => matchLabels(labels, typed), [labels, typed]);
  const suggestion = useMemo(() => (row ? suggestionsOf({ suspects }).find((s) => s.rowId === row.id) : undefined), [row, suspects]);
  const stale = suspects !== null && suspects.revision !== status.revision;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // The example takes focus when the review opens and after each move, so the keys work at once.
  useEffect(() => {
    if (!editing) currentRef.current?.focus();
  }, [review?.index, row?.id, editing]);

  if (!review) return null;
  const state = api.getState();
  const colOf = (name: string): number => state.meta?.header.indexOf(name) ?? -1;
  const given: Record<string, string> = {};
  if (row && mapping) for (const name of mapping.labels) given[name] = row.cells[colOf(name)] ?? '';

  const pick = (label: JointLabel | undefined, suggested = false): void => {
    if (!label || readOnly) return;
    setTyped('');
    void state.reviewAct({ kind: 'label', label: label.values, suggested });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>): void => {
    if (e.nativeEvent.isComposing || e.altKey || editing) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !inField(e)) {
      e.preventDefault();
      void state.reviewUndo();
      return;
    }
    if (e.ctrlKey || e.metaKey || inField(e)) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    // Keep and flag are queued in turn and act on the example shown when their turn comes: a key
    // pressed while the next example (or a new order) is still loading is not dropped.
    const acts: Record<string, () => void> = {
      Enter: () => !readOnly && void state.reviewAct({ kind: 'keep' }),
      s: () => suggestion && pick({ values: suggestion.suggested, text: '', count: 0 }, true),
      f: () => !readOnly && void state.reviewAct({ kind: 'flag' }),
      e: () => !readOnly && row && setEditing(true),
      ArrowRight: () => void state.reviewGo(1),
      ArrowLeft: () => void state.reviewGo(-1),
      '/': () => findRef.current?.focus(),
    };
    if (/^[1-9]$/.test(key)) acts[key] = () => pick(listed[Number(key) - 1]);
    const act = acts[key];
    if (!act || (e.target instanceof HTMLButtonElement && key === 'Enter')) return;
    e.preventDefault();
    act();
  };

  const total = status.rows;
  const at = review.index + 1;
  const ended = review.index >= review.ids.length;
  return (
    <dialog ref={ref} className={`modal ${styles.dialog}`} aria-labelledby={`${id}-title`} onClose={() => state.closeReview()} onKeyDown={onKeyDown}>
      <header className={styles.header}>
        <h2 id={`${id}-title`} className={styles.title}>
          Review
        </h2>
        <label className={styles.order}>
          Order
          <select className="input" value={review.order} onChange={(e) => void state.setReviewOrder(e.target.value as ReviewOrder)}>
            {ORDERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.progress}>
          <p>
            <strong>
              {numbers.format(status.review.reviewed)} of {numbers.format(total)} reviewed
            </strong>
            {' · '}
            {numbers.format(status.review.flagged)} flagged
            {status.review.changed > 0 && ` · ${numbers.format(status.review.changed)} changed since review`}
          </p>
          <progress max={Math.max(1, total)} value={status.review.reviewed} aria-label="Rows reviewed" />
        </div>
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          Close
        </button>
      </header>

      <p className={styles.where} aria-live="polite">
        {ended ? `End of this list (${numbers.format(review.ids.length)} examples).` : `Example ${numbers.format(at)} of ${numbers.format(review.ids.length)}`}
        {review.scope && ' · the rows of the suspect-label finding'}
        {suspectProgress && !suspects && ` · looking for suspect labels… ${Math.round((100 * suspectProgress.done) / Math.max(1, suspectProgress.total))}%`}
        {stale && ' · the model’s suggestions are being updated after your changes'}
      </p>

      <CurrentExample
        ref={currentRef}
        row={ended ? null : row}
        ended={ended}
        given={given}
        suggestion={suggestion}
        readOnly={readOnly}
        editing={editing}
        textCol={mapping ? colOf(mapping.text) : -1}
        onEdited={(text) => {
          setEditing(false);
          if (text !== null) void state.reviewAct({ kind: 'text', text });
        }}
        onKeep={() => void state.reviewAct({ kind: 'keep' })}
        onSuggested={() => suggestion && pick({ values: suggestion.suggested, text: '', count: 0 }, true)}
        onFlag={() => void state.reviewAct({ kind: 'flag' })}
        onEdit={() => setEditing(true)}
        onPrevious={() => void state.reviewGo(-1)}
        onNext={() => void state.reviewGo(1)}
        onUndo={() => void state.reviewUndo()}
        canUndo={status.canUndo && !readOnly}
      />

      <section className={styles.labels} aria-labelledby={`${id}-labels`}>
        <h3 id={`${id}-labels`} className={styles.subtitle}>
          Labels
        </h3>
        <input
          ref={findRef}
          className="input"
          type="search"
          placeholder="Type to find a label (/)"
          aria-label="Find a label"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              pick(listed[0]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setTyped('');
              currentRef.current?.focus();
            }
          }}
        />
        <ol className={styles.labelList} aria-label="Pick a label">
          {listed.slice(0, 30).map((l, i) => (
            <li key={l.text}>
              <button
                type="button"
                className={`btn btn-small ${styles.labelButton} ${row && sameLabel(l.values, given) ? styles.currentLabel : ''}`}
                disabled={readOnly || !row || ended}
                onClick={() => pick(l)}
              >
                {i < 9 && <kbd className={styles.key}>{i + 1}</kbd>} {l.text} <span className={styles.count}>{numbers.format(l.count)}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>

      <p className={styles.legend} id={`${id}-keys`}>
        <kbd>Enter</kbd> keep the labels · <kbd>S</kbd> use the suggestion · <kbd>1</kbd>–<kbd>9</kbd> pick a label (<kbd>/</kbd> to type one) · <kbd>F</kbd>{' '}
        flag for a second look · <kbd>E</kbd> edit the text · <kbd>←</kbd>/<kbd>→</kbd> previous/next · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Esc</kbd> close
      </p>
    </dialog>
  );
}
