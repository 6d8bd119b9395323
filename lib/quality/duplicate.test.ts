import { describe, expect, it } from 'vitest';
import { normaliseText } from './duplicate';
import { check, filler, finding } from './testing';

describe('normaliseText', () => {
  it.each([
    ['I want help', 'i want help'],
    ['  I  want\thelp. ', 'i want help'],
    ['I want help!!!', 'i want help'],
    ['I want help ?', 'i want help'],
    ['Where? Now.', 'where? now'],
    ['ÉCOLE', 'école'],
    ['re\u200bfund', 'refund'],
    ['a\u00a0b', 'a b'],
    ['???', '???'],
    ['「注文」。', '「注文」'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});

describe('duplicate', () => {
  it.each([
    ['exact repeats', 'I want a refund', 'I want a refund'],
    ['case only (bitext-intent style)', 'I want help cancelling', 'i want help cancelling'],
    ['spaces only', 'I want  a refund ', 'I want a refund'],
    ['end punctuation only', 'Where is my order?', 'where is my order'],
    ['a line break instead of a space', 'where is\nmy order', 'where is my order'],
  ])('flags %s with the same labels: every row after the first', (_name, a, b) => {
    const rows = [...filler(10), [a, 'billing', 'refund'], ...filler(3, 'x', 'y').map((r) => [`${r[0]} more`, 'x', 'y']), [b, 'billing', 'refund']];
    const report = check(rows);
    const r = finding(report, 'duplicate');
    expect(r).toMatchObject({ severity: 'warning', count: 1, rows: [15], rowIds: [14] });
    expect(r!.fixes).toEqual([{ kind: 'drop-duplicates', keep: 'first', rows: [15], rowIds: [14] }]);
    expect(r!.details?.groups).toEqual([{ rows: [11, 15], text: a }]);
    expect(finding(report, 'conflicting-duplicate')).toBeUndefined();
  });

  it.each([
    ['a word apart', 'I want a refund', 'I want the refund'],
    ['punctuation inside', 'refund, now', 'refund now'],
    ['a leading question mark', '¿refund', 'refund'],
    ['accents', 'résumé', 'resume'],
    ['two empty texts (empty check)', '', ''],
    ['two NA texts (na-string check)', 'NA', 'NA'],
  ])('stays quiet on %s', (_name, a, b) => {
    const report = check([...filler(10), [a, 'billing', 'refund'], [b, 'billing', 'refund']]);
    expect(finding(report, 'duplicate')).toBeUndefined();
    expect(finding(report, 'conflicting-duplicate')).toBeUndefined();
  });

  it('flags every row of a text with different labels as conflicting', () => {
    const rows = [
      ...filler(10),
      ['what is on my to do list', 'todo', 'list'],
      ['What is on my to-do list', 'todo', 'list'],
      ['what is on my to do list.', 'reminder', 'list'],
    ];
    const report = check(rows);
    const conflict = finding(report, 'conflicting-duplicate')!;
    expect(conflict).toMatchObject({ severity: 'warning', count: 2, rows: [11, 13] });
    expect(conflict.details?.groups).toEqual([{ rows: [11, 13], text: 'what is on my to do list', labels: ['todo › list', 'reminder › list'] }]);
    expect(conflict.message).toMatch(
      /^2 rows share their text with a row labelled differently, in 1 group: rows 11, 13 \("what is on my to do list": "todo › list" vs "reminder › list"\)\./,
    );
    expect(finding(report, 'duplicate')).toBeUndefined();
  });

  it('reports a group with repeats and a conflict under both checks', () => {
    const rows = [...filler(10), ['refund please', 'a', 'b'], ['Refund please', 'a', 'b'], ['refund please!', 'c', 'd']];
    const report = check(rows);
    expect(finding(report, 'duplicate')?.rows).toEqual([12]);
    expect(finding(report, 'conflicting-duplicate')?.rows).toEqual([11, 12, 13]);
  });

  it('names groups in order of their first row and counts them', () => {
    const rows = [
      ['b text here', 'x', 'y'],
      ['a text here', 'x', 'y'],
      ['A text here', 'x', 'y'],
      ['b text here.', 'x', 'y'],
      ['B TEXT HERE', 'x', 'y'],
    ];
    const r = finding(check(rows), 'duplicate')!;
    expect(r.rows).toEqual([3, 4, 5]);
    expect(r.message).toMatch(
      /^3 rows repeat an earlier row's text and labels \(ignoring case, spaces and end punctuation\), in 2 groups: rows 1, 4, 5 \("b text here"\); rows 2, 3 \("a text here"\)\./,
    );
  });
});
