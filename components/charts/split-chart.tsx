'use client';

import { useState } from 'react';
import { SCROLL_ROWS, TOP_N, chartHeight, scrollBoxHeight, displayValue, formatShare, visibleRows, type SplitRow } from './chart-data';
import { HorizontalBars } from './horizontal-bars';
import { MoreToggle } from './more-toggle';
import styles from './charts.module.css';

interface SplitChartProps {
  rows: SplitRow[];
  column: string;
  noun: string;
  caption: string;
  tableView: boolean;
}

/** Train and validation rows per class as stacked bars; the numbers are also in a table for screen readers. */
export function SplitChart({ rows, column, noun, caption, tableView }: SplitChartProps) {
  const [expanded, setExpanded] = useState(false);
  const table = <SplitTable rows={rows} column={column} caption={caption} />;
  if (tableView) {
    // Focusable so the table can be scrolled from the keyboard (it has no controls to tab to).
    return (
      <div className={styles.tableScroller} tabIndex={0} role="region" aria-label={caption}>
        {table}
      </div>
    );
  }

  const { shown, hidden } = visibleRows(rows, TOP_N, expanded);
  const height = chartHeight(shown.length);
  const scrolls = shown.length > SCROLL_ROWS;
  const max = rows.reduce((m, r) => Math.max(m, r.total), 0);
  const drawn = shown.map((r) => ({
    key: r.label,
    label: displayValue(r.label),
    segments: [
      { value: r.train, color: 'var(--train)' },
      { value: r.validation, color: 'var(--validation)' },
    ],
    text: r.text,
  }));

  return (
    <>
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <span className={styles.swatch} style={{ background: 'var(--train)' }} /> train.jsonl
        </li>
        <li>
          <span className={styles.swatch} style={{ background: 'var(--validation)' }} /> validation.jsonl
        </li>
        <li className={styles.legendNote}>numbers: train / validation</li>
      </ul>
      <div
        className={styles.scroller}
        style={scrolls ? { maxHeight: scrollBoxHeight() } : undefined}
        {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': 'Train and validation bars (scroll to see all)' } : {})}
      >
        <div className={styles.svgLayer} style={{ height }} aria-hidden="true" inert>
          <HorizontalBars rows={drawn} max={max} />
        </div>
      </div>
      {/* The picture is hidden from screen readers; this table carries the same numbers. */}
      <div className="visually-hidden">{table}</div>
      <MoreToggle hidden={hidden} total={rows.length} limit={TOP_N} expanded={expanded} onToggle={() => setExpanded(!expanded)} noun={noun} />
    </>
  );
}

function SplitTable({ rows, column, caption }: Omit<SplitChartProps, 'tableView' | 'noun'>) {
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          <th scope="col" className={styles.num}>
            Train
          </th>
          <th scope="col" className={`${styles.num} ${styles.numWide}`}>
            Validation
          </th>
          <th scope="col" className={`${styles.num} ${styles.numWide}`}>
            In validation
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{displayValue(r.label)}</th>
            <td className={styles.num}>{r.train}</td>
            <td className={styles.num}>{r.validation}</td>
            <td className={styles.num}>{formatShare(r.validationShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
