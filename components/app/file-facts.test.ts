import { describe, expect, it } from 'vitest';
import { fileFacts, formatRows, formatSavedAt, sentence } from './file-facts';

const utf8Comma = { encoding: 'utf-8', encodingDetected: true, delimiter: ',', delimiterDetected: false } as const;

describe('fileFacts', () => {
  it.each([
    ['a plain UTF-8 CSV', 2000, utf8Comma, ['2,000 rows', 'UTF-8', 'comma']],
    ['one row', 1, utf8Comma, ['1 row', 'UTF-8', 'comma']],
    ['a detected legacy encoding', 12, { ...utf8Comma, encoding: 'windows-1252' }, ['12 rows', 'Windows-1252 (detected)', 'comma']],
    ['a forced legacy encoding', 12, { ...utf8Comma, encoding: 'windows-1252', encodingDetected: false }, ['12 rows', 'Windows-1252', 'comma']],
    ['a detected semicolon', 3, { ...utf8Comma, delimiter: ';', delimiterDetected: true }, ['3 rows', 'UTF-8', 'semicolon-separated (detected)']],
    ['a tab', 3, { ...utf8Comma, delimiter: '\t', delimiterDetected: true }, ['3 rows', 'UTF-8', 'tab-separated (detected)']],
    ['a forced pipe', 3, { ...utf8Comma, delimiter: '|' }, ['3 rows', 'UTF-8', 'pipe-separated']],
    ['a workbook', 20, { ...utf8Comma, workbook: { sheet: 'Inquiries' } }, ['20 rows', 'Excel workbook', 'sheet “Inquiries”']],
  ] as const)('%s', (_name, rows, info, expected) => {
    expect(fileFacts(rows, info)).toEqual(expected);
  });
});

describe('formatRows', () => {
  it.each([
    [0, '0 rows'],
    [1, '1 row'],
    [1234567, '1,234,567 rows'],
  ])('%i → %s', (n, text) => expect(formatRows(n)).toBe(text));
});

describe('sentence', () => {
  it.each([
    ['the file is empty.', 'The file is empty.'],
    ['', ''],
    ['Already capital', 'Already capital'],
  ])('%j', (input, output) => expect(sentence(input)).toBe(output));
});

describe('formatSavedAt', () => {
  const now = Date.UTC(2025, 2, 12, 15, 0);
  it.each([
    ['earlier today', Date.UTC(2025, 2, 12, 14, 32), 'today at 14:32'],
    ['yesterday', Date.UTC(2025, 2, 11, 9, 5), 'yesterday at 09:05'],
    ['this year', Date.UTC(2025, 0, 3, 8, 0), '3 Jan at 08:00'],
    ['another year', Date.UTC(2024, 11, 30, 23, 59), '30 Dec 2024 at 23:59'],
  ])('%s', (_name, savedAt, text) => expect(formatSavedAt(savedAt, now, 'UTC')).toBe(text));
});
