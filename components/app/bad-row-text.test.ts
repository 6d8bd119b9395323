import { describe, expect, it } from 'vitest';
import { badRowExplanation, joinedText, truncateField } from './bad-row-text';

describe('badRowExplanation', () => {
  it.each([
    [4, 3, ',', 'This row has 4 fields but the header has 3 — often an unquoted comma in the text.'],
    [5, 2, ';', 'This row has 5 fields but the header has 2 — often an unquoted semicolon in the text.'],
    [3, 2, '\t', 'This row has 3 fields but the header has 2 — often an unquoted tab in the text.'],
  ])('%i fields, %i expected, %j', (fields, expected, d, text) => expect(badRowExplanation(fields, expected, d)).toBe(text));
});

describe('truncateField', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a little too long', 10, 'a little …'],
    ['line\nbreaks\r\nflattened', 60, 'line breaks flattened'],
    ['', 10, ''],
  ])('%j (max %i)', (value, max, text) => expect(truncateField(value, max)).toBe(text));
});

describe('joinedText', () => {
  it.each([
    ['text first, one extra', ['Hi', ' can I pay', 'PAYMENT', 'pay'], 3, 0, ',', 'Hi, can I pay'],
    ['text first, two extras', ['a', 'b', 'c', 'L1', 'L2'], 3, 0, ',', 'a,b,c'],
    ['text in the middle', ['L1', 'x', 'y', 'L2'], 3, 1, ';', 'x;y'],
    ['text column unknown (-1) falls back to the first', ['a', 'b', 'L'], 2, -1, ',', 'a,b'],
    ['no extra fields', ['a', 'L'], 2, 0, ',', 'a'],
  ])('%s', (_name, fields, expected, col, d, text) => expect(joinedText(fields, expected, col, d)).toBe(text));
});
