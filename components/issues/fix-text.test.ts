import { describe, expect, it } from 'vitest';
import type { Fix } from '@/lib/quality';
import { firstDifference, fixLabel, fixPreview, groupBySeverity, previewSegments, quotedList, rowNumbersText, summaryText } from './fix-text';

const trim: Fix = { kind: 'trim', col: 0, column: 'inquiry', rows: [1, 2, 3, 4, 5, 6, 7], rowIds: [1, 2, 3, 4, 5, 6, 7] };
const merge: Fix = { kind: 'merge-label', col: 1, column: 'category', from: ['Biling'], to: 'Billing', rows: [4, 5, 9], rowIds: [4, 5, 9] };
const dupes: Fix = { kind: 'drop-duplicates', keep: 'first', rows: [10, 11], rowIds: [10, 11] };

describe('fixLabel', () => {
  it('describes cell fixes with the column and row count', () => {
    expect(fixLabel(trim)).toBe('Trim spaces in inquiry (7 rows)');
    expect(fixLabel({ ...trim, rows: [1], rowIds: [1] })).toBe('Trim spaces in inquiry (1 row)');
  });
  it('describes merges', () => {
    expect(fixLabel(merge)).toBe('Merge “Biling” into “Billing” (3 rows)');
    expect(fixLabel({ ...merge, from: ['a', 'b', 'c'] })).toBe('Merge “a”, “b” and “c” into “Billing” (3 rows)');
  });
  it('describes duplicate removal', () => {
    expect(fixLabel(dupes)).toBe('Remove 2 repeated rows (keep the first)');
    expect(fixLabel({ ...dupes, rows: [3], rowIds: [3] })).toBe('Remove 1 repeated row (keep the first)');
  });
});

describe('fixPreview', () => {
  it('says what will change', () => {
    expect(fixPreview(merge)).toBe('Sets category to “Billing” on 3 rows now labelled “Biling”.');
    expect(fixPreview(trim)).toContain('Changes 7 rows in inquiry.');
    expect(fixPreview(dupes)).toContain('Deletes 2 rows');
  });
});

describe('helpers', () => {
  it('quotes lists', () => {
    expect(quotedList(['a'])).toBe('“a”');
    expect(quotedList(['a', 'b'])).toBe('“a” and “b”');
  });
  it('shortens row numbers', () => {
    expect(rowNumbersText([3])).toBe('Row 3');
    expect(rowNumbersText([1, 2, 3, 4, 5, 6, 7])).toBe('Rows 1, 2, 3, 4, 5 and 2 more');
    expect(rowNumbersText([])).toBe('');
  });
  it('summarises by severity', () => {
    expect(summaryText({ checks: [] })).toBeNull();
    const checks = [{ severity: 'warning' }, { severity: 'error' }, { severity: 'warning' }, { severity: 'error' }, { severity: 'warning' }] as const;
    expect(summaryText({ checks: checks as never })).toBe('2 errors · 3 warnings');
    expect(summaryText({ checks: [{ severity: 'info' }] as never })).toBe('1 note');
  });
  it('groups errors first and drops empty groups', () => {
    const g = groupBySeverity([
      { severity: 'info' as const, id: 1 },
      { severity: 'error' as const, id: 2 },
    ]);
    expect(g.map((x) => x.severity)).toEqual(['error', 'info']);
  });
});

describe('previewSegments', () => {
  const shown = (s: string, focus?: number): string =>
    previewSegments(s, focus)
      .map((x) => x.text)
      .join('');
  it('makes stray spaces, tabs, line breaks, unusual and invisible characters visible', () => {
    expect(shown('  refund  please ')).toBe('··refund··please·');
    expect(shown('a b')).toBe('a b');
    expect(shown('a\tb\r\nc\nd')).toBe('a⇥b↵c↵d');
    expect(shown('a\u00a0b\u200bc\u0007')).toBe('a⍽b◌c␀');
    expect(previewSegments('a\u200b')[1]).toEqual({ text: '◌', hidden: 'an invisible character (U+200B)' });
    expect(previewSegments(' x')[0]).toEqual({ text: '·', hidden: 'a space' });
  });
  it('cuts a long text to the part around the change', () => {
    const long = `${'a'.repeat(200)}  ${'b'.repeat(200)}`;
    const out = shown(long, 200);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('a··b');
    expect(out.length).toBeLessThan(130);
    expect(firstDifference('abc', 'abd')).toBe(2);
    expect(firstDifference('ab', 'abc')).toBe(2);
  });
});
