import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonJsonString, writePythonJson } from './python-json';
import type { JsonStyle } from './types';
import { Utf8Messages } from './utf8-messages';

const decoder = new TextDecoder();

/** Every message written through Utf8Messages (groups of `group`), one literal per line. */
function written(texts: string[], style: JsonStyle, group: number): string[] {
  const fallback = (t: string, out: Uint8Array, at: number): number =>
    style === 'python' ? writePythonJson(t, out, at) : at + new TextEncoder().encodeInto(JSON.stringify(t), out.subarray(at)).written;
  const messages = new Utf8Messages(style, (k) => texts[k]!, texts.length, fallback, group);
  return texts.map((_, k) => {
    const out = new Uint8Array(messages.take(k) * 6 + 2);
    return decoder.decode(out.subarray(0, messages.write(out, 0)));
  });
}

const expected = (texts: string[], style: JsonStyle): string[] => texts.map((t) => (style === 'python' ? pythonJsonString(t) : JSON.stringify(t)));

describe('Utf8Messages', () => {
  const samples = ['plain', 'say "hi" \\ back', '\b\f\n\r\t\u0001\u001f\u007f', 'Café São Paulo', '😀 👍🏽', '\u2028\u2029', 'ＡＢ', '', 'x'];

  it.each<JsonStyle>(['python', 'compact'])('writes json.dumps / JSON.stringify literals in the %s style', (style) => {
    expect(written(samples, style, 4)).toEqual(expected(samples, style));
  });

  it('writes Python escapes from the bytes: lowercase hex, astral characters as surrogate pairs, DEL escaped', () => {
    expect(written(['é😀\u007f"'], 'python', 8)).toEqual(['"\\u00e9\\ud83d\\ude00\\u007f\\""']);
    expect(written(['é😀\u007f"'], 'compact', 8)).toEqual(['"é😀\u007f\\""']);
  });

  it('writes a group holding a lone surrogate a message at a time, escaped as JSON.stringify and Python do', () => {
    const texts = ['before', 'a\ud800b', 'after é', '\udc00', 'next group'];
    expect(written(texts, 'python', 4)).toEqual(expected(texts, 'python'));
    expect(written(texts, 'compact', 4)).toEqual(expected(texts, 'compact'));
  });

  it('property: any strings, any group size, both styles: the same literals as the string escapers', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom<JsonStyle>('python', 'compact'), (texts, group, style) => {
        expect(written(texts, style, group)).toEqual(expected(texts, style));
      }),
      { numRuns: 400 },
    );
  });

  it('reads each message once, a group at a time, as the lines are taken', () => {
    const texts = Array.from({ length: 10 }, (_, i) => `message ${i}`);
    const asked: number[] = [];
    const messages = new Utf8Messages(
      'python',
      (k) => (asked.push(k), texts[k]!),
      texts.length,
      () => -1,
      4,
    );
    const out = new Uint8Array(64);
    messages.take(0);
    expect(asked).toEqual([0, 1, 2, 3]);
    expect(decoder.decode(out.subarray(0, messages.write(out, 0)))).toBe('"message 0"');
    for (let k = 1; k < texts.length; k++) {
      messages.take(k);
      expect(decoder.decode(out.subarray(0, messages.write(out, 0)))).toBe(`"message ${k}"`);
    }
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
