import type { CSSProperties } from 'react';
import { CHART_MARGIN, LABEL_PAD, ROW_HEIGHT, fitLabel, labelAxisWidth, valueLabelWidth } from './chart-data';
import styles from './charts.module.css';

/** One part of a bar: its value and its colour (a CSS colour, e.g. `var(--train)`). */
export interface BarSegment {
  value: number;
  color: string;
}

/** One row of the picture: the label on the left, the bar (one or more stacked parts), the text after it. */
export interface BarRow {
  key: string;
  label: string;
  segments: BarSegment[];
  text: string;
}

/**
 * The frame both charts share: horizontal bars on a fixed row grid (so the HTML buttons and tables
 * laid over them line up), labels on the left cut to fit, room on the right for the numbers.
 *
 * Plain HTML and CSS, written here rather than drawn with a charting library: a dozen bars need
 * no scales or animation, and Recharts' store and layout pass made each new set of counts one
 * main-thread task of 200 to 400 ms on 100,000 rows. This draws in a few milliseconds.
 */
export function HorizontalBars({ rows, max }: { rows: BarRow[]; max: number }) {
  const axisWidth = labelAxisWidth(rows.map((r) => r.label));
  const frame = {
    paddingTop: CHART_MARGIN.top,
    paddingBottom: CHART_MARGIN.bottom,
    '--axis-width': `${axisWidth}px`,
    '--value-width': `${valueLabelWidth(rows.map((r) => r.text))}px`,
    '--row-height': `${ROW_HEIGHT}px`,
  } as CSSProperties;
  return (
    <div className={styles.bars} style={frame}>
      {rows.map((r) => {
        const total = r.segments.reduce((sum, s) => sum + s.value, 0);
        const share = max > 0 ? (100 * total) / max : 0;
        return (
          <div key={r.key} className={styles.barRow}>
            <span className={styles.barLabel}>{fitLabel(r.label, axisWidth - 2 * LABEL_PAD)}</span>
            <span className={styles.track}>
              {/* A value above zero stays visible (1px) beside a much larger one. */}
              <span className={styles.bar} style={{ width: total > 0 ? `max(1px, ${share}%)` : 0 }}>
                {r.segments.map((s, i) =>
                  s.value > 0 ? <span key={i} className={styles.segment} style={{ flexGrow: s.value, background: s.color }} /> : null,
                )}
              </span>
              <span className={styles.barText}>{r.text}</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
