import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from './read';

/**
 * The real public datasets kept in the workspace's shared/ folder (see shared/datasets/SOURCES.md),
 * read as they are. CI clones the project with shared/ beside it; the row counts are SOURCES.md's.
 */
const DATASETS = join(import.meta.dirname, '../../../shared/datasets');

const cases: { file: string; rows: number; header?: string[]; encoding?: string; delimiter?: string }[] = [
  { file: 'bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv', rows: 6480 },
  { file: 'bitext-intent/Bitext_Sample_Customer_Service_Validation_Dataset.csv', rows: 810 },
  { file: 'bitext-intent/Bitext_Sample_Customer_Service_Testing_Dataset.csv', rows: 810 },
  { file: 'bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv', rows: 4514 },
  { file: 'bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv', rows: 8359, header: ['flags', 'utterance', 'category', 'intent'] },
  { file: 'banking77/train.csv', rows: 10003, header: ['text', 'category'] },
  { file: 'banking77/test.csv', rows: 3080, header: ['text', 'category'] },
  { file: 'cfpb-complaints-sample/Consumer_Complaints.csv', rows: 268 },
  // No header line: the first utterance becomes the header, as in pandas, so 9,959 data rows.
  { file: 'hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv', rows: 9959 },
];

describe.runIf(existsSync(DATASETS))('real datasets from shared/datasets (row counts from SOURCES.md)', () => {
  it.each(cases)('$file: $rows rows', ({ file, rows, header }) => {
    const r = readCsv(readFileSync(join(DATASETS, file)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.rows).toHaveLength(rows);
    expect(r.badRows).toEqual([]);
    expect(r.info.encoding).toBe('utf-8');
    if (header) expect(r.table.header).toEqual(header);
  });

  it('bitext-llm-2023 keeps the CRLF inside quoted responses while records end in LF', () => {
    const r = readCsv(readFileSync(join(DATASETS, 'bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv')));
    if (!r.ok) throw new Error(r.problem.message);
    const response = r.table.header.indexOf('response');
    expect(r.table.rows.filter((row) => row[response]!.includes('\r\n')).length).toBe(3386);
    expect(r.info.lineEndings).toEqual({ lf: 4515, crlf: 0, cr: 0 });
  });

  it('banking77 keeps the line breaks inside quoted texts', () => {
    const r = readCsv(readFileSync(join(DATASETS, 'banking77/train.csv')));
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.table.rows.filter((row) => row[0]!.includes('\n')).length).toBe(10);
  });

  it('cfpb keeps multi-line narratives and label values with commas', () => {
    const r = readCsv(readFileSync(join(DATASETS, 'cfpb-complaints-sample/Consumer_Complaints.csv')));
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.table.header).toHaveLength(18);
    const product = r.table.header.indexOf('Product');
    expect(r.table.rows.some((row) => row[product] === 'Credit reporting, credit repair services, or other personal consumer reports')).toBe(true);
    const narrative = r.table.header.indexOf('Consumer complaint narrative');
    expect(r.table.rows.filter((row) => row[narrative] === '').length).toBe(167);
  });

  it('hwu64 per-intent files: semicolons detected, 9,960 train and 1,076 test rows', () => {
    const count = (dir: string): number =>
      readdirSync(join(DATASETS, 'hwu64', dir)).reduce((sum, f) => {
        const r = readCsv(readFileSync(join(DATASETS, 'hwu64', dir, f)));
        if (!r.ok) throw new Error(`${f}: ${r.problem.message}`);
        expect(r.info.delimiter).toBe(';');
        expect(r.table.header).toEqual(['answerid', 'scenario', 'intent', 'answer_annotation', 'answer_from_anno', 'answer_from_user']);
        return sum + r.table.rows.length;
      }, 0);
    expect(count('kfold1-trainset')).toBe(9960);
    expect(count('kfold1-testset')).toBe(1076);
  });
});
