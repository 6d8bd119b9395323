'use client';

import { useId, useMemo, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { formatCount } from '@/components/app/format';
import type { Distribution } from '@/lib/engine';
import { childRows, chosenParent, countRows, displayValue, singleFilter } from './chart-data';
import { CountChart } from './count-chart';
import styles from './charts.module.css';

/**
 * Rows per value of the first label column and, with two label columns, the second-level values
 * within one first-level value. Clicking (or pressing) a bar filters the grid to it.
 */
export function LabelsView({ distribution, tableView }: { distribution: Distribution; tableView: boolean }) {
  const api = useTrainsetApi();
  const header = useTrainset((s) => s.meta?.header ?? []);
  const filters = useTrainset((s) => s.filters);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();

  const first = distribution.counts[0];
  const second = distribution.counts[1];
  const rows = useMemo(() => countRows(first?.values ?? []), [first]);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (!first) return <p className={styles.muted}>No label column is mapped.</p>;

  const col0 = header.indexOf(first.column);
  const col1 = second ? header.indexOf(second.column) : -1;
  const filtered0 = singleFilter(filters, col0);
  const parent = chosenParent(distribution.nested, chosen, filtered0);
  const children = childRows(distribution.nested, parent);
  const filtered1 = parent !== null && filtered0 === parent ? singleFilter(filters, col1) : null;

  const selectFirst = (value: string): void => {
    if (col0 < 0) return;
    const { filters: now, setFilter } = api.getState();
    // A sub-category filter from an earlier click would hide every row of another category.
    if (col1 >= 0 && now[col1]) void setFilter(col1, null);
    if (singleFilter(now, col0) === value) {
      void setFilter(col0, null);
    } else {
      void setFilter(col0, [value]);
      setChosen(value);
    }
  };

  const selectSecond = (value: string): void => {
    if (col0 < 0 || col1 < 0 || parent === null) return;
    const { filters: now, setFilter } = api.getState();
    // The filters as they are now (the chart's highlight may still show the last ones).
    if (singleFilter(now, col0) === parent && singleFilter(now, col1) === value) {
      void setFilter(col1, null);
      return;
    }
    // Sub-category values can repeat across categories: filter both columns.
    void setFilter(col0, [parent]);
    void setFilter(col1, [value]);
  };

  return (
    <div className={styles.view}>
      <h3 className={styles.heading}>
        Rows per {first.column}
        <span className={styles.headingNote}>
          {' '}
          · {formatCount(total)} rows, {formatCount(rows.length)} values
        </span>
      </h3>
      <CountChart
        rows={rows}
        column={first.column}
        noun={`${first.column} values`}
        caption={`Rows per ${first.column}. Choose one to filter the grid.`}
        selected={filtered0}
        onSelect={selectFirst}
        tableView={tableView}
      />
      <p className={styles.hint}>Click a bar to show only its rows in the grid; click it again to show all.</p>

      {second && distribution.nested && parent !== null && (
        <>
          <div className={styles.subHeader}>
            <label className={styles.heading} htmlFor={selectId}>
              {second.column} within
            </label>
            <select id={selectId} className="select" value={parent} onChange={(e) => setChosen(e.target.value)}>
              {distribution.nested.map((n) => (
                <option key={n.parent} value={n.parent}>
                  {displayValue(n.parent)} ({n.count})
                </option>
              ))}
            </select>
          </div>
          <CountChart
            key={parent}
            rows={children}
            column={second.column}
            noun={`${second.column} values`}
            caption={`Rows per ${second.column} within ${first.column} ${displayValue(parent)}. Choose one to filter the grid.`}
            selected={filtered1}
            onSelect={selectSecond}
            tableView={tableView}
          />
        </>
      )}
    </div>
  );
}
