import type { YAxisTickContentProps } from 'recharts';
import { LABEL_PAD, displayValue, fitLabel } from './chart-data';

/**
 * The label axis's tick: one left-aligned line, shortened to fit (recharts' own tick is
 * right-aligned and wraps labels with spaces onto a second line, which breaks the row grid).
 */
export function barLabelTick(axisWidth: number) {
  return function BarLabelTick({ y, payload }: YAxisTickContentProps) {
    return (
      <text x={LABEL_PAD} y={Number(y)} dy="0.35em" textAnchor="start" fontSize={12} fill="var(--text)">
        {fitLabel(displayValue(String(payload.value)), axisWidth - 2 * LABEL_PAD)}
      </text>
    );
  };
}
