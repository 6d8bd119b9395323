import { describe, expect, it } from 'vitest';
import { parseThreshold } from './thresholds';

describe('parseThreshold', () => {
  it('takes whole numbers for counts, with thousands separators', () => {
    expect(parseThreshold('maxTokens', ' 16,385 ')).toEqual({ ok: true, value: 16385 });
    expect(parseThreshold('fewClassRows', '0')).toEqual({ ok: true, value: 0 });
    expect(parseThreshold('fewClassRows', '2.5')).toMatchObject({ ok: false, error: 'Type a whole number.' });
  });
  it('takes fractions where they make sense, shares up to 1', () => {
    expect(parseThreshold('variantMaxShare', '0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseThreshold('variantMaxShare', '5')).toMatchObject({ ok: false });
    expect(parseThreshold('imbalanceRatio', '7.5')).toEqual({ ok: true, value: 7.5 });
    expect(parseThreshold('charsPerToken', '0')).toMatchObject({ ok: false });
  });
  it('says what is wrong with text that is not a number, or a negative one', () => {
    expect(parseThreshold('minTextChars', 'ten')).toEqual({ ok: false, error: 'Type a number ("ten" is not one).' });
    expect(parseThreshold('minTextChars', '')).toMatchObject({ ok: false });
    expect(parseThreshold('minTextChars', '-1')).toEqual({ ok: false, error: 'Type 0 or more.' });
  });
});
