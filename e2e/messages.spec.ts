import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';
import { csvFile } from './fixtures/start-page';

/**
 * A message belongs to the state it describes: it goes with the next change (its undo included),
 * a new file, or Start over. And a new row left empty is not left behind.
 */
test.beforeEach(async ({ start, grid }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
});

test('the grid’s note about a replace or a new row goes with its undo', async ({ page, grid }) => {
  await test.step('replace one cell: the note says so; undo: the note is gone', async () => {
    await grid.region.getByRole('button', { name: 'Find and replace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find and replace' });
    await dialog.getByRole('textbox', { name: 'Find' }).fill('twise');
    await dialog.getByRole('textbox', { name: 'Replace with' }).fill('twice');
    await expect(dialog.getByRole('status')).toHaveText('1 cell in 1 row will change.');
    await dialog.getByRole('button', { name: 'Replace all' }).click();
    await expect(grid.status).toContainText('Replaced 1 cell in 1 row.');
    await grid.historyButton('Undo').click();
    await grid.expectEditedCells(0);
    await expect(grid.status).not.toContainText('Replaced');
  });

  await test.step('add a row: the note shows; type its text: the note has done its work', async () => {
    await grid.addRow('Can I pay by invoice?');
    await expect(grid.status).not.toContainText('Row added at the end');
    await grid.expectRows(31);
  });
});

test('Add row, then Escape: the empty row is not left behind to block the export', async ({ page, grid, exportPanel }) => {
  await grid.expectRows(30);
  await grid.region.getByRole('button', { name: 'Add row' }).click();
  const editor = page.getByRole('textbox', { name: /^inquiry, row \d+$/ });
  await expect(editor).toBeFocused();
  await expect(grid.status).toContainText('Row added at the end');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await grid.expectRows(30);
  await expect(grid.status).not.toContainText('Row added at the end');
  await exportPanel.expectReady();
});

test('“Done, you can undo it.” goes when the fix is undone', async ({ page, grid }) => {
  const issues = page.getByRole('region', { name: 'Issues', exact: true });
  await issues.getByRole('button', { name: /^Merge “Biling” into “Billing”/ }).click();
  await issues
    .getByRole('group', { name: /^Confirm:/ })
    .getByRole('button', { name: 'Apply' })
    .click();
  await expect(issues.getByRole('status')).toContainText('Done — you can undo it.');
  await grid.historyButton('Undo').click();
  await expect(issues.getByRole('status')).not.toContainText('Done');
  await expect(issues).toContainText('Biling');
});

test('the Export card forgets the last download when another file is opened, and after Start over', async ({ page, start, grid, exportPanel }) => {
  await exportPanel.download('Download cleaned CSV');
  await expect(exportPanel.panel.getByRole('status')).toContainText('Saved the cleaned CSV');
  await start.upload(
    csvFile('other.csv', 'inquiry,category,sub_category\n' + Array.from({ length: 20 }, (_, i) => `text ${i},${i % 2 ? 'A' : 'B'},x`).join('\n') + '\n'),
  );
  await grid.expectRows(20);
  await expect(exportPanel.panel.getByRole('status')).not.toContainText('Saved the cleaned CSV');

  await exportPanel.download('Download cleaned CSV');
  await page.getByRole('banner').getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('dialog', { name: 'Start over?' }).getByRole('button', { name: 'Remove and start over' }).click();
  await start.expectShown();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await expect(exportPanel.panel.getByRole('status')).not.toContainText('Saved the cleaned CSV');
});

test('a cleaned CSV read back: the apostrophes before = + - @ are found and removed in one step', async ({ page, start, grid, exportPanel }) => {
  const rows = [
    ["'-2+3 is what I was charged", 'Billing', 'Refund'],
    ["'=SUM(A1:A3) shows in my invoice", 'Billing', 'Invoice'],
    ...Array.from({ length: 20 }, (_, i) => [`Where is parcel ${i}?`, i % 2 ? 'Shipping' : 'Billing', 'Other']),
  ];
  const text =
    'inquiry,category,sub_category\n' + rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
  await start.upload(csvFile('tickets-cleaned.csv', text));
  await grid.expectRows(22);
  const issues = page.getByRole('region', { name: 'Issues', exact: true });
  await expect(issues).toContainText('2 cells in inquiry start with an apostrophe before = + - or @');
  await issues.getByRole('button', { name: /^Remove the apostrophe before = \+ - @ in inquiry/ }).click();
  await issues
    .getByRole('group', { name: /^Confirm:/ })
    .getByRole('button', { name: 'Apply' })
    .click();
  await expect(issues.getByRole('status')).toContainText('Done');
  await expect(issues).not.toContainText('start with an apostrophe');
  const train = await exportPanel.download('Download train.jsonl');
  const validation = await exportPanel.download('Download validation.jsonl');
  const all = train.bytes.toString('utf8') + validation.bytes.toString('utf8');
  expect(all).toContain('"content": "-2+3 is what I was charged"');
  expect(all).toContain('"content": "=SUM(A1:A3) shows in my invoice"');
  expect(all).not.toContain("'-2+3");
});
