import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteStore } from './byte-store';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('ByteStore.addPlainQuoted', () => {
  it('writes printable ASCII quoted, as JSON writes it, and refuses (writing nothing) anything JSON escapes', () => {
    const store = new ByteStore();
    expect(store.addPlainQuoted('Where is my order #123? (ASAP) ~ thanks!')).toBe(true);
    expect(store.addPlainQuoted('')).toBe(true);
    for (const special of ['say "hi"', 'C:\\path', 'tab\there', 'line\nbreak', 'del\u007f', 'café', 'emoji 👍', '\u0000']) {
      expect(store.addPlainQuoted(special)).toBe(false);
    }
    expect(store.count).toBe(2);
    // What a refused text left behind is overwritten by the next one.
    expect(store.addPlainQuoted('next')).toBe(true);
    expect([0, 1, 2].map((i) => text(store.view(i)))).toEqual(['"Where is my order #123? (ASAP) ~ thanks!"', '""', '"next"']);
  });

  it('writes exactly what JSON.stringify writes whenever it takes a text, and takes every text without an escape', () => {
    const chars = fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(chars, (s) => {
        const store = new ByteStore();
        const taken = store.addPlainQuoted(s);
        const json = JSON.stringify(s);
        // JSON.stringify escapes nothing in such a text; Python's json.dumps neither (ASCII, no DEL).
        expect(taken).toBe(json === `"${s}"` && !/[^\x20-\x7e]/.test(s));
        if (taken) expect(text(store.view(0))).toBe(json);
        else expect(store.count).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('starts a new block when one is full, without copying the others', () => {
    const store = new ByteStore();
    const long = 'x'.repeat(6 << 20);
    for (let i = 0; i < 4; i++) expect(store.addPlainQuoted(long + i)).toBe(true);
    expect(store.count).toBe(4);
    expect(text(store.view(3))).toBe(`"${long}3"`);
    expect(text(store.view(0)).length).toBe(long.length + 3);
  });
});
