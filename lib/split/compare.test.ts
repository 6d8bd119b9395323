import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './index';

/** Reference: compare arrays of code points (Array.from splits by code point; lone surrogates stand alone). */
function reference(a: string, b: string): number {
  const ca = Array.from(a, (ch) => ch.codePointAt(0)!);
  const cb = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    if (ca[i] !== cb[i]) return ca[i]! < cb[i]! ? -1 : 1;
  }
  return Math.sign(ca.length - cb.length);
}

describe('compareCodePoints (§4.3)', () => {
  it('puts U+FF21 and U+E000 before U+1F600, unlike UTF-16 order', () => {
    expect(compareCodePoints('\uff21', '\u{1f600}')).toBeLessThan(0);
    expect(compareCodePoints('\ue000', '\u{1f600}')).toBeLessThan(0);
    expect(compareCodePoints('\u{1f600}', '\uff21')).toBeGreaterThan(0);
    // JS's own comparison disagrees, which is the whole point
    expect('\uff21' < '\u{1f600}').toBe(false);
  });

  it('sorts the astral-vs-BMP fixture classes as Python does', () => {
    const labels = ['😀', '👍🏽', 'Ａ', '\ue000', '中文', 'z', 'a', 'A'];
    expect([...labels].sort(compareCodePoints)).toEqual(['A', 'a', 'z', '中文', '\ue000', 'Ａ', '👍🏽', '😀']);
  });

  it('a proper prefix sorts first; equal strings compare equal', () => {
    expect(compareCodePoints('', 'a')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('😀', '😀x')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });

  it('no case folding, no normalisation, numeric-looking strings as strings', () => {
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
    expect(compareCodePoints('\u00e9', 'e\u0301')).toBeGreaterThan(0);
    expect(['9', '100', '1.0', '-1', '2', '10', '1'].sort(compareCodePoints)).toEqual(['-1', '1', '1.0', '10', '100', '2', '9']);
  });

  it('differences inside a surrogate pair and next to lone surrogates follow code points', () => {
    expect(compareCodePoints('\u{1f600}', '\u{1f601}')).toBeLessThan(0);
    // "\ud83d" alone is code point U+D83D, below U+1F600
    expect(compareCodePoints('\ud83d\ud83d\ude00', '\ud83d\ude00')).toBeLessThan(0);
    expect(compareCodePoints('\ud83da', '\ud83d\ude00')).toBeLessThan(0);
  });

  it('agrees with a code-point array comparison on arbitrary strings (property)', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'b', '\ue000', '\uff21', '\ud83d', '\ude00', '\u{1f600}', '\u{1f44d}'),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    const str = fc.string({ unit, maxLength: 6 });
    fc.assert(
      fc.property(str, str, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(reference(a, b));
        expect(Math.sign(compareCodePoints(b, a))).toBe(reference(b, a));
      }),
      { numRuns: 2000 },
    );
  });
});
