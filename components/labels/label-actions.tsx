'use client';

import { useId, useState, type FormEvent } from 'react';
import { displayValue } from '@/components/charts/chart-data';
import { formatCount } from '@/components/export/export-form';
import type { Distribution, EditOp } from '@/lib/engine';
import { checkLabelName, moveOp, relabelOp, rowsConcerned, type LabelItem, type SelectionActions } from './label-list';
import styles from './labels.module.css';

interface Props {
  chosen: readonly LabelItem[];
  actions: SelectionActions;
  distribution: Distribution;
  /** Label column indexes, top level first. */
  cols: readonly number[];
  readOnly: boolean;
  onApply(op: EditOp, done: string): Promise<void>;
  onClear(): void;
}

/** The forms for the ticked labels: rename one, merge several, move sub-labels under another parent. */
export function LabelActions({ chosen, actions, distribution, cols, readOnly, onApply, onClear }: Props) {
  const id = useId();
  const [name, setName] = useState(actions.rename ? (chosen[0]?.value ?? '') : (actions.mostRows ?? ''));
  const [parent, setParent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (chosen.length === 0) {
    return <p className={styles.hint}>Tick one label to rename it, several to merge them{distribution.nested ? ', or sub-labels to move them under another parent' : ''}.</p>;
  }
  if (actions.problem) return <p className={styles.problem}>{actions.problem}</p>;

  const level = chosen[0]!.level;
  const column = distribution.labels[level]!;
  const existing = distribution.counts[level]?.values ?? [];
  const rows = rowsConcerned(chosen);
  const what = chosen.length === 1 ? `${column} ${JSON.stringify(chosen[0]!.value)}${under(chosen[0]!)}` : `${chosen.length} ${column} labels`;

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
      setError(checked.error);
      return;
    }
    const verb = actions.merge ? 'Merged' : 'Renamed';
    void run(relabelOp(chosen, checked.name, cols), `${verb} ${what} to ${JSON.stringify(checked.name)}.`);
  };

  const submitMove = (e: FormEvent): void => {
    e.preventDefault();
    if (parent === '') {
      setError(`Choose the ${distribution.labels[0]} to move to.`);
      return;
    }
    void run(moveOp(chosen, parent, cols), `Moved ${what} to ${distribution.labels[0]} ${JSON.stringify(parent)}.`);
  };

  const trimmed = name.trim();
  const joins = trimmed !== '' && !chosen.some((c) => c.value === trimmed) ? existing.find((v) => v.value === trimmed) : undefined;
  const nameLabel = actions.merge ? 'Merge into' : 'New name';
  return (
    <div className={styles.actions}>
      <p className={styles.selection}>
        <strong>{what}</strong> selected · {formatCount(rows)} {rows === 1 ? 'row' : 'rows'}{' '}
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
            aria-invalid={error !== null && !actions.move ? true : undefined}
            aria-describedby={`${id}-note`}
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
              ? `${JSON.stringify(trimmed)} already exists (${formatCount(joins.count)} rows): these rows join it.`
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
            onChange={(e) => {
              setParent(e.target.value);
              setError(null);
            }}
          >
            <option value="">Choose a {distribution.labels[0]}…</option>
            {(distribution.counts[0]?.values ?? []).map((v) => (
              <option key={v.value} value={v.value}>
                {displayValue(v.value)} ({formatCount(v.count)})
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={readOnly || busy}>
            Move
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className={styles.problem}>
          {error}
        </p>
      )}
      {readOnly && <p className={styles.note}>This dataset is open in another tab: changes are paused here.</p>}
    </div>
  );
}

const under = (item: LabelItem): string => (item.parent !== undefined ? ` under ${JSON.stringify(item.parent)}` : '');
