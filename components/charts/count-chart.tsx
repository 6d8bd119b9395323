'use client';

import { rowsText } from '@/components/app/format';
import { useState } from 'react';
import {
  CHART_MARGIN,
  ROW_HEIGHT,
  SCROLL_ROWS,
  TOP_N,
  chartHeight,
  scrollBoxHeight,
  displayValue,
  formatShare,
  visibleRows,
  type CountRow,
} from './chart-data';
import { HorizontalBars } from './horizontal-bars';
import { MoreToggle } from './more-toggle';
import styles from './charts.module.css';

interface CountChartProps {
  rows: CountRow[];
  /** The label column's name, for the table header and the buttons' names. */
  column: string;
  /** Plural noun for the bars ("categories"). */
  noun: string;
  /** Says what the chart shows; the list of bar buttons and the table are named by it. */
  caption: string;
  /** The value the grid is filtered to (its bar is drawn pressed), if any. */
  selected: string | null;
  onSelect(value: string): void;
  tableView: boolean;
}

/**
 * Rows per value as horizontal bars. The bars are only a picture (aria-hidden): each bar is covered
 * by a transparent HTML button on the same fixed row grid, so a bar is clicked, tabbed to and
 * announced like any button ("ACCOUNT: 110 rows, 22%"), and pressed while the grid is filtered to it.
 */
export function CountChart({ rows, column, noun, caption, selected, onSelect, tableView }: CountChartProps) {
  const [expanded, setExpanded] = useState(false);
  if (tableView) return <CountTable rows={rows} column={column} caption={caption} selected={selected} onSelect={onSelect} />;

  const { shown, hidden } = visibleRows(rows, TOP_N, expanded);
  const height = chartHeight(shown.length);
  const scrolls = shown.length > SCROLL_ROWS;
  const max = rows.reduce((m, r) => Math.max(m, r.count), 0);
  const fill = (value: string): string => (selected === null || selected === value ? 'var(--accent)' : 'var(--border-strong)');

  return (
    <>
      <div className={styles.scroller} style={scrolls ? { maxHeight: scrollBoxHeight() } : undefined}>
        <div className={styles.stage} style={{ height }}>
          <div className={styles.svgLayer} aria-hidden="true" inert>
            <HorizontalBars
              max={max}
              rows={shown.map((r) => ({
                key: r.value,
                label: displayValue(r.value),
                segments: [{ value: r.count, color: fill(r.value) }],
                text: String(r.count),
              }))}
            />
          </div>
          <ul className={styles.overlay} aria-label={caption}>
            {shown.map((r, i) => (
              <li key={r.value} className={styles.overlayItem} style={{ top: CHART_MARGIN.top + i * ROW_HEIGHT, height: ROW_HEIGHT }}>
                <button
                  type="button"
                  className={styles.barButton}
                  aria-pressed={selected === r.value}
                  title={`${displayValue(r.value)}: ${rowsText(r.count)}. Click to ${selected === r.value ? 'clear the filter' : 'filter the grid'}.`}
                  onClick={() => onSelect(r.value)}
                >
                  <span className="visually-hidden">
                    {column} {displayValue(r.value)}: {rowsText(r.count)}, {formatShare(r.share)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <MoreToggle hidden={hidden} total={rows.length} limit={TOP_N} expanded={expanded} onToggle={() => setExpanded(!expanded)} noun={noun} />
    </>
  );
}

/** The same numbers as a table; each value is a button that filters the grid, as its bar does. */
function CountTable({ rows, column, caption, selected, onSelect }: Omit<CountChartProps, 'tableView' | 'noun'>) {
  return (
    <div className={styles.tableScroller}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" className={styles.num}>
              Rows
            </th>
            <th scope="col" className={styles.num}>
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">
                <button type="button" className={styles.linkButton} aria-pressed={selected === r.value} onClick={() => onSelect(r.value)}>
                  {displayValue(r.value)}
                </button>
              </th>
              <td className={styles.num}>{r.count}</td>
              <td className={styles.num}>{formatShare(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
