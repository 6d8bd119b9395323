'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import type { GridColumnMeta } from './columns';
import { changedPart, labelChangeWarning, replaceByColumn, replaceMessage, replaceSummary } from './format';
import { useReplacePlan } from './use-replace-plan';
import styles from './find-replace.module.css';
import { ColumnOptions } from './column-options';

interface FindReplaceProps {
  columns: readonly GridColumnMeta[];
  readOnly: boolean;
  onClose(): void;
  onReplaced(message: string): void;
}

const SHOWN = 8;

/**
 * Find and replace in a modal <dialog> (the browser traps focus, makes the page inert and closes
 * on Escape): plain text or a regular expression, in one column or all, with a live preview of the
 * count and the first changes. "Replace all" is one edit, so one undo step.
 */
export function FindReplaceDialog({ columns, readOnly, onClose, onReplaced }: FindReplaceProps) {
  const api = useTrainsetApi();
  const header = useTrainset((s) => s.meta?.header ?? []);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  // The text column by default: replacing in all columns would rename labels ("order" in ORDER, track_order).
  const [col, setCol] = useState<number | null>(() => columns.find((c) => c.kind === 'text')?.col ?? null);
  const [applying, setApplying] = useState(false);
  const query = { find, replace, regex, caseSensitive, col };
  const { plan, pending } = useReplacePlan(query);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const canApply = !readOnly && !pending && !applying && plan?.ok === true && plan.cells > 0;
  const apply = async () => {
    if (!canApply || !plan.ok) return;
    setApplying(true);
    await api.getState().edit({ kind: 'replace', query });
    onReplaced(`Replaced ${replaceSummary(plan.cells, plan.rows)}.`);
    ref.current?.close();
  };

  const error = plan && !plan.ok ? plan.error : null;
  const warning = plan?.ok ? labelChangeWarning(plan.perColumn, columns) : null;
  return (
    <dialog ref={ref} className={`modal ${styles.dialog}`} aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <h2 id={`${id}-title`} className={styles.title}>
          Find and replace
        </h2>
        <label className={styles.field}>
          <span>Find</span>
          <input
            className="input"
            value={find}
            autoFocus
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setFind(e.target.value)}
          />
        </label>
        <label className={styles.field}>
          <span>Replace with</span>
          <input className="input" value={replace} spellCheck={false} onChange={(e) => setReplace(e.target.value)} />
        </label>
        <div className={styles.options}>
          <label className={styles.check}>
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
            Regular expression
          </label>
          <label className={styles.check}>
            <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />
            Match case
          </label>
          <label className={styles.inline}>
            <span>In</span>
            <select className="select" value={col ?? ''} onChange={(e) => setCol(e.target.value === '' ? null : Number(e.target.value))}>
              <ColumnOptions columns={columns} />
            </select>
          </label>
        </div>

        <section className={styles.preview} aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`} className="visually-hidden">
            Preview
          </h3>
          <p className={error ? styles.error : styles.summary} id={`${id}-error`} role="status" aria-live="polite">
            {replaceMessage(find, plan)}
            {plan?.ok && plan.perColumn.length > 1 && ` ${replaceByColumn(plan.perColumn, columns)}.`}
          </p>
          {warning && <p className={styles.warning}>{warning}</p>}
          {plan?.ok && plan.preview.length > 0 && (
            <ol className={styles.changes} aria-label="First changes">
              {plan.preview.slice(0, SHOWN).map((p) => {
                const part = changedPart(p.before, p.after);
                return (
                  <li key={`${p.id}:${p.col}`} className={styles.change}>
                    <span className={styles.where}>{header[p.col]}</span>
                    <del className={styles.before} title={p.before}>
                      {part.before}
                    </del>
                    <span aria-hidden="true" className={styles.arrow}>
                      →
                    </span>
                    <span className="visually-hidden">becomes</span>
                    <ins className={styles.after} title={p.after}>
                      {p.after === '' ? '(empty)' : part.after}
                    </ins>
                  </li>
                );
              })}
            </ol>
          )}
          {plan?.ok && plan.cells > SHOWN && <p className={styles.more}>and {(plan.cells - SHOWN).toLocaleString('en-US')} more</p>}
        </section>

        <div className={styles.actions}>
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!canApply}>
            {applying ? 'Replacing…' : 'Replace all'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
