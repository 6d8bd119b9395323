import { describe, expect, it } from 'vitest';
import { assistantExample, draftFromGuess, draftToMapping } from './mapping';

describe('draftFromGuess', () => {
  const header = ['utterance', 'intent', 'category', 'tags'];
  it.each([
    ['a full guess', { text: 'utterance', labels: ['category', 'intent'] }, { text: 'utterance', first: 'category', second: 'intent' }],
    ['one label', { text: 'utterance', labels: ['intent'] }, { text: 'utterance', first: 'intent', second: '' }],
    ['no labels', { text: 'utterance', labels: [] }, { text: 'utterance', first: '', second: '' }],
    ['names not in the header', { text: 'nope', labels: ['gone', 'tags'] }, { text: 'utterance', first: 'tags', second: '' }],
    ['a label equal to the text', { text: 'intent', labels: ['intent', 'category'] }, { text: 'intent', first: 'category', second: '' }],
  ])('%s', (_name, guess, draft) => expect(draftFromGuess(header, guess)).toEqual(draft));

  it('an empty header gives an empty draft', () => {
    expect(draftFromGuess([], { text: '', labels: [] })).toEqual({ text: '', first: '', second: '' });
  });
});

describe('draftToMapping', () => {
  it.each([
    ['two labels', { text: 't', first: 'a', second: 'b' }, { ok: true, mapping: { text: 't', labels: ['a', 'b'] } }],
    ['one label', { text: 't', first: 'a', second: '' }, { ok: true, mapping: { text: 't', labels: ['a'] } }],
  ])('%s', (_name, draft, result) => expect(draftToMapping(draft)).toEqual(result));

  it.each([
    ['no text', { text: '', first: 'a', second: '' }, 'Choose the column that holds the text.'],
    ['no label', { text: 't', first: '', second: 'b' }, 'Choose at least one label column.'],
    ['label = text', { text: 't', first: 't', second: '' }, '“t” is the text column; choose a different column for the labels.'],
    ['second = text', { text: 't', first: 'a', second: 't' }, '“t” is the text column; choose a different column for the labels.'],
    ['same label twice', { text: 't', first: 'a', second: 'a' }, 'Choose two different label columns, or no second label.'],
  ])('%s', (_name, draft, error) => expect(draftToMapping(draft)).toEqual({ ok: false, error }));
});

describe('assistantExample', () => {
  it.each([
    [['category', 'sub_category'], ['ORDER', 'track_order'], '{"category": "ORDER", "sub_category": "track_order"}'],
    [['intent'], ['card_arrival'], '{"intent": "card_arrival"}'],
    [['a "b"'], ['x\ny'], '{"a \\"b\\"": "x\\ny"}'],
    [['category', 'intent'], [], '{"category": "…", "intent": "…"}'],
  ])('%j', (labels, values, text) => expect(assistantExample(labels, values)).toBe(text));
});
