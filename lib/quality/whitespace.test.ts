import { describe, expect, it } from 'vitest';
import { cleanCell } from './fix';
import { check, filler, finding } from './testing';

const inText = (text: string) => [...filler(20), [text, 'billing', 'refund']];
const inLabel = (label: string) => [...filler(20), ['where is my refund', 'billing', label]];

describe('whitespace', () => {
  it.each([
    ['a leading space', inText(' where is my refund'), 'trim', /1 text starts or ends with a space or line break/],
    ['a trailing line break', inText('where is my refund\n'), 'trim', /1 text starts or ends/],
    ['repeated spaces', inText('where is  my refund'), 'collapse-spaces', /1 text contains repeated spaces/],
    ['a no-break space', inText('pay 10\u00a0EUR'), 'normalise-spaces', /unusual spaces/],
    ['a narrow no-break space', inText('pay 10\u202fEUR'), 'normalise-spaces', /unusual spaces/],
    ['a thin space', inText('pay 10\u2009EUR'), 'normalise-spaces', /unusual spaces/],
    ['an ideographic space', inText('pay\u3000now'), 'normalise-spaces', /unusual spaces/],
    ['a zero-width space', inText('re\u200bfund please'), 'remove-invisible', /invisible characters/],
    ['a byte order mark inside', inText('refund \ufeffplease'), 'remove-invisible', /invisible characters/],
    ['a zero-width joiner between letters', inText('re\u200dfund please'), 'remove-invisible', /invisible characters/],
    ['a soft hyphen', inText('re\u00adfund please'), 'remove-invisible', /invisible characters/],
    ['a trailing space in a label', inLabel('refund '), 'trim', /sub_category starts or ends with a space or line break in 1 row \("refund "\)/],
    ['a tab in a label', inLabel('refund\trequest'), 'collapse-whitespace', /sub_category contains a tab or line break/],
    ['a line break in a label', inLabel('refund\nrequest'), 'collapse-whitespace', /sub_category contains a tab or line break/],
    ['two spaces in a label', inLabel('refund  request'), 'collapse-whitespace', /sub_category contains repeated spaces/],
    ['a no-break space in a label', inLabel('refund\u00a0request'), 'normalise-spaces', /sub_category contains an unusual space .*"refund\\u00a0request"/],
  ])('flags %s as a warning, with a fix that removes it', (_name, rows, fixKind, message) => {
    const r = finding(check(rows), 'whitespace');
    expect(r).toMatchObject({ severity: 'warning', count: 1, rows: [21] });
    expect(r!.message).toMatch(message);
    const fix = r!.fixes!.find((f) => f.kind === fixKind)!;
    expect(fix).toMatchObject({ rows: [21], rowIds: [20] });
    // The fixed cell no longer has the problem.
    const col = 'col' in fix ? fix.col : -1;
    const fixed = rows.map((row) => [...row]);
    fixed[20]![col] = cleanCell(fix.kind as Parameters<typeof cleanCell>[0], fixed[20]![col]!);
    expect(finding(check(fixed), 'whitespace')).toBeUndefined();
  });

  it.each([
    ['single spaces', inText('where is my refund')],
    ['line breaks inside a text', inText('first line\nsecond line\n\nthird')],
    ['a tab inside a text', inText('amount:\t10')],
    ['an emoji sequence with zero-width joiners', inText('thanks 👩‍💻 team')],
    ['a Persian word with a zero-width non-joiner', inText('می‌خواهم refund')],
    ['an empty text (the empty check reports it)', inText('')],
    ['a text of spaces only (the empty check reports it)', inText('   ')],
  ])('stays quiet on %s', (_name, rows) => {
    expect(finding(check(rows), 'whitespace')).toBeUndefined();
  });

  it('counts many texts with double spaces in one finding, not a message per row', () => {
    const rows = [...filler(100).map((r, i) => (i % 2 ? [`${r[0]}  again`, r[1]!, r[2]!] : r))];
    const r = finding(check(rows), 'whitespace')!;
    expect(r.count).toBe(50);
    expect(r.message).toBe(
      '50 rows have spaces out of place: 50 texts contain repeated spaces. They are hard to see, and make equal labels or texts count as different ones.',
    );
    expect(r.fixes).toEqual([expect.objectContaining({ kind: 'collapse-spaces', column: 'inquiry', col: 0 })]);
    expect(r.fixes![0]!.rows).toHaveLength(50);
  });

  it('lists every kind found in a column with its own fix', () => {
    const rows = [...filler(10), [' a  b', 'billing', 'refund'], ['c\u00a0d', 'billing ', 'refund']];
    const r = finding(check(rows), 'whitespace')!;
    expect(r.rows).toEqual([11, 12]);
    expect(r.fixes!.map((f) => `${f.kind}:${'column' in f ? f.column : ''}:${f.rows.join()}`)).toEqual([
      'trim:inquiry:11',
      'collapse-spaces:inquiry:11',
      'normalise-spaces:inquiry:12',
      'trim:category:12',
    ]);
  });
});
