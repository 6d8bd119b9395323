import { describe, expect, it } from 'vitest';
import { changedPart, countOf, labelChangeWarning, replaceByColumn, replaceMessage, replaceSummary, statusText } from './format';

describe('format', () => {
  it.each([
    [0, '0 rows'],
    [1, '1 row'],
    [2000, '2,000 rows'],
  ])('countOf(%i)', (n, expected) => {
    expect(countOf(n, 'row')).toBe(expected);
  });

  it.each([
    [2000, 2000, false, 0, '2,000 rows'],
    [120, 2000, true, 0, 'Showing 120 of 2,000 rows'],
    [2000, 2000, false, 14, '2,000 rows · 14 edited cells'],
    [1, 1, true, 1, 'Showing 1 of 1 row · 1 edited cell'],
  ])('statusText(%i, %i, %s, %i)', (view, total, filtered, edited, expected) => {
    expect(statusText(view, total, filtered, edited)).toBe(expected);
  });

  it('summarises a replace plan', () => {
    expect(replaceSummary(12, 9)).toBe('12 cells in 9 rows');
    expect(replaceSummary(1, 1)).toBe('1 cell in 1 row');
  });

  it.each([
    ['', null, 'Type the text to find.'],
    ['x', null, 'Looking…'],
    ['(', { ok: false as const, error: 'Invalid regular expression: unterminated group.' }, 'Invalid regular expression: unterminated group.'],
    ['x', { ok: true as const, change: null, cells: 0, rows: 0, preview: [], perColumn: [] }, 'No cells match.'],
    ['x', { ok: true as const, change: null, cells: 12, rows: 9, preview: [], perColumn: [{ col: 0, cells: 12 }] }, '12 cells in 9 rows will change.'],
  ])('replaceMessage(%j)', (find, plan, expected) => {
    expect(replaceMessage(find, plan)).toBe(expected);
  });
});

describe('the columns a replace changes', () => {
  const columns = [
    { col: 0, title: 'inquiry', kind: 'text' as const },
    { col: 1, title: 'category', kind: 'label' as const },
    { col: 2, title: 'sub_category', kind: 'label' as const },
  ];
  it('counts the changes per column, and warns when labels change', () => {
    const perColumn = [
      { col: 0, cells: 190 },
      { col: 1, cells: 8 },
      { col: 2, cells: 1200 },
    ];
    expect(replaceByColumn(perColumn, columns)).toBe('inquiry: 190 · category: 8 · sub_category: 1,200');
    expect(labelChangeWarning(perColumn, columns)).toBe(
      'This also changes labels (category: 8, sub_category: 1,200 cells), which renames classes. To rename a label everywhere, use Manage labels in the Distribution card.',
    );
  });
  it('says nothing more when only the text changes', () => {
    expect(labelChangeWarning([{ col: 0, cells: 3 }], columns)).toBeNull();
    expect(replaceByColumn([{ col: 0, cells: 3 }], columns)).toBe('inquiry: 3');
  });
});

describe('changedPart', () => {
  it('shows the change inside a long text with a little context, cut ends marked', () => {
    const before = 'I do not know how I can cancel the order 00123842 that I placed yesterday evening';
    const after = before.replace('order', 'purchase');
    expect(changedPart(before, after)).toEqual({ before: '… can cancel the order 00123842 that I…', after: '… can cancel the purchase 00123842 that I…' });
  });

  it('keeps a short text whole, and a change at either end', () => {
    expect(changedPart('order', 'purchase')).toEqual({ before: 'order', after: 'purchase' });
    expect(changedPart('cancel_order', 'cancel_purchase')).toEqual({ before: 'cancel_order', after: 'cancel_purchase' });
    expect(changedPart('a', '')).toEqual({ before: 'a', after: '' });
  });
});
