import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';
import { datasetSample, e2eFixture } from './fixtures/files';
import { csvFile } from './fixtures/start-page';

// Three independent sessions, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

test('axe: start screen, mapping step, a file that cannot be read', async ({ page, start, axe }) => {
  await test.step('start screen', async () => {
    await start.open();
    await axe('start');
  });

  await test.step('mapping step', async () => {
    await start.upload(datasetSample('banking77', 'test.csv'));
    await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'First rows of the file' })).toBeVisible();
    await axe('mapping');
  });

  await test.step('a file that cannot be read', async () => {
    await start.upload(csvFile('empty.csv', ''));
    await expect(start.loadError('empty.csv')).toBeVisible();
    await axe('load error');
  });
});

test('axe: the workspace, the grid while editing, filters, find and replace, charts', async ({ page, start, grid, charts, exportPanel, axe }) => {
  // Eight full-page axe scans of a page with a grid: over a minute on a busy two-core machine.
  test.slow();
  await test.step('workspace with the grid', async () => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    await charts.expectTotals('category', 30, 4);
    await exportPanel.expectReady();
    await axe('workspace');
  });

  await test.step('the grid while a label is edited (combobox open)', async () => {
    const combobox = await grid.openLabelEditor(2, 'category');
    await page.keyboard.type('Bil');
    await expect(page.getByRole('listbox', { name: 'Values of category, row 2' }).getByRole('option')).toHaveText([/^Billing/, /^Biling/, 'Create “Bil”']);
    await expect(combobox).toHaveAttribute('aria-activedescendant', /.+/);
    await axe('label editor');
    await page.keyboard.press('Escape');
    await expect(combobox).toBeHidden();
  });

  await test.step('a label filter, and the bar for selected rows', async () => {
    await page.getByRole('button', { name: 'Filter by category' }).click();
    await expect(page.getByRole('dialog', { name: 'Filter by category' }).getByRole('checkbox')).toHaveCount(4);
    await axe('label filter');
    await page.keyboard.press('Escape');
    await grid.selectRow(1);
    await grid.selectRow(2);
    await expect(grid.bulkBar).toContainText('2 selected');
    await axe('bulk bar');
    await grid.bulkBar.getByRole('button', { name: 'Clear selection' }).click();
  });

  await test.step('find and replace dialog', async () => {
    await grid.region.getByRole('button', { name: 'Find and replace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find and replace' });
    await expect(dialog.getByRole('textbox', { name: 'Find' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Find' }).fill('parcel');
    await dialog.getByRole('textbox', { name: 'Replace with' }).fill('package');
    await expect(dialog.getByRole('status')).toHaveText('2 cells in 2 rows will change.');
    await expect(dialog.getByRole('list', { name: 'First changes' }).getByRole('listitem')).toHaveCount(2);
    await axe('find and replace');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('split view tab, and the numbers as tables', async () => {
    await charts.showTab('Split');
    await expect(charts.panel).toContainText('24 train · 6 validation examples');
    await axe('split');
    await charts.panel.getByRole('button', { name: 'Show as table' }).click();
    await expect(charts.panel.getByRole('table')).toBeVisible();
    await axe('split as a table');
    await charts.showTab('Labels');
    await axe('labels as a table');
  });
});

test('axe: export problems, rows that could not be read, the start-over question', async ({ page, start, grid, exportPanel, axe }) => {
  await test.step('export panel with problems', async () => {
    await start.open();
    await start.upload(e2eFixture('12-refuse_singleton_category', 'dataset.csv'));
    await grid.expectRows(31);
    await exportPanel.expectBlocked();
    await exportPanel.problems.scrollIntoViewIfNeeded();
    await axe('export problems');
  });

  await test.step('rows that could not be read', async () => {
    await start.upload(e2eFixture('13-refuse_too_many_fields', 'dataset.csv'));
    await expect(page.getByRole('region', { name: '1 row could not be read' })).toBeVisible();
    await axe('rows that could not be read');
  });

  await test.step('the start-over question', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByRole('dialog', { name: 'Start over?' })).toBeVisible();
    await axe('start over dialog');
  });
});

test('the grid works from the keyboard alone', async ({ page, start, grid }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  const cell = (n: number, column: string) => grid.cell(n, column);

  await test.step('Tab from the top of the page reaches the grid’s one stop: the first inquiry', async () => {
    await page.getByRole('banner').getByRole('heading', { name: 'Trainset' }).click();
    const first = await cell(1, 'inquiry');
    for (let presses = 0; presses < 20 && !(await first.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
  });

  await test.step('arrow keys move between cells', async () => {
    await page.keyboard.press('ArrowDown');
    await expect(await cell(2, 'inquiry')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(await cell(2, 'category')).toBeFocused();
    await page.keyboard.press('End');
    await expect(await cell(2, 'Review')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(await cell(2, 'sub_category')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(await grid.selectCell(2)).toBeFocused();
  });

  await test.step('Space selects the row', async () => {
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Select row 2', exact: true })).toBeChecked();
    await expect(grid.bulkBar).toContainText('1 selected');
    await page.keyboard.press('Space');
    await expect(grid.bulkBar).toBeHidden();
  });

  await test.step('Enter opens a label’s combobox, Escape cancels it', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(await cell(2, 'category')).toBeFocused();
    await page.keyboard.press('Enter');
    const combobox = page.getByRole('combobox', { name: 'category, row 2' });
    await expect(combobox).toBeFocused();
    await page.keyboard.type('Account');
    await page.keyboard.press('Escape');
    await expect(combobox).toBeHidden();
    await expect(await cell(2, 'category')).toBeFocused();
    await expect(await cell(2, 'category')).toHaveAccessibleName('Billing');
  });

  await test.step('Enter edits a text, Escape cancels, Enter saves and moves down', async () => {
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'inquiry, row 2' });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue('Where can I download my invoice');
    await page.keyboard.type('?');
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    await expect(await cell(2, 'inquiry')).toBeFocused();
    await expect(await cell(2, 'inquiry')).toHaveAccessibleName('Where can I download my invoice');
    await grid.expectEditedCells(0);

    await page.keyboard.press('Enter');
    await expect(editor).toBeFocused();
    await page.keyboard.type('?');
    await page.keyboard.press('Enter');
    await expect(editor).toBeHidden();
    await expect(await cell(3, 'inquiry')).toBeFocused();
    await expect(await cell(2, 'inquiry')).toHaveAccessibleName('Where can I download my invoice? (edited)');
    await grid.expectEditedCells(1);
  });

  await test.step('typing on a label cell starts editing it; Enter takes the match and moves down', async () => {
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('A');
    const combobox = page.getByRole('combobox', { name: 'category, row 2' });
    await expect(combobox).toBeFocused();
    await expect(combobox).toHaveValue('A');
    await page.keyboard.type('ccount');
    await expect(page.getByRole('listbox', { name: 'Values of category, row 2' }).getByRole('option').first()).toHaveText(/^Account/);
    await page.keyboard.press('Enter');
    await expect(combobox).toBeHidden();
    await expect(await cell(3, 'category')).toBeFocused();
    await expect(await cell(2, 'category')).toHaveAccessibleName('Account (edited)');
  });

  await test.step('up from the first row is the header: Enter sorts by that column', async () => {
    await page.keyboard.press('ControlOrMeta+Home');
    await expect(await grid.selectCell(1)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    const header = grid.grid.getByRole('columnheader', { name: 'inquiry' });
    await expect(header).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect(grid.rows().first()).toContainText('+1 for the quick reset');
  });

  await test.step('Tab leaves the grid for the next control, in the side column', async () => {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Distribution and export' }).locator(':focus')).toHaveCount(1);
  });
});
