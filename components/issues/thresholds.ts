import type { ThresholdName, Thresholds } from '@/lib/quality';

export { parseThreshold } from '@/lib/quality';

/** The thresholds the user changed: set, and different from the default (an override equal to it changes nothing). */
export function changedThresholds(overrides: Partial<Thresholds>, defaults: Thresholds): ThresholdName[] {
  return (Object.keys(overrides) as ThresholdName[]).filter((n) => overrides[n] !== undefined && overrides[n] !== defaults[n]);
}
