import { describe, expect, it } from 'vitest';
import {
  allProblemRowIds,
  downloadStatus,
  parseSeed,
  previewCaption,
  problemRowIds,
  sentence,
  showRowsLabel,
  stratifyOptions,
  summaryText,
} from './export-form';

describe('parseSeed', () => {
  it.each([
    ['42', 42],
    [' 0 ', 0],
    ['4294967295', 4294967295],
    ['007', 7],
  ])('accepts %j', (text, value) => {
    expect(parseSeed(text)).toEqual({ ok: true, value });
  });
  it.each(['', '-1', '1.5', '1e3', '4294967296', 'abc', '+3'])('refuses %j', (text) => {
    expect(parseSeed(text).ok).toBe(false);
  });
});

describe('stratifyOptions', () => {
  it('offers the first column, both columns and none', () => {
    expect(stratifyOptions(['category', 'sub_category'])).toEqual([
      { value: 'first', label: 'category' },
      { value: 'all-labels', label: 'category + sub_category' },
      { value: 'none', label: 'None (random split)' },
    ]);
  });
  it('offers no combination for one label column', () => {
    expect(stratifyOptions(['category']).map((o) => o.value)).toEqual(['first', 'none']);
  });
});

describe('problems', () => {
  it('capitalises the engine message', () => {
    expect(sentence('data row 8 (line 9): sub_category is empty.')).toBe('Data row 8 (line 9): sub_category is empty.');
    expect(sentence('')).toBe('');
  });
  it('takes the row ids the engine attached (not data row − 1: rows set aside shift the numbers)', () => {
    expect(problemRowIds({ code: 'empty-cell', message: 'x', dataRow: 8, rowId: 6 })).toEqual([6]);
    expect(problemRowIds({ code: 'split', message: 'x' })).toEqual([]);
    expect(
      allProblemRowIds([
        { code: 'empty-cell', message: 'x', dataRow: 8, rowId: 7 },
        { code: 'na-cell', message: 'y', dataRow: 3, rowId: 2 },
        { code: 'na-cell', message: 'z', dataRow: 8, rowId: 7 },
        { code: 'split', message: 'w' },
      ]),
    ).toEqual([2, 7]);
  });
  it('labels the show button by the data-row number the grid shows', () => {
    expect(showRowsLabel({ code: 'empty-cell', message: 'x', dataRow: 9, rowId: 7 })).toBe('Show row 9');
  });
});

it('summaryText', () => {
  expect(summaryText({ ok: true, train: 400, validation: 100, classes: [], stratifiedBy: 'category', preview: { train: [], validation: [] } })).toBe(
    '400 train · 100 validation examples',
  );
  expect(summaryText({ ok: true, train: 240000, validation: 60000, classes: [], stratifiedBy: null, preview: { train: [], validation: [] } })).toBe(
    '240,000 train · 60,000 validation examples',
  );
  expect(summaryText({ ok: false, problems: [], problemCount: 0 })).toMatch(/No files/);
  expect(summaryText(null)).toMatch(/Load a dataset/);
});

it.each([
  [5, 400, 'First 5 of 400 lines'],
  [3, 3, 'All 3 lines'],
  [1, 1, 'All 1 line'],
  [0, 0, 'Empty file'],
  [5, 240000, 'First 5 of 240,000 lines'],
])('previewCaption(%i, %i) = %s', (shown, total, text) => {
  expect(previewCaption(shown, total)).toBe(text);
});

it('downloadStatus', () => {
  expect(downloadStatus('train', null)).toBe('Preparing train.jsonl…');
  expect(downloadStatus(null, { kind: 'zip', note: '400 train and 100 validation examples.' })).toBe(
    'Saved the .zip of both files. 400 train and 100 validation examples.',
  );
  expect(downloadStatus(null, { kind: 'csv', note: 'Saved.' })).toBe('Saved the cleaned CSV.');
  expect(downloadStatus(null, null)).toBe('');
  // A streamed file: the megabytes the browser has been given so far; a download the user cancelled.
  expect(downloadStatus('train', null, 24 * 2 ** 20)).toBe('Saving train.jsonl… 24 MB so far');
  expect(downloadStatus('validation', null, 1536 * 2 ** 20)).toBe('Saving validation.jsonl… 1,536 MB so far');
  expect(downloadStatus(null, { kind: 'train', note: 'The download was cancelled in the browser.', cancelled: true })).toBe(
    'The download of train.jsonl was cancelled: download it again when you are ready.',
  );
});
