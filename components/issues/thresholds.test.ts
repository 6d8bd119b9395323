import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '@/lib/quality';
import { changedThresholds } from './thresholds';

describe('changedThresholds', () => {
  it('counts only overrides that differ from the default', () => {
    expect(changedThresholds({}, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(changedThresholds({ fewClassRows: 10, maxTokens: 4096 }, DEFAULT_THRESHOLDS)).toEqual(['maxTokens']);
  });
});
