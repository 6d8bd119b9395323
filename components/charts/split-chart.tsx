'use client';

import { useState } from 'react';
import { Bar, BarChart, LabelList, XAxis, YAxis } from 'recharts';
import {
  CHART_MARGIN,
  SCROLL_ROWS,
  TOP_N,
  chartHeight,
  scrollBoxHeight,
  displayValue,
  formatShare,
  labelAxisWidth,
  valueLabelWidth,
  visibleRows,
  type SplitRow,
} from './chart-data';
import { barLabelTick } from './bar-label';
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
  const axisWidth = labelAxisWidth(shown.map((r) => displayValue(r.label)));
  const max = rows.reduce((m, r) => Math.max(m, r.total), 0);

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
          <BarChart
            responsive
            width="100%"
            height={height}
            data={shown}
            layout="vertical"
            margin={{ top: CHART_MARGIN.top, bottom: CHART_MARGIN.bottom, left: 0, right: valueLabelWidth(rows.map((r) => r.text)) }}
            barCategoryGap={5}
            accessibilityLayer={false}
          >
            <XAxis type="number" hide domain={[0, max]} />
            <YAxis
              type="category"
              dataKey="label"
              width={axisWidth}
              interval={0}
              tickLine={false}
              axisLine={false}
              tick={barLabelTick(axisWidth)}
            />
            <Bar dataKey="train" stackId="split" fill="var(--train)" isAnimationActive={false} />
            {/* The white stroke keeps the two segments apart for readers who cannot tell the colours apart. */}
            <Bar dataKey="validation" stackId="split" fill="var(--validation)" stroke="var(--surface)" strokeWidth={1} isAnimationActive={false}>
              <LabelList dataKey="text" position="right" fill="var(--text-muted)" fontSize={12} />
            </Bar>
          </BarChart>
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
