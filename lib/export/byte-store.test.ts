import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteStore } from './byte-store';
import { writePlainQuoted } from './python-json';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Add `s` plain and quoted to `store` as the exporter does (writePlainQuoted), or nothing when it refuses. */
function addPlainQuoted(store: ByteStore, s: string): boolean {
  let taken = false;
  const before = store.count;
  try {
    store.addWith(s.length + 2, (out, at) => {
      const end = writePlainQuoted(s, out, at);
      taken = end >= 0;
      if (!taken) throw new Error('refused');
      return end;
    });
  } catch {
    expect(store.count).toBe(before);
  }
  return taken;
}

describe('writePlainQuoted', () => {
  it('writes printable ASCII quoted, as JSON writes it, and refuses anything JSON escapes (what it wrote is overwritten next)', () => {
    const store = new ByteStore();
    expect(addPlainQuoted(store, 'Where is my order #123? (ASAP) ~ thanks!')).toBe(true);
    expect(addPlainQuoted(store, '')).toBe(true);
    for (const special of ['say "hi"', 'C:\\path', 'tab\there', 'line\nbreak', 'del\u007f', 'café', 'emoji 👍', '\u0000']) {
      expect(addPlainQuoted(store, special)).toBe(false);
    }
    expect(store.count).toBe(2);
    // What a refused text left behind is overwritten by the next one.
    expect(addPlainQuoted(store, 'next')).toBe(true);
    expect([0, 1, 2].map((i) => text(store.view(i)))).toEqual(['"Where is my order #123? (ASAP) ~ thanks!"', '""', '"next"']);
  });

  it('writes exactly what JSON.stringify writes whenever it takes a text, and takes every text without an escape', () => {
    const chars = fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(chars, (s) => {
        const out = new Uint8Array(s.length + 2);
        const end = writePlainQuoted(s, out, 0);
        const taken = end >= 0;
        const json = JSON.stringify(s);
        // JSON.stringify escapes nothing in such a text; Python's json.dumps neither (ASCII, no DEL).
        expect(taken).toBe(json === `"${s}"` && !/[^\x20-\x7e]/.test(s));
        if (taken) expect(text(out.subarray(0, end))).toBe(json);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ByteStore', () => {
  it('starts a new block when one is full, without copying the others', () => {
    const store = new ByteStore();
    const long = 'x'.repeat(6 << 20);
    for (let i = 0; i < 4; i++) expect(addPlainQuoted(store, long + i)).toBe(true);
    expect(store.count).toBe(4);
    expect(text(store.view(3))).toBe(`"${long}3"`);
    expect(text(store.view(0)).length).toBe(long.length + 3);
  });
});
