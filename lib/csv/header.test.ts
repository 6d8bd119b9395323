import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerLooksLikeData } from './header';
import { readCsv } from './read';

const SAMPLES = join(import.meta.dirname, '../../test-data/datasets');

function check(path: string): string | null {
  const r = readCsv(readFileSync(path));
  if (!r.ok) throw new Error(r.problem.message);
  // The raw first row: the table's header is pandas' names, which are the same for these files.
  return headerLooksLikeData(r.table.header, (c, row) => r.table.rows[row]![c] ?? '', r.table.rows.length);
}

function checkRows(lines: string[][]): string | null {
  const [header, ...rows] = lines;
  return headerLooksLikeData(header!, (c, r) => rows[r]![c] ?? '', rows.length);
}

describe('headerLooksLikeData', () => {
  it('finds the HWU64 Watson file’s first example where its header would be', () => {
    const why = check(join(SAMPLES, 'hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv'));
    expect(why).toBe('“give me the weather for merced at three…” reads like a sentence, not a column name');
  });

  it.each([
    'bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv',
    'bitext-intent-bom-crlf/Bitext_Sample_Customer_Service_Training_Dataset.csv',
    'bitext-llm-2023/Bitext_Sample_Customer_Support_Training_Dataset.csv',
    'banking77/train.csv',
    'cfpb-complaints-sample/Consumer_Complaints.csv',
    'hwu64/kfold1-trainset/weather_query.csv',
    'hwu64/kfold1-testset/play_game.csv',
  ])('leaves a real header alone: %s', (file) => {
    expect(check(join(SAMPLES, file))).toBeNull();
  });

  it('a first-row cell that is also a value of its own column', () => {
    expect(
      checkRows([
        ['book a flight', 'travel'],
        ['cancel my card', 'banking'],
        ['what is the weather', 'travel'],
      ]),
    ).toBe('“travel” is also a value in its own column');
  });

  it('a number over a column of numbers, but not a name over numbers', () => {
    expect(
      checkRows([
        ['12', 'hello there'],
        ['13', 'good bye'],
      ]),
    ).toBe('“12” is a number, like the values below it');
    expect(
      checkRows([
        ['id', 'text'],
        ['13', 'good bye'],
      ]),
    ).toBeNull();
  });

  it('short names of several words are names; no rows, no verdict', () => {
    expect(
      checkRows([
        ['Consumer complaint narrative', 'Company response to consumer'],
        ['it was bad', 'Closed'],
      ]),
    ).toBeNull();
    expect(checkRows([['give me the weather for merced at three pm', 'weather_query']])).toBeNull();
  });
});
