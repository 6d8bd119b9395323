import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareForDisplay, displayCollator, displayOrder, DisplayOrder, sortForDisplay } from './collation';

const byCollator = (values: string[]): string[] => [...values.keys()].sort((a, b) => compareForDisplay(values[a]!, values[b]!) || a - b).map((i) => values[i]!);
const sorted = (values: string[]): string[] => [...sortForDisplay(values)].map((i) => values[i]!);

describe('display order', () => {
  it.each<[string, string[], string[]]>([
    ['numbers by value', ['item 10', 'item 9', 'item 100', 'item 09'], ['item 09', 'item 9', 'item 10', 'item 100']],
    ['case next to case, capitals first on a tie', ['b', 'apple', 'Apple', 'B'], ['Apple', 'apple', 'B', 'b']],
    ['accents next to their letter', ['e', 'f', 'é', 'E'], ['E', 'e', 'é', 'f']],
    ['empty first, then punctuation, digits, letters', ['a', '1', '_', ''], ['', '_', '1', 'a']],
  ])('%s', (_name, input, expected) => {
    expect(sorted(input)).toEqual(expected);
    // Padded past the size where the fast keys take over, the order is the same.
    const many = [...input, ...Array.from({ length: 1200 }, (_, i) => `zz ${i}`)];
    expect(sorted(many).slice(0, input.length)).toEqual(expected);
  });

  it("uses the fast keys with this runtime's locale (otherwise the property below tests nothing new)", () => {
    expect(displayOrder.fast).toBe(true);
    expect(displayCollator.resolvedOptions()).toMatchObject({ numeric: true, sensitivity: 'base' });
  });

  const char = fc.constantFrom(
    ...'aAbBzZ09 5-_.,\'"!?#()/\\@€£éÉèüÜñß’“”–—…·™\t\n\r😀\u0301\u00a0\u200dǅﬁＡ'.split(/(?:)/u),
    'ch',
    'll',
    'item 1',
    '0000000000000000000001',
  );
  const text = fc.string({ unit: char, maxLength: 12 });
  const longText = fc
    .tuple(fc.constantFrom('Hi, I would like to ask about the order that I placed ', 'Hi, I would like to ask about the order that I placed on'), text)
    .map(([a, b]) => a + b);

  it('property: sorts exactly as the collator does (with code points and position breaking ties)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(text, longText), { minLength: 1000, maxLength: 1300 }), (values) => {
        expect(sorted(values)).toEqual(byCollator(values));
      }),
      { numRuns: 40 },
    );
  });

  it('property: also in ASCII-only text, where every value takes the fast path', () => {
    const ascii = fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 60 }), fc.stringMatching(/^[a-c0-2 .]{0,70}$/));
    fc.assert(
      fc.property(fc.array(ascii, { minLength: 1000, maxLength: 1300 }), (values) => {
        expect(sorted(values)).toEqual(byCollator(values));
      }),
      { numRuns: 40 },
    );
  });

  it('property: large inputs too, where the radix sort moves keys (groups of thousands with long shared prefixes)', () => {
    const prefix = fc.constantFrom('', 'Hi, I was charged twice for ', 'Hi, I was charged twice for order ', 'Hello, ');
    const word = fc.constantFrom('refund', 'Refund', 'order', 'ordér', '2', '10', '007', ' ', '’', '!', 'the', 'a');
    const message = fc.tuple(prefix, fc.array(word, { maxLength: 14 })).map(([p, ws]) => p + ws.join(' '));
    fc.assert(
      fc.property(fc.array(message, { minLength: 9000, maxLength: 9000 }), (values) => {
        expect(sorted(values)).toEqual(byCollator(values));
      }),
      { numRuns: 3 },
    );
  });

  // Locales with contractions (Czech "ch", Spanish "ll" in some), letters after z (Swedish "ä",
  // Danish "aa"), dotless i (Turkish): the keys either agree or are switched off.
  it.each(['en', 'de', 'sv', 'da', 'cs', 'es', 'tr', 'lt', 'hu', 'fr', 'ja', 'ar', 'pl'])('in the %s locale, sorts as its collator does', (locale) => {
    const order = new DisplayOrder(new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }));
    const letters = [...'aAäÄåÅæøöÖoOcChHlLiIıİsSşzZchllaaéè0123 .-’'];
    const word = fc.string({ unit: fc.constantFrom(...letters, 'ch', 'll', 'aa', 'cs', 'dz', 'dzs'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1000, maxLength: 1100 }), (values) => {
        const expected = [...values.keys()].sort((a, b) => order.compare(values[a]!, values[b]!) || a - b).map((i) => values[i]!);
        expect([...order.sort(values)].map((i) => values[i]!)).toEqual(expected);
      }),
      { numRuns: 5 },
    );
  });

  it('keeps equal values in their original order', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ['b', 'a', 'B', 'a'][i % 4]!);
    const order = [...sortForDisplay(values)];
    const aPositions = order.filter((i) => values[i] === 'a');
    expect(aPositions).toEqual([...aPositions].sort((x, y) => x - y));
  });
});
