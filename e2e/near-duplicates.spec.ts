import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';
import { TICKETS, ticketsCsv, type Ticket } from './fixtures/datasets';
import { answers, userTexts } from './fixtures/files';
import { nearDuplicateGroupIds } from '../lib/quality';

/**
 * Near-copies before export: the tickets, and row 31 asking row 14's question again ("The courier
 * lost my packages") under another sub-category. The reviewer gives the pair one label from the
 * Issues panel, undoes and redoes it, and the files carry it. Then, on the sample dataset, the
 * opt-in split keeps every near-copy on one side of the split.
 */
const ROWS: readonly Ticket[] = [...TICKETS, ['The courier lost my packages', 'Shipping', 'Delayed']];

test("a near-duplicate labelled differently is given its group's label in one step (undoable); the files carry it", async ({
  page,
  start,
  grid,
  exportPanel,
}) => {
  await start.open();
  await start.upload(csvFile('tickets-near.csv', ticketsCsv(ROWS)));
  await grid.expectLoaded();
  const issues = page.getByRole('region', { name: 'Issues', exact: true });
  const finding = issues.getByRole('listitem').filter({ hasText: 'nearly repeat a row labelled differently' });

  await test.step('the Issues panel names the pair and its two labels', async () => {
    await expect(finding).toContainText('2 rows nearly repeat a row labelled differently');
    await expect(finding).toContainText('Shipping › Lost package');
    await expect(finding).toContainText('Shipping › Delayed');
  });

  await test.step('the fix sets the newer row to the label of the first, as one undoable step', async () => {
    await finding.getByRole('button', { name: /^Give each group its most common label \(1 row\)/ }).click();
    const confirm = issues.getByRole('group', { name: /^Confirm: Give each group its most common label/ });
    await expect(confirm).toContainText('Sets category and sub_category of 1 row');
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await expect(await grid.cell(31, 'sub_category')).toHaveAccessibleName('Lost package (edited)');
    await expect(finding).toHaveCount(0);
    await grid.historyButton('Undo').click();
    await expect(await grid.cell(31, 'sub_category')).toHaveAccessibleName('Delayed');
    await expect(finding).toHaveCount(1);
    await grid.historyButton('Redo').click();
    await expect(await grid.cell(31, 'sub_category')).toHaveAccessibleName('Lost package (edited)');
  });

  await test.step('both rows are written with the one label', async () => {
    const train = (await exportPanel.download('Download train.jsonl')).bytes;
    const validation = (await exportPanel.download('Download validation.jsonl')).bytes;
    const texts = [...userTexts(train), ...userTexts(validation)];
    const labels = [...answers(train), ...answers(validation)];
    for (const text of ['The courier lost my package', 'The courier lost my packages']) {
      expect(labels[texts.indexOf(text)]).toEqual({ category: 'Shipping', sub_category: 'Lost package' });
    }
  });
});

test('"Keep near-duplicates on one side": no validation example has a near-copy in training, the sizes stay, and the choice is kept', async ({
  page,
  start,
  grid,
  exportPanel,
}) => {
  await start.open();
  await start.trySample();
  await grid.expectLoaded();
  await page.getByRole('tab', { name: 'Split' }).click();
  const leakNote = page.getByRole('note').filter({ hasText: 'validation examples' });
  await expect(leakNote).toHaveText(/^\d+ of 100 validation examples have a copy in train\.jsonl/);
  const before = {
    train: userTexts((await exportPanel.download('Download train.jsonl')).bytes),
    validation: userTexts((await exportPanel.download('Download validation.jsonl')).bytes),
  };

  const option = page.getByRole('checkbox', { name: 'Keep near-duplicates on one side' });
  await option.check();
  const keptNote = page.getByRole('note').filter({ hasText: 'Near-duplicates kept on one side.' });
  await expect(keptNote).toContainText(/\d+ groups? (was|were) split across the files/);
  await expect(leakNote).toHaveCount(0);

  const after = {
    train: userTexts((await exportPanel.download('Download train.jsonl')).bytes),
    validation: userTexts((await exportPanel.download('Download validation.jsonl')).bytes),
  };
  expect(after.train).toHaveLength(before.train.length);
  expect(after.validation).toHaveLength(before.validation.length);
  // The check's own grouping (exact copies and near-copies at 0.8), on every text of both files.
  const texts = [...after.train, ...after.validation];
  const groups = nearDuplicateGroupIds(texts, 0.8);
  const trainGroups = new Set(groups.subarray(0, after.train.length));
  const leaking = after.validation.filter((_, i) => groups[after.train.length + i]! >= 0 && trainGroups.has(groups[after.train.length + i]!));
  expect(leaking).toEqual([]);
  const beforeGroups = nearDuplicateGroupIds([...before.train, ...before.validation], 0.8);
  const beforeTrain = new Set(beforeGroups.subarray(0, before.train.length));
  expect(before.validation.some((_, i) => beforeTrain.has(beforeGroups[before.train.length + i]!))).toBe(true);

  await page.reload();
  await grid.expectLoaded();
  await expect(page.getByRole('checkbox', { name: 'Keep near-duplicates on one side' })).toBeChecked();
});
