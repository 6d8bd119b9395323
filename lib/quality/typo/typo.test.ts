import { describe, expect, it } from 'vitest';
import { Dataset } from '../../dataset';
import { fixChange, fixSamples } from '../fix';
import { check, finding } from '../testing';
import type { CheckOptions, Fix, Typo } from '../types';
import { englishWords } from './dictionary';
import { forEachWord, matchCase, replaceWord } from './words';

const dictionary = englishWords();

/** Rows of the given texts (labels balanced and irrelevant), checked with the dictionary unless told. */
function typos(texts: readonly string[], options: CheckOptions = { typo: { dictionary } }): Typo[] {
  const rows = texts.map((t, i) => [t, i % 2 ? 'a' : 'b', 'x']);
  return finding(check(rows, { options }), 'typo')?.details?.typos ?? [];
}

const pairs = (found: Typo[]): string[] => found.map((t) => `${t.word} → ${t.suggestion}`);

/** `n` ordinary English sentences repeating `word` (so it is the file's own vocabulary). */
const using = (word: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `please tell me about the ${word} number ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`);

const words = (text: string): string[] => {
  const out: string[] = [];
  forEachWord(text, (s, e, start) => out.push(`${text.slice(s, e)}${start ? '^' : ''}`));
  return out;
};

describe('forEachWord: the words that could be misspelt', () => {
  it.each([
    ['Hello, world! How are you?', ['Hello^', 'world', 'How^', 'are', 'you']],
    ["I don't know. It's the customer's", ['I^', "don't", 'know', "It's^", 'the', "customer's"]],
    // `and/or` has a slash, like a path: skipped.
    ['well-known and/or bad', ['well^', 'known', 'bad']],
    ['order 123 and ord3r, 2nd item', ['order^', 'and', 'item']],
    ['see https://example.com/x, www.shop.com or me@mail.org', ['see^', 'or']],
    // An abbreviation's full stop ends a sentence as far as names go: the next word's capital proves nothing.
    ['a file.txt and e.g. this', ['a^', 'and', 'this^']],
    ['{{Order Number}} for snake_case', ['for']],
    ['first line\nSecond line', ['first^', 'line', 'Second^', 'line']],
  ])('%j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('matchCase and replaceWord: the correction in the case it replaces', () => {
  it.each([
    ['restaurnt', 'restaurant', 'restaurant'],
    ['Restaurnt', 'restaurant', 'Restaurant'],
    ['RESTAURNT', 'restaurant', 'RESTAURANT'],
    ['rEstaurnt', 'restaurant', 'restaurant'],
  ])('%s → %s', (like, suggestion, expected) => {
    expect(matchCase(like, suggestion)).toBe(expected);
  });

  it('replaces whole words only, each in its case, and leaves URLs and longer words alone', () => {
    expect(replaceWord('Restaurnt: the restaurnt, RESTAURNT. restaurnts www.restaurnt.com', 'restaurnt', 'restaurant')).toBe(
      'Restaurant: the restaurant, RESTAURANT. restaurnts www.restaurnt.com',
    );
    expect(replaceWord('nothing here', 'restaurnt', 'restaurant')).toBe('nothing here');
  });
});

describe('typo: misspelt words', () => {
  it('finds the misspellings people make', () => {
    expect(pairs(typos(['the restauranteurs agreed', 'we definately agree', 'my acount is locked']))).toEqual([
      'acount → account',
      'definately → definitely',
      'restauranteurs → restaurateurs',
    ]);
  });

  it('finds a rare word a letter from a dictionary word, grouped over its rows and spellings', () => {
    const found = typos(['I want a restaurnt tonight', 'Restaurnt near the station please', 'is the pharmacy open', 'where can I recieve my parcel']);
    expect(pairs(found)).toEqual(['restaurnt → restaurant', 'recieve → receive']);
    expect(found[0]).toMatchObject({
      distance: 1,
      source: 'dictionary',
      rows: [
        { row: 1, written: 'restaurnt' },
        { row: 2, written: 'Restaurnt' },
      ],
    });
  });

  it('finds two slips in a long word, and a slip next to a word the file uses often, without a dictionary', () => {
    expect(pairs(typos(['the accomodaton was awful']))).toEqual(['accomodaton → accommodation']);
    const texts = [...using('bitextia', 12), 'the bitexita price'];
    expect(pairs(typos(texts, {}))).toEqual(['bitexita → bitextia']);
    expect(typos(texts, {})[0]?.source).toBe('file');
  });

  it('keeps quiet about near misses: dictionary words, frequent words, short words, endings, too far', () => {
    expect(typos(['the cat sat on the car', 'I ordered two orders', 'teh cat', 'the ristorante'])).toEqual([]);
    // A word on more than typoMaxRows rows is meant.
    expect(typos(Array.from({ length: 4 }, () => 'a restaurnt'))).toEqual([]);
    // Without a dictionary, inflections of the file's words are not slips.
    expect(typos([...using('commande', 12), 'les commandes', 'la commander'], {})).toEqual([]);
    // Prefixes are not slips either: a word the dictionary lacks made of one it has.
    expect(typos(['please unsubscribed me'])).toEqual([]);
  });

  it('leaves names alone unless their correction is itself a capitalised word of the file', () => {
    expect(typos(['I live in Lansford and need a taxi', 'we met Jonh yesterday'])).toEqual([]);
    const theatres = Array.from({ length: 4 }, (_, i) => `tickets for the Odeon Theatres show ${'abcd'[i]}`);
    expect(pairs(typos([...theatres, 'any seats at the Odeon Tehatres tonight']))).toEqual(['tehatres → theatres']);
    // Capitalised at the start of a sentence says nothing: that one is judged like any word.
    expect(pairs(typos(['Restaurnt near me'])).length).toBe(1);
  });

  it('skips all caps, mixed case, digits, URLs, e-mail addresses and codes', () => {
    expect(typos(['RESTAURNT NOW', 'my iPhne broke', 'restaurnt2 and restaurnt_id', 'https://restaurnt.com', 'mail restaurnt@shop.com'])).toEqual([]);
  });

  it('uses no dictionary for text that is not English, and still the file own vocabulary', () => {
    const french = Array.from({ length: 30 }, (_, i) => `je voudrais annuler ma commande numéro ${'abcdefghij'[i % 10]} merci beaucoup pour votre aide`);
    // "restaurnt" is a letter from a dictionary word, but the text is French: the dictionary is left out.
    expect(typos([...french, 'le restaurnt est fermé'])).toEqual([]);
    expect(pairs(typos([...french, 'je voudrais anuler ma commande']))).toEqual(['anuler → annuler']);
    // The user may say so too.
    expect(typos(['I want a restaurnt tonight'], { typo: { dictionary, english: false } })).toEqual([]);
  });

  it('leaves out the words marked "Not a typo", and is off with typoMaxRows 0', () => {
    expect(typos(['I want a restaurnt tonight'], { typo: { dictionary, ignoreWords: ['Restaurnt'] } })).toEqual([]);
    expect(typos(['I want a restaurnt tonight'], { typo: { dictionary }, thresholds: { typoMaxRows: 0 } })).toEqual([]);
  });

  it('gives each misspelling a replace fix and a "Not a typo" fix over its rows', () => {
    const rows = [
      ['I want a restaurnt tonight', 'a', 'x'],
      ['RESTAURNT! Restaurnt please', 'b', 'x'],
    ];
    const report = check(rows, { options: { typo: { dictionary } } });
    expect(finding(report, 'typo')?.fixes).toEqual([
      { kind: 'replace-word', col: 0, column: 'inquiry', word: 'restaurnt', suggestion: 'restaurant', rows: [1, 2], rowIds: [0, 1] },
      { kind: 'ignore-word', word: 'restaurnt', rows: [1, 2], rowIds: [0, 1] },
    ]);
  });
});

describe('fixChange and fixSamples: replace-word and ignore-word', () => {
  const ds = (): Dataset =>
    Dataset.fromRows(
      ['inquiry', 'category'],
      [
        ['I want a restaurnt tonight', 'Food'],
        ['Restaurnt, RESTAURNT!', 'Food'],
        ['a restaurant', 'Food'],
      ],
    );
  const fix: Fix = { kind: 'replace-word', col: 0, column: 'inquiry', word: 'restaurnt', suggestion: 'restaurant', rows: [1, 2, 3], rowIds: [0, 1, 2] };

  it('replaces the word in its rows as one change, case kept', () => {
    const change = fixChange(ds(), fix);
    expect(change?.label).toBe('Replace "restaurnt" with "restaurant" in inquiry (2 rows)');
    expect(change?.patches).toEqual([
      { op: 'set', rowId: 0, col: 0, before: 'I want a restaurnt tonight', after: 'I want a restaurant tonight' },
      { op: 'set', rowId: 1, col: 0, before: 'Restaurnt, RESTAURNT!', after: 'Restaurant, RESTAURANT!' },
    ]);
    expect(fixSamples(ds(), fix, 0, 1)).toEqual({
      rows: 2,
      samples: [{ row: 1, column: 'inquiry', before: 'I want a restaurnt tonight', after: 'I want a restaurant tonight' }],
    });
  });

  it('changes nothing once fixed, and "Not a typo" changes no cell', () => {
    const d = ds();
    d.apply(fixChange(d, fix)!);
    expect(fixChange(d, fix)).toBeNull();
    expect(fixChange(d, { kind: 'ignore-word', word: 'restaurnt', rows: [1], rowIds: [0] })).toBeNull();
  });
});
