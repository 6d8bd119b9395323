import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../run';
import { checkInput } from '../table';
import { datasets, type DatasetFiles } from '../testing-datasets';
import type { CheckTable, Typo } from '../types';
import { englishWords } from './dictionary';

/**
 * The typo check on the real datasets, with the English word list as the CLI loads it: how many
 * misspellings and rows, and a sample judged by hand (docs/typos.md has the judgement).
 */
const FULL = join(import.meta.dirname, '../../../test-data/datasets-full');
const SAMPLES = join(import.meta.dirname, '../../../test-data/datasets');
const filesIn = (dir: string): DatasetFiles => ({ read: (f) => readFileSync(join(dir, f)), list: (sub) => readdirSync(join(dir, sub)) });
const { csvTable, folder, clincTable } = datasets(filesIn(FULL));

function typos(table: CheckTable, text: string, labels: string[]): { words: number; rows: number; typos: Typo[] } {
  const input = checkInput(table, { textColumn: text, labelColumns: labels, stratify: [labels[0]!], testSize: { kind: 'float', value: 0.2 } });
  if (!input.ok) throw new Error(`missing ${input.missing.join(', ')}`);
  const found = runChecks(input.input, { typo: { dictionary: englishWords() } }).checks.find((c) => c.id === 'typo');
  const list = found?.details?.typos ?? [];
  return { words: list.length, rows: found?.count ?? 0, typos: list };
}

const pair = (t: Typo): string => `${t.word} → ${t.suggestion}`;

/**
 * The committed samples (test-data/datasets, cut from the same files): the same kinds of findings
 * as on the full files, fewer of them.
 */
describe('typo on the committed samples in test-data/datasets', () => {
  const sample = datasets(filesIn(SAMPLES));
  it.each([
    {
      name: 'bitext-intent train',
      table: () => sample.csvTable('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv'),
      text: 'utterance',
      labels: ['category', 'intent'],
      // The generator's noise again: swapped and dropped letters, words run together.
      expected: { words: 50, rows: 51 },
      found: ['shpi → ship', 'acconut → account', 'accountcan → account can', 'comensation → compensation'],
    },
    {
      name: 'bitext-llm-2023',
      table: () => sample.csvTable('bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv'),
      text: 'instruction',
      labels: ['category', 'intent'],
      expected: { words: 6, rows: 7 },
      found: ['agaisnt → against', 'sevrice → service', 'shippinh → shipping'],
    },
    {
      name: 'banking77 train',
      table: () => sample.csvTable('banking77/train.csv'),
      text: 'text',
      labels: ['category'],
      // Real customers' slips, a missing apostrophe, and a wrong guess where the list lacks a word.
      expected: { words: 10, rows: 12 },
      found: ['adress → address', 'withdrawl → withdraw', "didnt → didn't", 'shouldnt → shoulder'],
    },
    {
      name: 'hwu64 train, raw crowd text',
      table: () => sample.csvTable(...sample.folder('hwu64/kfold1-trainset')),
      text: 'answer_from_user',
      labels: ['scenario', 'intent'],
      // Lower-cased: a place name is taken for a slip (`india`) beside real ones.
      expected: { words: 13, rows: 15 },
      found: ['tommorrow → tomorrow', 'coffe → coffee', 'india → indie'],
    },
    {
      name: 'clinc150',
      table: () => sample.clincTable(),
      text: 'text',
      labels: ['domain', 'intent'],
      // Mostly proper nouns the word list lacks (months, places, names): the known weak spot (docs/typos.md).
      expected: { words: 54, rows: 59 },
      found: ['june → junk', 'texas → texts', 'apil → pail'],
    },
    {
      name: 'cfpb',
      table: () => sample.csvTable('cfpb-complaints-sample/Consumer_Complaints.csv'),
      text: 'Consumer complaint narrative',
      labels: ['Product', 'Sub-product'],
      expected: { words: 20, rows: 6 },
      found: ['occured → occurred', 'beleive → believe', 'paypal → papal'],
    },
  ])('$name', ({ table, text, labels, expected, found }) => {
    const result = typos(table(), text, labels);
    expect({ words: result.words, rows: result.rows }).toEqual(expected);
    for (const s of found) expect(result.typos.map(pair)).toContain(s);
  });
});

describe('typo on the full datasets committed in test-data/datasets-full', () => {
  it.each([
    {
      name: 'bitext-intent train',
      table: () => csvTable('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv'),
      text: 'utterance',
      labels: ['category', 'intent'],
      // Generated with deliberate noise: swapped, doubled, dropped letters and words run together.
      expected: { words: 614, rows: 702 },
      sample: ['oredr → order', 'iwant → i want', 'reimbursementof → reimbursement of', 'canot → cannot', 'inovice → invoice'],
    },
    {
      name: 'bitext-llm-2023',
      table: () => csvTable('bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv'),
      text: 'instruction',
      labels: ['category', 'intent'],
      expected: { words: 435, rows: 481 },
      sample: ['shpi → ship', 'cancfel → cancel'],
    },
    {
      name: 'banking77 train',
      table: () => csvTable('banking77/train.csv'),
      text: 'text',
      labels: ['category'],
      // Real misspellings of real customers, plus missing apostrophes (`couldnt` → `couldn't`, the file's
      // own spelling) and a few wrong guesses where the dictionary lacks a word (`wasnt` → `want`).
      expected: { words: 93, rows: 109 },
      sample: ['transcation → transaction', 'recepient → recipient', 'wasnt → want'],
    },
    {
      name: 'hwu64 train, raw crowd text',
      table: () => csvTable(...folder('hwu64/kfold1-trainset')),
      text: 'answer_from_user',
      labels: ['scenario', 'intent'],
      // Lower-cased crowd text: names cannot be told by their capital, and the word list has no proper
      // nouns, so `december`, `kroger`, `tetris` are taken for slips next to real ones (`tommorrow`).
      expected: { words: 282, rows: 316 },
      sample: ['tommorrow → tomorrow', 'vaccuum → vacuum', 'december → deceiver'],
    },
    {
      name: 'clinc150, all splits',
      table: () => clincTable(),
      text: 'text',
      labels: ['domain', 'intent'],
      // Lower-cased too: place and brand names (`peru`, `sacramento`, `pepsi`) are most of its findings.
      expected: { words: 652, rows: 772 },
      sample: ['recieve → receive', 'acount → account', 'peru → perk'],
    },
    {
      name: 'cfpb',
      table: () => csvTable('cfpb-complaints-sample/Consumer_Complaints.csv'),
      text: 'Consumer complaint narrative',
      labels: ['Product', 'Sub-product'],
      // Long narratives with XXXX redactions; real misspellings (`occured`, `statments`) and trade words
      // the word list lacks (`servicer`, `furnishers`, `paypal`).
      expected: { words: 50, rows: 26 },
      sample: ['occured → occurred', 'beleive → believe', 'paypal → papal'],
    },
  ])('$name', ({ table, text, labels, expected, sample }) => {
    const found = typos(table(), text, labels);
    expect({ words: found.words, rows: found.rows }).toEqual(expected);
    for (const s of sample) expect(found.typos.map(pair)).toContain(s);
  });
});
