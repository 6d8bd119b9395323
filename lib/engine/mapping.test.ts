import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvOptions } from '../csv';
import { guessMapping } from './mapping';

const SAMPLES = join(import.meta.dirname, '../../test-data/datasets');

function guessFile(path: string, options: CsvOptions = {}): ReturnType<typeof guessMapping>['guess'] {
  const r = readCsv(readFileSync(path), options);
  if (!r.ok) throw new Error(r.problem.message);
  const { header, rows } = r.table;
  return guessMapping(header, (c, row) => rows[row]![c] ?? '', rows.length).guess;
}

function guessCsv(lines: string[]): ReturnType<typeof guessMapping>['guess'] {
  const [header, ...data] = lines.map((l) => l.split(','));
  return guessMapping(header!, (c, r) => data[r]![c] ?? '', data.length).guess;
}

// The expected columns were chosen by reading the files (and their READMEs), as a person would.
describe('guessMapping on the committed samples', () => {
  it.each([
    'bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv',
    'bitext-intent/Bitext_Sample_Customer_Service_Validation_Dataset.csv',
    'bitext-intent/Bitext_Sample_Customer_Service_Testing_Dataset.csv',
  ])('bitext %s: utterance, then category > intent (not the mostly empty entity_type)', (file) => {
    expect(guessFile(join(SAMPLES, file))).toEqual({ text: 'utterance', labels: ['category', 'intent'] });
  });

  it('bitext with a BOM and a flags column first: utterance, category > intent', () => {
    expect(guessFile(join(SAMPLES, 'bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv'))).toEqual({
      text: 'utterance',
      labels: ['category', 'intent'],
    });
  });

  it('bitext LLM 2023: the instruction (not the longer response), category > intent (not tags)', () => {
    expect(guessFile(join(SAMPLES, 'bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv'))).toEqual({
      text: 'instruction',
      labels: ['category', 'intent'],
    });
  });

  it.each(['banking77/train.csv', 'banking77/test.csv'])('banking77 %s: text and category', (file) => {
    expect(guessFile(join(SAMPLES, file))).toEqual({ text: 'text', labels: ['category'] });
  });

  it('CFPB: the narrative, though 12 of 28 are empty, and Product first, then a column under it', () => {
    const g = guessFile(join(SAMPLES, 'cfpb-complaints-sample/Consumer_Complaints.csv'));
    expect(g.text).toBe('Consumer complaint narrative');
    expect(g.labels[0]).toBe('Product');
    expect(['Sub-product', 'Issue']).toContain(g.labels[1]);
  });

  it('CFPB, the whole file (committed: 268 rows): the narrative although 167 of 268 are empty, Product > Sub-product or Issue', () => {
    const g = guessFile(join(SAMPLES, 'cfpb-complaints-sample/full/Consumer_Complaints.csv'));
    expect(g.text).toBe('Consumer complaint narrative');
    expect(g.labels[0]).toBe('Product');
    expect(['Sub-product', 'Issue']).toContain(g.labels[1]);
  });

  const hwu = ['kfold1-trainset', 'kfold1-testset'].flatMap((dir) =>
    readdirSync(join(SAMPLES, 'hwu64', dir))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => `${dir}/${f}`),
  );
  it('HWU64 per-intent files: the clean answer_from_anno (not the id, the markup or the raw answer), scenario > intent', () => {
    expect(hwu.length).toBe(128);
    const wrong = hwu
      .map((f) => ({ f, g: guessFile(join(SAMPLES, 'hwu64', f)) }))
      .filter(({ g }) => g.text !== 'answer_from_anno' || g.labels.join('>') !== 'scenario>intent');
    expect(wrong).toEqual([]);
  });

  it('HWU64 Watson read without a header: column 1 is the text, column 2 the label', () => {
    const file = join(SAMPLES, 'hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv');
    expect(guessFile(file, { header: false })).toEqual({ text: 'column 1', labels: ['column 2'] });
  });
});

describe('guessMapping rules', () => {
  const rows = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));

  it('prefers a text-like name, but not when its cells are not text', () => {
    const g = guessCsv(['text,comment,label', ...rows(30, (i) => `${i % 3},this comment number ${i} is a long sentence of words,${'ab'[i % 2]}`)]);
    expect(g.text).toBe('comment');
  });

  it('takes a mostly empty column as the text only when it is by far the most text-like', () => {
    const long = (i: number): string => (i % 4 === 0 ? `a long story number ${i} about what happened to me and what the company did then` : '');
    expect(guessCsv(['note,topic', ...rows(40, (i) => `${long(i)},${'abc'[i % 3]}`)]).text).toBe('note');
    const g = guessCsv(['note,title,topic', ...rows(40, (i) => `${long(i)},title ${i} of the row,${'abc'[i % 3]}`)]);
    expect(g.text).toBe('note');
    const close = guessCsv(['note,title,topic', ...rows(40, (i) => `${i % 4 === 0 ? `short note ${i} here` : ''},a title ${i} of words,${'abc'[i % 3]}`)]);
    expect(close.text).toBe('title');
  });

  it('never takes ids, dates, numbers or almost-unique columns as labels', () => {
    const g = guessCsv([
      'ticket id,created,amount,message,code,queue',
      ...rows(
        50,
        (i) => `${1000 + i},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i * 3}.5,please help me with problem ${i} today,C${i},${'xyz'[i % 3]}`,
      ),
    ]);
    expect(g).toEqual({ text: 'message', labels: ['queue'] });
  });

  it('puts the parent first and picks the child that nests under it', () => {
    const parent = (i: number): string => 'AB'[i % 2]!;
    const child = (i: number): string => `${parent(i)}${i % 3}`;
    const noise = (i: number): string => `t${i % 5}`;
    const g = guessCsv(['utterance,tags,intent,category', ...rows(60, (i) => `what is thing ${i} about,${noise(i)},${child(i)},${parent(i)}`)]);
    expect(g).toEqual({ text: 'utterance', labels: ['category', 'intent'] });
  });
});
