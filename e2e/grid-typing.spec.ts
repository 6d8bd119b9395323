import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';

/**
 * Typing over a cell, as in a spreadsheet: the first key starts the edit and is the first
 * character of the new value, and every later key is kept, however fast the user types.
 */
test.beforeEach(async ({ start, grid }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
});

test('typing over a label cell keeps every key, the first one included', async ({ page, grid }) => {
  for (const [row, typed] of [
    [2, 'Quokka'],
    [3, 'Shipping'],
  ] as const) {
    const cell = await grid.focusCell(row, 'category');
    // No delay between keys: faster than the editor opens.
    await page.keyboard.type(typed, { delay: 0 });
    const combobox = page.getByRole('combobox', { name: `category, row ${row}`, exact: true });
    await expect(combobox).toHaveValue(typed);
    await page.keyboard.press('Enter');
    await expect(combobox).toBeHidden();
    await expect(cell).toHaveAccessibleName(`${typed} (edited)`);
  }
});

test('typing two letters on a label cell offers the labels that start with them', async ({ page, grid }) => {
  const cell = await grid.focusCell(10, 'category');
  await expect(cell).toHaveAccessibleName('Shipping');
  await page.keyboard.type('Ac', { delay: 0 });
  await expect(page.getByRole('combobox', { name: 'category, row 10', exact: true })).toHaveValue('Ac');
  await expect(page.getByRole('listbox', { name: 'Values of category, row 10' }).getByRole('option').first()).toHaveText(/^Account/);
  await page.keyboard.press('Enter');
  await expect(cell).toHaveAccessibleName('Account (edited)');
});

test('typing over a text cell replaces its text with what was typed', async ({ page, grid }) => {
  const cell = await grid.focusCell(4, 'inquiry');
  await page.keyboard.type('Refund for the cable', { delay: 0 });
  const editor = page.getByRole('textbox', { name: 'inquiry, row 4', exact: true });
  await expect(editor).toHaveValue('Refund for the cable');
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(cell).toHaveAccessibleName('Refund for the cable (edited)');
});
