'use client';

import type { ReactNode } from 'react';
import { BarChart, XAxis, YAxis } from 'recharts';
import { barLabelTick } from './bar-label';
import { CHART_MARGIN, labelAxisWidth, valueLabelWidth } from './chart-data';

interface HorizontalBarsProps<T> {
  data: T[];
  height: number;
  /** The longest bar's value (the x axis runs from 0 to it). */
  max: number;
  /** The key of each bar's label, drawn on the y axis. */
  labelKey: string;
  /** The labels as shown, to size the axis. */
  labels: string[];
  /** The texts drawn at the end of the bars, to leave room for the longest. */
  valueLabels: string[];
  /** The <Bar> elements. */
  children: ReactNode;
}

/**
 * The frame both charts share: horizontal bars on a fixed row grid (so the HTML buttons and tables
 * laid over them line up), labels on the left cut to fit, room on the right for the numbers.
 */
export function HorizontalBars<T>({ data, height, max, labelKey, labels, valueLabels, children }: HorizontalBarsProps<T>) {
  const axisWidth = labelAxisWidth(labels);
  return (
    <BarChart
      responsive
      width="100%"
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: CHART_MARGIN.top, bottom: CHART_MARGIN.bottom, left: 0, right: valueLabelWidth(valueLabels) }}
      barCategoryGap={5}
      accessibilityLayer={false}
    >
      <XAxis type="number" hide domain={[0, max]} />
      <YAxis type="category" dataKey={labelKey} width={axisWidth} interval={0} tickLine={false} axisLine={false} tick={barLabelTick(axisWidth)} />
      {children}
    </BarChart>
  );
}
