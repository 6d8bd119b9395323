'use client';

import { useMemo } from 'react';
import type { SplitPreview } from '@/lib/engine';
import { splitRows } from './chart-data';
import { SplitChart } from './split-chart';
import { sentence, summaryText } from '@/components/export/export-form';
import { useTrainset } from '@/components/store/store-provider';
import styles from './charts.module.css';

const numbers = new Intl.NumberFormat('en-US');

/** How many validation examples have a copy (exact or near) in the training file, from the split-leakage check. */
function Leakage() {
  const leakage = useTrainset((s) => s.slowChecks?.checks.find((c) => c.id === 'split-leakage')?.details?.leakage);
  if (!leakage) return null;
  const copies = leakage.exact + leakage.near;
  return (
    <p className={styles.explain} role="note">
      <strong>
        {numbers.format(copies)} of {numbers.format(leakage.validation)} validation examples
      </strong>{' '}
      have a copy in train.jsonl ({numbers.format(leakage.exact)} exact, {numbers.format(leakage.near)} near-duplicates at{' '}
      {Math.round(leakage.similarity * 100)}% similarity or more): the model has seen them, so the validation score looks better than it is.
    </p>
  );
}

/** What keeping near-copies in one file changed in scikit-learn's split (the opt-in of the Split settings). */
function Keeping({ keeping }: { keeping: NonNullable<Extract<SplitPreview, { ok: true }>['keeping']> }) {
  const { groupsSplit, rowsMoved, rowsSwapped, classChanges } = keeping;
  return (
    <p className={styles.explain} role="note">
      <strong>Near-duplicates kept on one side.</strong>{' '}
      {groupsSplit === 0
        ? 'No group of copies was split across the files: the files are scikit-learn’s.'
        : `${numbers.format(groupsSplit)} ${groupsSplit === 1 ? 'group was' : 'groups were'} split across the files: ${numbers.format(rowsMoved)} ${rowsMoved === 1 ? 'row moved' : 'rows moved'} to join ${groupsSplit === 1 ? 'its group' : 'their groups'} and ${numbers.format(rowsSwapped)} came back the other way` +
          (classChanges > 0 ? ` (${numbers.format(classChanges)} of another class: none of the same class was free).` : ', each of the same class.') +
          (rowsSwapped < rowsMoved ? ' No row was free to trade for the rest, so the file sizes changed.' : '')}
    </p>
  );
}

/**
 * Train and validation rows per class for the current export settings, or why there is no split.
 * Free-text answers (`freeText`) are not classes: only the totals are shown.
 */
export function SplitView({ split, column, tableView, freeText }: { split: SplitPreview; column: string; tableView: boolean; freeText: boolean }) {
  const rows = useMemo(() => (split.ok ? splitRows(split.classes) : []), [split]);

  if (!split.ok) {
    const first = split.problems[0];
    const others = split.problemCount - 1;
    return (
      <div className={styles.view}>
        <h3 className={styles.heading}>No split for these settings</h3>
        <p className={styles.problem}>{first ? sentence(first.message) : 'The export cannot be made.'}</p>
        {others > 0 && (
          <p className={styles.muted}>
            and {others} more {others === 1 ? 'problem' : 'problems'}: see “Fix these before exporting” in the Export panel.
          </p>
        )}
      </div>
    );
  }

  return (
    <div className={styles.view}>
      <h3 className={styles.heading}>{summaryText(split)}</h3>
      <p className={styles.explain}>
        {freeText
          ? 'Random split: the answers are free text, so there are no classes to keep in proportion.'
          : split.stratifiedBy
            ? `Stratified by ${split.stratifiedBy}: each ${split.stratifiedBy === column ? column : `${split.stratifiedBy} combination`} keeps its share in both files.`
            : `Random split: a ${column}'s share can differ between the two files.`}
      </p>
      {split.keeping ? <Keeping keeping={split.keeping} /> : <Leakage />}
      {!freeText && (
        <SplitChart
          rows={rows}
          column={column}
          noun={`${column} values`}
          caption={`Rows per ${column} in train.jsonl and validation.jsonl.`}
          tableView={tableView}
        />
      )}
    </div>
  );
}
