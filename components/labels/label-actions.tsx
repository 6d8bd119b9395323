'use client';

import { useId, useState, type FormEvent } from 'react';
import { formatCount } from '@/components/app/format';
import type { Distribution, EditOp } from '@/lib/engine';
import { checkLabelName, labelName, moveOp, relabelOp, rowsConcerned, type LabelItem, type SelectionActions } from './label-list';
import styles from './labels.module.css';

interface Props {
  chosen: readonly LabelItem[];
  /** Of `chosen`, how many Find hides from the list. */
  hidden: number;
  actions: SelectionActions;
  distribution: Distribution;
  /** Label column indexes, top level first. */
  cols: readonly number[];
  readOnly: boolean;
  onApply(op: EditOp, done: string): Promise<void>;
  onClear(): void;
}

/** The forms for the ticked labels: rename one, merge several, move sub-labels under another parent. */
export function LabelActions({ chosen, hidden, actions, distribution, cols, readOnly, onApply, onClear }: Props) {
  const id = useId();
  const [name, setName] = useState(actions.rename ? (chosen[0]?.value ?? '') : (actions.mostRows ?? ''));
  const [parent, setParent] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'parent'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (chosen.length === 0) {
    return (
      <p className={styles.hint}>
        Tick one label to rename it, several to merge them{distribution.nested ? ', or sub-labels to move them under another parent' : ''}.
      </p>
    );
  }
  if (actions.problem) return <p className={styles.problem}>{actions.problem}</p>;

  const level = chosen[0]!.level;
  const column = distribution.labels[level]!;
  const existing = distribution.counts[level]?.values ?? [];
  const rows = rowsConcerned(chosen);
  const what = chosen.length === 1 ? `${column} ${quoted(chosen[0]!.value)}${under(chosen[0]!)}` : `${chosen.length} ${column} labels`;
  const parentColumn = distribution.labels[0]!;

  const run = async (op: EditOp, done: string): Promise<void> => {
    setBusy(true);
    try {
      await onApply(op, done);
    } finally {
      setBusy(false);
    }
  };

  const submitName = (e: FormEvent): void => {
    e.preventDefault();
    const checked = checkLabelName(name);
    if (!checked.ok) {
      setError({ field: 'name', text: checked.error });
      return;
    }
    const verb = actions.merge ? 'Merged' : 'Renamed';
    void run(relabelOp(chosen, checked.name, cols), `${verb} ${what} to ${quoted(checked.name)}.`);
  };

  const submitMove = (e: FormEvent): void => {
    e.preventDefault();
    if (parent === '') {
      setError({ field: 'parent', text: `Choose the ${parentColumn} to move to.` });
      return;
    }
    void run(moveOp(chosen, parent, cols), `Moved ${what} to ${parentColumn} ${quoted(parent)}.`);
  };

  const trimmed = name.trim();
  // Under one parent, a rename joins the label only where it already sits under that parent.
  const siblings = chosen.every((c) => c.parent !== undefined && c.parent === chosen[0]!.parent)
    ? (distribution.nested?.find((n) => n.parent === chosen[0]!.parent)?.children ?? [])
    : existing;
  const joins = trimmed !== '' && !chosen.some((c) => c.value === trimmed) ? siblings.find((v) => v.value === trimmed) : undefined;
  // Moving to a parent a sub-label is already under changes nothing for it: not offered.
  const currentParents = new Set(chosen.map((c) => c.parent));
  const parents = (distribution.counts[0]?.values ?? []).filter((v) => !(currentParents.size === 1 && currentParents.has(v.value)));
  const target = distribution.nested?.find((n) => n.parent === parent);
  const alreadyThere = parent === '' ? [] : chosen.filter((c) => target?.children.some((ch) => ch.value === c.value));
  const nameError = error?.field === 'name' ? error.text : null;
  const parentError = error?.field === 'parent' ? error.text : null;
  const nameLabel = actions.merge ? 'Merge into' : 'New name';
  return (
    <div className={styles.actions}>
      <p className={styles.selection}>
        <strong>{what}</strong> selected · {formatCount(rows)} {rows === 1 ? 'row' : 'rows'}
        {hidden > 0 ? ` (${hidden} hidden by Find)` : ''}{' '}
        <button type="button" className="link-button" onClick={onClear}>
          Clear selection
        </button>
      </p>
      {(actions.rename || actions.merge) && (
        <form className={styles.form} onSubmit={submitName}>
          <label htmlFor={`${id}-name`}>{nameLabel}</label>
          <input
            id={`${id}-name`}
            className="input"
            list={`${id}-values`}
            value={name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${id}-note${nameError ? ` ${id}-error` : ''}`}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          <datalist id={`${id}-values`}>
            {existing.slice(0, 200).map((v) => (
              <option key={v.value} value={v.value} />
            ))}
          </datalist>
          <button type="submit" className="btn btn-primary" disabled={readOnly || busy}>
            {actions.merge ? 'Merge' : 'Rename'}
          </button>
          <p id={`${id}-note`} className={styles.note}>
            {joins
              ? `${quoted(trimmed)} already exists (${formatCount(joins.count)} rows${chosen[0]!.parent !== undefined ? ` under ${quoted(chosen[0]!.parent)}` : ''}): these rows join it.`
              : chosen.some((c) => c.parent !== undefined && (c.parents ?? 0) > 1)
                ? `Only under the ${distribution.labels[0]} shown; the same ${column} under other ${distribution.labels[0]} values stays as it is.`
                : `Every row with ${chosen.length === 1 ? 'this label' : 'these labels'} changes.`}
          </p>
        </form>
      )}
      {actions.move && (
        <form className={styles.form} onSubmit={submitMove}>
          <label htmlFor={`${id}-parent`}>Move under</label>
          <select
            id={`${id}-parent`}
            className="select"
            value={parent}
            aria-invalid={parentError ? true : undefined}
            aria-describedby={`${id}-move-note${parentError ? ` ${id}-error` : ''}`}
            onChange={(e) => {
              setParent(e.target.value);
              setError(null);
            }}
          >
            <option value="">Choose a {parentColumn}…</option>
            {parents.map((v) => (
              <option key={v.value} value={v.value}>
                {labelName(v.value)} ({formatCount(v.count)})
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={readOnly || busy}>
            Move
          </button>
          <p id={`${id}-move-note`} className={styles.note}>
            {chosen.some((c) => c.parent === undefined)
              ? `Every row with ${chosen.length === 1 ? 'this' : 'these'} ${column}, under every ${parentColumn}, moves; the ${column} stays.`
              : `The rows move with their ${column}, which stays as it is.`}
            {alreadyThere.length > 0
              ? ` ${alreadyThere.map((c) => quoted(c.value)).join(', ')} already ${alreadyThere.length === 1 ? 'sits' : 'sit'} under ${quoted(parent)}: the rows join ${alreadyThere.length === 1 ? 'it' : 'them'}.`
              : ''}
          </p>
        </form>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className={styles.problem}>
          {error.text}
        </p>
      )}
      {readOnly && <p className={styles.note}>This dataset is open in another tab: changes are paused here.</p>}
    </div>
  );
}

/** A label in a sentence: in quotes, "(empty)" for none. */
const quoted = (value: string): string => (value === '' ? '(empty)' : `“${value}”`);
const under = (item: LabelItem): string => (item.parent !== undefined ? ` under ${quoted(item.parent)}` : '');
