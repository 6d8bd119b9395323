import { describe, expect, it } from 'vitest';
import { splitHighlight } from './highlight';

const marks = (text: string, needle: string) =>
  splitHighlight(text, needle)
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('splitHighlight', () => {
  it.each([
    ['Where is my order?', 'order', 'Where is my [order]?'],
    ['ORDER order Order', 'order', '[ORDER] [order] [Order]'],
    ['aaaa', 'aa', '[aa][aa]'],
    ['no match here', 'xyz', 'no match here'],
    ['anything', '', 'anything'],
    ['', 'x', ''],
    ['Refund (partial)?', '(partial)', 'Refund [(partial)]?'],
    ['İstanbul delivery', 'delivery', 'İstanbul [delivery]'],
  ])('%s / %s', (text, needle, expected) => {
    expect(marks(text, needle)).toBe(expected);
  });

  it('keeps every character of the text', () => {
    const text = 'Can I cancel? cancel cancel';
    expect(
      splitHighlight(text, 'CANCEL')
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});
