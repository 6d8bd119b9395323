import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';

test('find and replace changes the text column unless labels are chosen, and says when labels would change', async ({ page, start, grid, charts }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await grid.region.getByRole('button', { name: 'Find and replace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Find and replace' });
  const scope = dialog.getByRole('combobox', { name: 'In' });

  await test.step('by default only the text column is searched', async () => {
    await expect(scope).toHaveValue('0');
    await expect(scope.locator('option:checked')).toHaveText('inquiry');
    await dialog.getByRole('textbox', { name: 'Find' }).fill('billing');
    await dialog.getByRole('textbox', { name: 'Replace with' }).fill('Payments');
    await expect(dialog.getByRole('status')).toHaveText('No cells match.');
  });

  await test.step('in all columns: the changes are counted per column, with a warning that labels change', async () => {
    await scope.selectOption({ label: 'All columns' });
    await expect(dialog.getByRole('status')).toHaveText('9 cells in 9 rows will change.');
    await expect(dialog).toContainText('This also changes labels (category: 9 cells), which renames classes. To rename a label everywhere, use Manage labels');
  });

  await test.step('a word in texts and labels alike: both counted', async () => {
    await dialog.getByRole('textbox', { name: 'Find' }).fill('refund');
    await dialog.getByRole('textbox', { name: 'Replace with' }).fill('repayment');
    await expect(dialog.getByRole('status')).toHaveText('6 cells in 4 rows will change. inquiry: 2 · sub_category: 4.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await charts.expectTotals('category', 30, 4);
  });
});
