'use client';

import { useEffect } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import type { RowView } from '@/lib/engine';
import { truncateField } from '@/components/app/bad-row-text';
import styles from './mapping-step.module.css';

/** The first `count` rows of the loaded file (fetched from the engine through the store's row cache). */
export function usePreviewRows(count: number): RowView[] {
  const api = useTrainsetApi();
  const { length, version } = useTrainset((s) => ({ length: s.length, version: s.rowsVersion }));
  useEffect(() => {
    api.getState().ensureRows(0, count);
  }, [api, count, length, version]);
  const rows: RowView[] = [];
  for (let i = 0; i < Math.min(count, length); i++) {
    const row = api.getState().rowAt(i);
    if (row) rows.push(row);
  }
  return rows;
}

interface Props {
  header: string[];
  rows: RowView[];
  total: number;
  text: string;
  labels: string[];
}

/** A few rows with the chosen columns marked, so the user sees what "text" and "label" pick. */
export function MappingPreview({ header, rows, total, text, labels }: Props) {
  if (rows.length === 0) return null;
  const role = (h: string): string | null => (h === text ? 'text' : labels[0] === h ? 'label 1' : labels[1] === h ? 'label 2' : null);
  const kind = (h: string): string | undefined => (h === text ? 'text' : labels.includes(h) ? 'label' : undefined);
  return (
    <div className={styles.preview}>
      <h3 className={styles.previewTitle}>
        First rows <span className={styles.muted}>of {total.toLocaleString('en-US')}</span>
      </h3>
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="First rows of the file">
        <table className={styles.table}>
          <thead>
            <tr>
              {header.map((h) => {
                const r = role(h);
                return (
                  <th key={h} scope="col" data-role={kind(h)}>
                    <span className={styles.colName}>{h}</span>
                    {r && <span className={styles.roleTag}>{r}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {header.map((h, c) => (
                  <td key={h} data-role={kind(h)} title={row.cells[c]}>
                    {truncateField(row.cells[c] ?? '', 80)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
