import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';
import { answers } from './fixtures/files';

test('the columns can be changed after Continue, as one step that Undo takes back, edits kept', async ({ page, start, grid, exportPanel }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await grid.editText(5, 'inquiry', 'I was charged twice for my order');

  await test.step('use only the category as the label', async () => {
    await page.getByRole('button', { name: 'Change columns' }).click();
    await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();
    await expect(page.getByLabel('Second label (sub-category level, optional)')).toHaveValue('sub_category');
    await page.getByLabel('Second label (sub-category level, optional)').selectOption({ label: 'None' });
    await page.getByRole('button', { name: 'Use these columns' }).click();
    await grid.expectLoaded();
    await expect(grid.grid.getByRole('columnheader', { name: /sub_category/ })).toHaveCount(0);
    await expect(grid.historyButton('Undo')).toHaveAttribute('title', /^Undo: Change columns/);
    await grid.expectEditedCells(1);
  });

  await test.step('the files answer with the category alone', async () => {
    const train = await exportPanel.download('Download train.jsonl');
    expect(answers(train.bytes).every((a) => Object.keys(a as object).join() === 'category')).toBe(true);
  });

  await test.step('Undo brings the sub-category back; the edit stays', async () => {
    await grid.historyButton('Undo').click();
    await expect(grid.grid.getByRole('columnheader', { name: /sub_category/ })).toHaveCount(1);
    await grid.expectEditedCells(1);
    const train = await exportPanel.download('Download train.jsonl');
    expect(answers(train.bytes).every((a) => Object.keys(a as object).join() === 'category,sub_category')).toBe(true);
  });

  await test.step('Cancel leaves the columns as they are', async () => {
    await page.getByRole('button', { name: 'Change columns' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await grid.expectLoaded();
    await expect(grid.historyButton('Undo')).not.toHaveAttribute('title', /Change columns/);
  });

  await test.step('a reload keeps the columns chosen last', async () => {
    await page.getByRole('button', { name: 'Change columns' }).click();
    await page.getByLabel('Second label (sub-category level, optional)').selectOption({ label: 'None' });
    await page.getByRole('button', { name: 'Use these columns' }).click();
    await grid.expectLoaded();
    await page.waitForTimeout(300);
    await page.reload();
    await grid.expectLoaded();
    await expect(grid.grid.getByRole('columnheader', { name: /sub_category/ })).toHaveCount(0);
  });
});
