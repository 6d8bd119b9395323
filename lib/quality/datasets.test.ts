import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findVariants } from './label-variant';
import { runChecks } from './run';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { checkInput } from './table';
import { datasets, type DatasetFiles } from './testing-datasets';
import type { CheckReport, CheckTable } from './types';

/**
 * The checks on real public datasets, as they are: which checks fire, on how many rows, and why.
 * The full datasets are committed in test-data/datasets-full (its SOURCES.md); the samples committed in test-data/datasets (cut from them with
 * their quirks kept, see its README) are always there, and their counts below are
 * test-data/datasets/counts.py's, worked out in Python.
 */
const FULL = join(import.meta.dirname, '../../test-data/datasets-full');
const SAMPLES = join(import.meta.dirname, '../../test-data/datasets');

/** The datasets' files in `dir`, read with node:fs. */
const filesIn = (dir: string): DatasetFiles => ({ read: (f) => readFileSync(join(dir, f)), list: (sub) => readdirSync(join(dir, sub)) });

const { csvTable, folder, clincTable } = datasets(filesIn(FULL));

function run(table: CheckTable, text: string, labels: string[]): CheckReport {
  const input = checkInput(table, { textColumn: text, labelColumns: labels, stratify: [labels[0]!], testSize: { kind: 'float', value: 0.2 } });
  if (!input.ok) throw new Error(`missing ${input.missing.join(', ')}`);
  return runChecks(input.input);
}

/** "severity id" → rows (count for too-few-examples). */
const fired = (report: CheckReport): Record<string, number> => Object.fromEntries(report.checks.map((c) => [`${c.severity} ${c.id}`, c.count]));

describe('checks on the full datasets committed in test-data/datasets-full', () => {
  // info typo: misspellings judged against the file's own vocabulary only (no dictionary here; the CLI
  // adds it): lib/quality/typo/typo-datasets.test.ts and docs/typos.md judge them with the dictionary.
  it.each([
    {
      name: 'bitext-intent train',
      table: () => csvTable('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv'),
      text: 'utterance',
      labels: ['category', 'intent'],
      // duplicate: SOURCES.md's 116 case-only duplicate utterances, plus 19 that differ only in end
      // punctuation (same labels each time). whitespace: its 142 utterances with double spaces. length:
      // six one-word utterances ("register"). Quiet: every intent sits under one category
      // (hierarchy), no intent is a spelling of another (label-variant), intents are balanced.
      expected: {
        'info typo': 467,
        'warning duplicate': 135,
        'warning length': 6,
        'warning whitespace': 142,
        'warning near-duplicate-conflict': 26,
        'info near-duplicate': 1048,
        'info split-leakage': 221,
      },
    },
    {
      name: 'bitext-intent validation',
      table: () => csvTable('bitext-intent/Bitext_Sample_Customer_Service_Validation_Dataset.csv'),
      text: 'utterance',
      labels: ['category', 'intent'],
      expected: { 'info typo': 52, 'warning duplicate': 2, 'warning whitespace': 10, 'info near-duplicate': 12, 'info split-leakage': 3 },
    },
    {
      name: 'bitext-intent test',
      table: () => csvTable('bitext-intent/Bitext_Sample_Customer_Service_Testing_Dataset.csv'),
      text: 'utterance',
      labels: ['category', 'intent'],
      expected: { 'info typo': 47, 'warning duplicate': 3, 'warning length': 1, 'warning whitespace': 21, 'info near-duplicate': 26, 'info split-leakage': 6 },
    },
    {
      name: 'bitext-llm-2023',
      table: () => csvTable('bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv'),
      text: 'instruction',
      labels: ['category', 'intent'],
      // duplicate: SOURCES.md's 66 case-only duplicate instructions plus 6 differing in end punctuation.
      expected: {
        'info typo': 311,
        'warning duplicate': 72,
        'warning length': 5,
        'warning whitespace': 95,
        'warning near-duplicate-conflict': 12,
        'info near-duplicate': 563,
        'info split-leakage': 120,
      },
    },
    {
      name: 'bitext-intent-bom-crlf',
      table: () => csvTable('bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv'),
      text: 'utterance',
      labels: ['category', 'intent'],
      // duplicate: 139 case-only repeats (the 132 exact full-row copies among them) and 9 differing in
      // end punctuation; whitespace: the 13 utterances with leading or trailing spaces and 41 with
      // double spaces; length: mostly the third party's appended one-word reviews ("amazing", "worthless").
      expected: {
        'info typo': 160,
        'warning duplicate': 148,
        'warning length': 20,
        'warning whitespace': 54,
        'warning near-duplicate-conflict': 140,
        'info near-duplicate': 4283,
        'info split-leakage': 880,
      },
    },
    {
      name: 'banking77 train',
      table: () => csvTable('banking77/train.csv'),
      text: 'text',
      labels: ['category'],
      // whitespace: 454 texts with double spaces, 9 with leading/trailing whitespace (some of it line
      // breaks), 2 with a no-break space. duplicate: the 4 case-only duplicates plus one differing in
      // end punctuation. Quiet on the 77 categories: none is a rare spelling of another
      // (card_arrival / card_delivery_estimate, top_up_failed / top_up_reverted), 35–187 rows each.
      expected: {
        'info typo': 147,
        'warning duplicate': 5,
        'warning whitespace': 465,
        'warning near-duplicate-conflict': 25,
        'info near-duplicate': 633,
        'info split-leakage': 115,
      },
    },
    {
      name: 'banking77 test',
      table: () => csvTable('banking77/test.csv'),
      text: 'text',
      labels: ['category'],
      expected: {
        'info typo': 72,
        'warning duplicate': 1,
        'warning whitespace': 103,
        'warning near-duplicate-conflict': 9,
        'info near-duplicate': 86,
        'info split-leakage': 15,
      },
    },
    {
      name: 'hwu64 train, normalised text',
      table: () => csvTable(...folder('hwu64/kfold1-trainset')),
      text: 'answer_from_anno',
      labels: ['scenario', 'intent'],
      // hierarchy: the sub-labels query (11 scenarios), remove (3) and set (2) repeat across scenarios
      // — correct to report, generic names on purpose. conflicting-duplicate: "please shut off" and
      // "shut up" are labelled both audio › volume_mute and general › commandstop. length: one-word
      // commands ("alarms").
      expected: {
        'info typo': 226,
        'warning conflicting-duplicate': 4,
        'warning duplicate': 3,
        'warning hierarchy': 2721,
        'warning length': 62,
        'warning near-duplicate-conflict': 21,
        'info near-duplicate': 668,
        'info split-leakage': 141,
      },
    },
    {
      name: 'hwu64 train, raw crowd text',
      table: () => csvTable(...folder('hwu64/kfold1-trainset')),
      text: 'answer_from_user',
      labels: ['scenario', 'intent'],
      // na-string: 33 crowd answers are the word "null", which pandas reads as missing. encoding: the
      // code-page-437 mojibake of SOURCES.md ("BeyoncΓö£┬«", "grocery's├ö├ç├»"). pii: e-mail addresses
      // typed for the email_addcontact intent. Duplicates include placeholder answers ("xxx").
      expected: {
        'info typo': 240,
        'error na-string': 33,
        'warning conflicting-duplicate': 2,
        'warning duplicate': 12,
        'warning encoding': 5,
        'warning hierarchy': 2721,
        'warning length': 103,
        'warning pii': 41,
        'warning whitespace': 51,
        'warning near-duplicate-conflict': 12,
        'info near-duplicate': 611,
        'info split-leakage': 132,
      },
    },
    {
      name: 'hwu64 test, raw crowd text',
      table: () => csvTable(...folder('hwu64/kfold1-testset')),
      text: 'answer_from_user',
      labels: ['scenario', 'intent'],
      // The sixth mojibake file of SOURCES.md is in the test set ("Joe┬┤s").
      expected: {
        'info typo': 15,
        'error na-string': 1,
        'warning duplicate': 1,
        'warning encoding': 1,
        'warning hierarchy': 295,
        'warning length': 8,
        'warning pii': 4,
        'warning whitespace': 5,
        'info near-duplicate': 10,
        'info split-leakage': 1,
      },
    },
    {
      name: 'clinc150, all splits',
      table: () => clincTable(),
      text: 'text',
      labels: ['domain', 'intent'],
      // conflicting-duplicate: SOURCES.md's 4 texts labelled differently across splits ("what is on
      // my to do list": todo_list and reminder), 2 rows each. duplicate: 5 case-only repeats and 27
      // that differ in end punctuation. length: one-word queries. Quiet: 150 intents in 10 domains
      // plus oos, each intent under one domain.
      expected: {
        'info typo': 516,
        'warning conflicting-duplicate': 8,
        'warning duplicate': 32,
        'warning length': 99,
        'warning whitespace': 5,
        'warning near-duplicate-conflict': 59,
        'info near-duplicate': 2033,
        'info split-leakage': 379,
      },
    },
    {
      name: 'cfpb, Product > Sub-product',
      table: () => csvTable('cfpb-complaints-sample/Consumer_Complaints.csv'),
      text: 'Consumer complaint narrative',
      labels: ['Product', 'Sub-product'],
      // empty: the 167 empty narratives and the one empty Sub-product. rare-class (error): the legacy
      // product "Credit card" has one row (taxonomy drift beside "Credit card or prepaid card"), so
      // the split cannot run. imbalance: 156 of 268 rows are credit reporting. duplicate: SOURCES.md's 3
      // duplicate narratives (one of them three times).
      expected: {
        'info typo': 30,
        'error empty': 168,
        'error rare-class': 1,
        'warning duplicate': 4,
        'warning rare-class': 19,
        'warning whitespace': 38,
        'info imbalance': 35,
      },
    },
    {
      name: 'cfpb, Issue > Sub-issue',
      table: () => csvTable('cfpb-complaints-sample/Consumer_Complaints.csv'),
      text: 'Consumer complaint narrative',
      labels: ['Issue', 'Sub-issue'],
      // hierarchy: the taxonomy drift of SOURCES.md — "Company closed your account" under both
      // "Closing an account" and "Closing your account". empty: 167 narratives and 26 Sub-issues (179 rows).
      expected: {
        'info typo': 30,
        'error empty': 179,
        'error rare-class': 14,
        'warning duplicate': 4,
        'warning hierarchy': 3,
        'warning rare-class': 57,
        'warning whitespace': 38,
        'info imbalance': 71,
      },
    },
  ])('$name', ({ table, text, labels, expected }) => {
    const report = run(table(), text, labels);
    if (process.env.PRINT) console.log(`FIRED ${JSON.stringify(fired(report))}`);
    expect(fired(report)).toEqual(expected);
  });
});

/** Duplicates by plain string operations, to cross-check the fast normaliser on real text. */
function referenceDuplicates(table: CheckTable, text: number, labels: number[]): { caseOnly: number; ours: number } {
  const caseOnly = new Set<string>();
  const ours = new Set<string>();
  let a = 0;
  let b = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const t = table.cell(r, text);
    if (t.trim() === '' || t === 'null') continue;
    // SOURCES.md's "case-only duplicates": lower-cased, stripped, whitespace collapsed.
    const k1 = t.toLowerCase().replace(/\s+/g, ' ').trim();
    if (caseOnly.has(k1)) a++;
    caseOnly.add(k1);
    const k2 = `${k1.replace(/[\s.!?…,;:]+$/, '')}\u0000${labels.map((c) => table.cell(r, c)).join('\u0000')}`;
    if (ours.has(k2)) b++;
    ours.add(k2);
  }
  return { caseOnly: a, ours: b };
}

/** What the detailed tests expect of one copy of the datasets. */
interface Expected {
  /** bitext-intent train: referenceDuplicates (case-only, and also ignoring end punctuation). */
  bitextDuplicates: { caseOnly: number; ours: number };
  /** The duplicates (ignoring end punctuation, same labels) of three more files. */
  duplicates: { banking77: number; llm: number; bomCrlf: number };
  banking77Whitespace: { count: number; edges: number; repeated: number; unusual: number };
  hwuMojibake: number;
  hwuNull: number;
  /** cfpb: Product values with a single row, by label. */
  cfpbOneRowProducts: string[];
  cfpbEmpty: { narrative: number; subProduct: number };
  /** clinc150: rows of the texts labelled with two intents across the splits. */
  clincConflicting: number;
  labels: { banking77: number; bitextIntents: number; bitextCategories: number; cfpbSubProducts: number; cfpbSubIssues: number };
}

const FULL_EXPECTED: Expected = {
  // SOURCES.md's 116 case-only duplicates, 135 once end punctuation is ignored too.
  bitextDuplicates: { caseOnly: 116, ours: 135 },
  duplicates: { banking77: 5, llm: 72, bomCrlf: 148 },
  banking77Whitespace: { count: 465, edges: 9, repeated: 454, unusual: 2 },
  hwuMojibake: 5,
  hwuNull: 33,
  cfpbOneRowProducts: ['Credit card'],
  cfpbEmpty: { narrative: 167, subProduct: 1 },
  clincConflicting: 8,
  labels: { banking77: 77, bitextIntents: 27, bitextCategories: 11, cfpbSubProducts: 29, cfpbSubIssues: 55 },
};

const SAMPLE_EXPECTED: Expected = {
  bitextDuplicates: { caseOnly: 18, ours: 23 },
  duplicates: { banking77: 1, llm: 1, bomCrlf: 10 },
  banking77Whitespace: { count: 31, edges: 9, repeated: 20, unusual: 2 },
  hwuMojibake: 5,
  hwuNull: 33,
  // The first 25 complaints hold single rows of other products too.
  cfpbOneRowProducts: [
    'Credit card',
    'Credit card or prepaid card',
    'Money transfer, virtual currency, or money service',
    'Payday loan, title loan, or personal loan',
    'Vehicle loan or lease',
  ],
  cfpbEmpty: { narrative: 12, subProduct: 1 },
  clincConflicting: 8,
  labels: { banking77: 77, bitextIntents: 27, bitextCategories: 11, cfpbSubProducts: 9, cfpbSubIssues: 11 },
};

function details(dir: string, expected: Expected): void {
  const { csvTable, folder, clincTable } = datasets(filesIn(dir));

  it('bitext-intent: case-only duplicates, and more once end punctuation is ignored too; every intent under one category', () => {
    const table = csvTable('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv');
    expect(referenceDuplicates(table, 0, [6, 1])).toEqual(expected.bitextDuplicates);
    const report = run(table, 'utterance', ['category', 'intent']);
    expect(report.checks.find((c) => c.id === 'duplicate')?.count).toBe(expected.bitextDuplicates.ours);
    expect(report.checks.find((c) => c.id === 'hierarchy')).toBeUndefined();
  });

  it.each([
    ['banking77/train.csv', 'text', ['category'], expected.duplicates.banking77],
    ['bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv', 'instruction', ['category', 'intent'], expected.duplicates.llm],
    ['bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv', 'utterance', ['category', 'intent'], expected.duplicates.bomCrlf],
  ])('%s: the fast duplicate grouping agrees with plain string operations', (file, text, labels, count) => {
    const table = csvTable(file);
    const col = (n: string): number => table.header.indexOf(n);
    expect(referenceDuplicates(table, col(text), labels.map(col)).ours).toBe(count);
    expect(run(table, text, labels).checks.find((c) => c.id === 'duplicate')?.count).toBe(count);
  });

  it('banking77: double spaces, edge whitespace and no-break spaces, each with its fix', () => {
    const { count, edges, repeated, unusual } = expected.banking77Whitespace;
    const ws = run(csvTable('banking77/train.csv'), 'text', ['category']).checks.find((c) => c.id === 'whitespace')!;
    expect(ws.details?.columns).toEqual([{ column: 'text', count, kinds: { edges, repeated, unusual } }]);
    expect(ws.fixes?.map((f) => [f.kind, f.rows.length])).toEqual([
      ['trim', edges],
      ['collapse-spaces', repeated],
      ['normalise-spaces', unusual],
    ]);
  });

  it('hwu64: query, remove and set repeat across scenarios', () => {
    const report = run(csvTable(...folder('hwu64/kfold1-trainset')), 'answer_from_anno', ['scenario', 'intent']);
    const children = report.checks.find((c) => c.id === 'hierarchy')?.details?.children;
    expect(children?.map((c) => [c.label, c.parents.length])).toEqual([
      ['query', 11],
      ['remove', 3],
      ['set', 2],
    ]);
  });

  it('hwu64: the code page 437 mojibake in the raw crowd text, and "null" answers', () => {
    const report = run(csvTable(...folder('hwu64/kfold1-trainset')), 'answer_from_user', ['scenario', 'intent']);
    expect(report.checks.find((c) => c.id === 'encoding')?.details?.columns).toEqual([
      { column: 'answer_from_user', count: expected.hwuMojibake, kinds: { 'mojibake-dos': expected.hwuMojibake } },
    ]);
    expect(report.checks.find((c) => c.id === 'na-string')?.details?.columns?.[0]?.values).toEqual([{ value: 'null', count: expected.hwuNull }]);
  });

  it('cfpb: taxonomy drift shows as a one-row legacy product and a sub-issue under two issue spellings', () => {
    const table = csvTable('cfpb-complaints-sample/Consumer_Complaints.csv');
    const products = run(table, 'Consumer complaint narrative', ['Product', 'Sub-product']);
    const tooFew = products.checks.find((c) => c.id === 'rare-class' && c.severity === 'error')?.details?.classes ?? [];
    expect(tooFew.map((c) => c.label).sort((a, b) => (a < b ? -1 : 1))).toEqual(expected.cfpbOneRowProducts);
    expect(tooFew.every((c) => c.count === 1)).toBe(true);
    expect(products.checks.find((c) => c.id === 'empty')?.details?.columns).toEqual([
      { column: 'Consumer complaint narrative', count: expected.cfpbEmpty.narrative },
      { column: 'Sub-product', count: expected.cfpbEmpty.subProduct },
    ]);
    const issues = run(table, 'Consumer complaint narrative', ['Issue', 'Sub-issue']);
    expect(issues.checks.find((c) => c.id === 'hierarchy')?.details?.children).toEqual([
      {
        column: 'Sub-issue',
        parentColumn: 'Issue',
        label: 'Company closed your account',
        parents: [
          { label: 'Closing an account', count: 2 },
          { label: 'Closing your account', count: 1 },
        ],
      },
    ]);
  });

  it('clinc150: the texts labelled differently across splits are conflicting duplicates', () => {
    const report = run(clincTable(), 'text', ['domain', 'intent']);
    expect(report.checks.find((c) => c.id === 'conflicting-duplicate')?.count).toBe(expected.clincConflicting);
  });

  /** The distinct values of a column of a CSV. */
  const labelsOf = (file: string, column: string): string[] => {
    const table = csvTable(file);
    const col = table.header.indexOf(column);
    return [...new Set(Array.from({ length: table.rowCount }, (_, r) => table.cell(r, col)))].filter((v) => v !== '');
  };

  it.each([
    ['banking77 categories', () => labelsOf('banking77/train.csv', 'category'), expected.labels.banking77],
    ['bitext intents', () => labelsOf('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv', 'intent'), expected.labels.bitextIntents],
    ['bitext categories', () => labelsOf('bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv', 'category'), expected.labels.bitextCategories],
    ['hwu64 scenario_intent pairs', () => readdirSync(join(dir, 'hwu64/kfold1-trainset')).map((f) => f.replace(/\.csv$/, '')), 64],
    ['clinc150 intents', () => Object.values(JSON.parse(readFileSync(join(dir, 'clinc150/domains.json'), 'utf8')) as Record<string, string[]>).flat(), 150],
    ['cfpb sub-products', () => labelsOf('cfpb-complaints-sample/Consumer_Complaints.csv', 'Sub-product'), expected.labels.cfpbSubProducts],
    ['cfpb sub-issues', () => labelsOf('cfpb-complaints-sample/Consumer_Complaints.csv', 'Sub-issue'), expected.labels.cfpbSubIssues],
  ])('label-variant stays quiet on the %s even when any one of them is rare', (_name, labels, n) => {
    const values = labels();
    expect(values).toHaveLength(n);
    for (let rare = 0; rare < values.length; rare++) {
      const counts = values.map((_, i) => (i === rare ? 1 : 40));
      expect(findVariants(values, counts, new Uint8Array(values.length), DEFAULT_THRESHOLDS)).toEqual([]);
    }
  });
}

describe('real datasets in detail: the samples in test-data/datasets', () => details(SAMPLES, SAMPLE_EXPECTED));

describe('real datasets in detail: the full files committed in test-data/datasets-full', () => details(FULL, FULL_EXPECTED));
