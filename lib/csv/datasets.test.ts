import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from './read';

/**
 * Real public datasets, read as they are: always the samples committed in test-data/datasets (cut
 * from the full files with their quirks kept, see its README; the counts below are
 * test-data/datasets/counts.py's), and the full datasets committed in test-data/datasets-full (the
 * counts are its SOURCES.md's).
 */
const SAMPLES = join(import.meta.dirname, '../../test-data/datasets');
const FULL = join(import.meta.dirname, '../../test-data/datasets-full');

const FILES = {
  bitextTrain: 'bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv',
  bitextValidation: 'bitext-intent/Bitext_Sample_Customer_Service_Validation_Dataset.csv',
  bitextTest: 'bitext-intent/Bitext_Sample_Customer_Service_Testing_Dataset.csv',
  bitextLlm: 'bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv',
  bitextBomCrlf: 'bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv',
  bankingTrain: 'banking77/train.csv',
  bankingTest: 'banking77/test.csv',
  cfpb: 'cfpb-complaints-sample/Consumer_Complaints.csv',
  hwuWatson: 'hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv',
} as const;

interface Expected {
  rows: Record<keyof typeof FILES, number>;
  /** bitext-llm-2023: responses with a CRLF inside their quotes. */
  llmCrlfResponses: number;
  /** banking77 train: texts with a line break inside their quotes. */
  bankingMultiline: number;
  cfpbEmptyNarratives: number;
  hwuTrainRows: number;
  hwuTestRows: number;
}

const SAMPLE_COUNTS: Expected = {
  rows: {
    bitextTrain: 563,
    bitextValidation: 135,
    bitextTest: 136,
    bitextLlm: 55,
    bitextBomCrlf: 285,
    bankingTrain: 397,
    bankingTest: 157,
    cfpb: 28,
    hwuWatson: 191,
  },
  llmCrlfResponses: 41,
  bankingMultiline: 10,
  cfpbEmptyNarratives: 12,
  hwuTrainRows: 356,
  hwuTestRows: 130,
};

const FULL_COUNTS: Expected = {
  rows: {
    bitextTrain: 6480,
    bitextValidation: 810,
    bitextTest: 810,
    bitextLlm: 4514,
    bitextBomCrlf: 8359,
    bankingTrain: 10003,
    bankingTest: 3080,
    cfpb: 268,
    // No header line: the first utterance becomes the header, as in pandas, so 9,959 data rows.
    hwuWatson: 9959,
  },
  llmCrlfResponses: 3386,
  bankingMultiline: 10,
  cfpbEmptyNarratives: 167,
  hwuTrainRows: 9960,
  hwuTestRows: 1076,
};

const HEADERS: Partial<Record<keyof typeof FILES, string[]>> = {
  bitextBomCrlf: ['flags', 'utterance', 'category', 'intent'],
  bankingTrain: ['text', 'category'],
  bankingTest: ['text', 'category'],
};

function suite(dir: string, expected: Expected): void {
  const read = (file: string) => {
    const r = readCsv(readFileSync(join(dir, file)));
    if (!r.ok) throw new Error(`${file}: ${r.problem.message}`);
    return r;
  };

  it.each(Object.entries(FILES) as [keyof typeof FILES, string][])('%s (%s)', (name, file) => {
    const r = read(file);
    expect(r.table.rows).toHaveLength(expected.rows[name]);
    expect(r.badRows).toEqual([]);
    expect(r.info.encoding).toBe('utf-8');
    const header = HEADERS[name];
    if (header) expect(r.table.header).toEqual(header);
  });

  it('bitext-llm-2023 keeps the CRLF inside quoted responses while records end in LF', () => {
    const r = read(FILES.bitextLlm);
    const response = r.table.header.indexOf('response');
    expect(r.table.rows.filter((row) => row[response]!.includes('\r\n')).length).toBe(expected.llmCrlfResponses);
    expect(r.info.lineEndings).toEqual({ lf: expected.rows.bitextLlm + 1, crlf: 0, cr: 0 });
  });

  it('banking77 keeps the line breaks inside quoted texts', () => {
    const r = read(FILES.bankingTrain);
    expect(r.table.rows.filter((row) => row[0]!.includes('\n')).length).toBe(expected.bankingMultiline);
  });

  it('cfpb keeps multi-line narratives and label values with commas', () => {
    const r = read(FILES.cfpb);
    expect(r.table.header).toHaveLength(18);
    const product = r.table.header.indexOf('Product');
    expect(r.table.rows.some((row) => row[product] === 'Credit reporting, credit repair services, or other personal consumer reports')).toBe(true);
    const narrative = r.table.header.indexOf('Consumer complaint narrative');
    expect(r.table.rows.filter((row) => row[narrative] === '').length).toBe(expected.cfpbEmptyNarratives);
  });

  it('hwu64 per-intent files: semicolons detected, every file with the same header', () => {
    const count = (folder: string): number =>
      readdirSync(join(dir, 'hwu64', folder)).reduce((sum, f) => {
        const r = read(join('hwu64', folder, f));
        expect(r.info.delimiter).toBe(';');
        expect(r.table.header).toEqual(['answerid', 'scenario', 'intent', 'answer_annotation', 'answer_from_anno', 'answer_from_user']);
        return sum + r.table.rows.length;
      }, 0);
    expect(count('kfold1-trainset')).toBe(expected.hwuTrainRows);
    expect(count('kfold1-testset')).toBe(expected.hwuTestRows);
  });
}

describe('real datasets: the samples in test-data/datasets', () => suite(SAMPLES, SAMPLE_COUNTS));

describe('real datasets: the full files committed in test-data/datasets-full (row counts from SOURCES.md)', () => suite(FULL, FULL_COUNTS));
