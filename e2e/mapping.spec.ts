import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures/test';

const DATASETS = join(import.meta.dirname, '../test-data/datasets');
const WATSON = join(DATASETS, 'hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv');
const CFPB = join(DATASETS, 'cfpb-complaints-sample/Consumer_Complaints.csv');

/** Records in a header-less CSV, and the first one, counted by Python's csv module (not by Trainset). */
function pythonRecords(path: string): { count: number; first: string[] } {
  const out = execFileSync(
    'python3',
    [
      '-c',
      'import csv, json, sys\nrows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))\nprint(json.dumps({"count": len(rows), "first": rows[0]}))',
      path,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as { count: number; first: string[] };
}

test('a file without a header: the first row is asked about, and read as row 1 keeps every example', async ({ page, start, grid }) => {
  const expected = pythonRecords(WATSON);
  await start.open();
  await start.upload(WATSON);

  const question = page.getByRole('group', { name: /The first row looks like data/ });
  await test.step('the mapping step asks, quoting the first row', async () => {
    await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();
    await expect(question).toContainText('“give me the weather for merced at three…”, “weather_query”');
    await expect(question.getByRole('button', { name: 'It is the header' })).toBeVisible();
  });

  await test.step('Use it as a row: columns column 1 / column 2, mapped as text and label', async () => {
    await question.getByRole('button', { name: 'Use it as a row' }).click();
    await expect(question).toHaveCount(0);
    await expect(page.getByLabel('Which column is the text?')).toHaveValue('column 1');
    await expect(page.getByLabel('First label (category level)')).toHaveValue('column 2');
    await expect(page.getByLabel('Second label (sub-category level, optional)')).toHaveValue('');
    await page.getByRole('button', { name: 'Continue' }).click();
  });

  await test.step('every record is a row, the first example is row 1', async () => {
    await grid.expectLoaded();
    await grid.expectRows(expected.count);
    await expect(grid.grid.getByRole('columnheader')).toHaveText(['', '#', 'column 1', 'column 2', 'Review']);
    await expect(await grid.cell(1, 'column 1')).toHaveText(expected.first[0]!);
    await expect(await grid.cell(1, 'column 2')).toHaveText(expected.first[1]!);
  });
});

test('a file whose header is real is not asked about, and its narrative is the guessed text', async ({ page, start }) => {
  await start.open();
  await start.upload(CFPB);
  await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();
  await expect(page.getByRole('group', { name: /The first row looks like data/ })).toHaveCount(0);
  // 12 of the 28 complaints have no narrative; it is still the text, and Product the first label.
  await expect(page.getByLabel('Which column is the text?')).toHaveValue('Consumer complaint narrative');
  await expect(page.getByLabel('First label (category level)')).toHaveValue('Product');
});

test('"It is the header" keeps the first line as the column names', async ({ page, start }) => {
  await start.open();
  await start.upload(WATSON);
  const question = page.getByRole('group', { name: /The first row looks like data/ });
  await question.getByRole('button', { name: 'It is the header' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByLabel('Which column is the text?')).toHaveValue('give me the weather for merced at three pm');
});

test('after a reload, "Use it as a row" reads the saved copy of the file again: nothing to upload twice', async ({ page, start, grid }) => {
  const expected = pythonRecords(WATSON);
  await start.open();
  await start.upload(WATSON);
  await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();

  await page.reload();
  const question = page.getByRole('group', { name: /The first row looks like data/ });
  await question.getByRole('button', { name: 'Use it as a row' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByText(/must be uploaded again/)).toHaveCount(0);
  await expect(page.getByLabel('Which column is the text?')).toHaveValue('column 1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await grid.expectLoaded();
  await grid.expectRows(expected.count);
  await expect(await grid.cell(1, 'column 1')).toHaveText(expected.first[0]!);
});
