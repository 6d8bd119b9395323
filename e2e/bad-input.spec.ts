import { expect, test, type Page } from './fixtures/test';
import { TICKETS, ticketsCsv, ticketsFile } from './fixtures/datasets';
import { datasetSample, e2eFixture } from './fixtures/files';
import { csvFile, type UploadFile } from './fixtures/start-page';

/** The first bytes of a real PNG file (signature and header chunk of a 1×1 image). */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082',
  'hex',
);

/** After an edit, opening another file asks first; the user says yes. */
async function uploadReplacing(
  page: Page,
  upload: (file: UploadFile) => Promise<void>,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await upload(file);
  const dialog = page.getByRole('dialog', { name: `Open ${file.name}?` });
  await expect(dialog).toContainText('It replaces support-tickets.csv, and your edits to it are removed from this browser.');
  await dialog.getByRole('button', { name: 'Replace dataset' }).click();
  await expect(dialog).toBeHidden();
}

test('files that cannot be read are refused with the reason, and the dataset stays as it was', async ({ page, start, grid }) => {
  await test.step('upload the tickets and fix a typo', async () => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    await grid.editText(5, 'inquiry', 'I was charged twice for my order');
    await grid.expectRows(30);
    await grid.expectEditedCells(1);
  });

  const cases = [
    { file: csvFile('empty.csv', ''), reason: 'the file is empty. Choose a CSV file with a header row and data rows.' },
    { file: { name: 'chart.png', mimeType: 'image/png', buffer: PNG }, reason: 'this is a PNG image, not a CSV file.' },
    {
      file: csvFile(
        'broken-quote.csv',
        'inquiry,category,sub_category\nWhere is my parcel?,Shipping,Delayed\n"The courier said ""tomorrow,Shipping,Delayed\nI forgot my password,Account,Password reset\n',
      ),
      reason: 'line 3: a quoted field starts here and is never closed',
    },
  ];
  for (const { file, reason } of cases) {
    await test.step(`open ${file.name}: refused, saying why`, async () => {
      await uploadReplacing(page, (f) => start.upload(f), file);
      const banner = start.loadError(file.name);
      await expect(banner).toBeVisible();
      await expect(banner).toContainText(`${file.name} could not be read: ${reason}`);
      await expect(banner).toContainText('keep working on support-tickets.csv: it is unchanged.');
    });

    await test.step('the tickets and the edit are still there', async () => {
      await expect(start.fileSummary()).toContainText('support-tickets.csv');
      await grid.expectRows(30);
      await grid.expectEditedCells(1);
      await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
      await start.loadError(file.name).getByRole('button', { name: 'Dismiss' }).click();
      await expect(start.loadError(file.name)).toBeHidden();
    });
  }
});

test('rows with more fields than the header are set aside until the user joins or discards them', async ({ page, start, grid }) => {
  const lines = ticketsCsv(TICKETS).split('\n');
  // Two rows with unquoted commas in the text: on lines 4 and 10 of the file.
  lines.splice(3, 0, 'Hello, I need a refund,Billing,Refund');
  lines.splice(9, 0, 'Where is it, really, now?,Shipping,Delayed');
  const panel = page.getByRole('region', { name: /rows? could not be read$/ });

  await test.step('upload a CSV with two rows that have too many fields', async () => {
    await start.open();
    await start.upload(csvFile('tickets-with-commas.csv', lines.join('\n')));
    await grid.expectLoaded();
    await grid.expectRows(30);
    await expect(panel).toHaveAccessibleName('2 rows could not be read');
    await expect(panel.getByRole('listitem').filter({ hasText: 'Line 4' })).toContainText(
      'This row has 4 fields but the header has 3 — often an unquoted comma in the text.',
    );
    await expect(panel.getByRole('listitem').filter({ hasText: 'Line 10' })).toContainText('This row has 5 fields but the header has 3');
    await expect(panel.getByRole('list', { name: 'Fields on line 4' }).getByRole('listitem')).toHaveText(['Hello', 'I need a refund', 'Billing', 'Refund']);
    await expect(panel).toContainText('Joined, inquiry becomes “Hello, I need a refund”');
  });

  await test.step('join the first into the text and keep it', async () => {
    await panel.getByRole('listitem').filter({ hasText: 'Line 4' }).getByRole('button', { name: 'Join into text and keep' }).click();
    await expect(panel).toHaveAccessibleName('1 row could not be read');
    await grid.expectRows(31);
    await grid.search('Hello, I need a refund');
    await grid.expectRows(31, 1);
    await expect(grid.rows()).toHaveCount(1);
    await expect(grid.rows().first()).toContainText('Billing');
    await expect(grid.rows().first()).toContainText('Refund');
    await grid.clearFilters();
  });

  await test.step('discard the other', async () => {
    await panel.getByRole('listitem').filter({ hasText: 'Line 10' }).getByRole('button', { name: 'Discard' }).click();
    await expect(panel).toBeHidden();
    await grid.expectRows(31);
  });

  await test.step('keeping a row is an edit that can be undone', async () => {
    await grid.historyButton('Undo').click();
    await grid.expectRows(30);
  });
});

test('a file with other column names goes through the mapping step', async ({ page, start, grid, exportPanel }) => {
  await test.step('upload banking77 (columns: text, category)', async () => {
    await start.open();
    await start.upload(datasetSample('banking77', 'train.csv'));
    await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('train.csv does not have the usual inquiry, category and sub_category columns.');
  });

  await test.step('the guess is the text and one label; the example answer shows the JSON', async () => {
    await expect(page.getByRole('combobox', { name: 'Which column is the text?' })).toHaveValue('text');
    await expect(page.getByRole('combobox', { name: /^First label/ })).toHaveValue('category');
    await expect(page.getByRole('combobox', { name: /^Second label/ })).toHaveValue('');
    await expect(page.getByRole('main')).toContainText('{"category": "card_arrival"}');
    await expect(page.getByRole('region', { name: 'First rows of the file' })).toContainText('I am still waiting on my card?');
  });

  await test.step('choosing the text column as a label is refused', async () => {
    await page.getByRole('combobox', { name: /^Second label/ }).selectOption('text');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '“text” is the text column; choose a different column for the labels.' })).toBeVisible();
    await page.getByRole('combobox', { name: /^Second label/ }).selectOption('');
  });

  await test.step('continue to the grid', async () => {
    await page.getByRole('button', { name: 'Continue' }).click();
    await grid.expectLoaded();
    // The sample's rows (test-data/datasets/counts.py).
    await grid.expectRows(397);
    await expect(grid.grid.getByRole('columnheader')).toHaveText(['', '#', 'text', 'category', 'Review']);
    await expect(page.getByRole('button', { name: 'Filter by category' })).toBeVisible();
    await exportPanel.expectReady();
  });
});

test('an export that cannot be made says why and shows the row', async ({ start, grid, charts, exportPanel }) => {
  await test.step('upload a dataset with a category of one row', async () => {
    await start.open();
    await start.upload(e2eFixture('12-refuse_singleton_category', 'dataset.csv'));
    await grid.expectLoaded();
    await grid.expectRows(31);
  });

  await test.step('the JSONL downloads are disabled and the reason is listed', async () => {
    await exportPanel.expectBlocked();
    await expect(exportPanel.problems.getByRole('listitem')).toHaveCount(1);
    await expect(exportPanel.problems).toContainText(
      'Data row 31 (line 32): category "Rare" has only this one row, and a stratified split needs at least 2 rows',
    );
    // The cleaned CSV does not depend on the split.
    await expect(exportPanel.button('Download cleaned CSV')).toBeEnabled();
    await charts.showTab('Split');
    await expect(charts.panel).toContainText('No split for these settings');
    await expect(charts.panel).toContainText('category "Rare" has only this one row');
  });

  await test.step('“Show row 31” narrows the grid to that row', async () => {
    await exportPanel.problems.getByRole('button', { name: 'Show row 31' }).click();
    await grid.expectRows(31, 1);
    await expect(grid.rows()).toHaveCount(1);
    await expect(grid.row(31)).toContainText('Only one of these');
    await expect(grid.row(31)).toContainText('Rare');
    await expect(grid.region.getByRole('button', { name: 'Clear “Rows with export problems”' })).toBeVisible();
  });

  await test.step('relabel the row: the export can be made', async () => {
    await grid.setLabel(31, 'category', 'Billing');
    await exportPanel.expectReady();
    await expect(exportPanel.problems).toBeHidden();
    await grid.region.getByRole('button', { name: 'Clear “Rows with export problems”' }).click();
    await grid.expectRows(31);
  });
});

test('a validation share too small for the categories blocks the export until it is changed', async ({ start, grid, exportPanel }) => {
  await test.step('open the sample', async () => {
    await start.open();
    await start.trySample();
    await grid.expectLoaded();
    await grid.expectRows(500);
    await exportPanel.expectSummary(400, 100);
  });

  await test.step('ask for 3 validation rows', async () => {
    await exportPanel.setValidationShare('3');
    await exportPanel.expectBlocked();
    await expect(exportPanel.problems).toContainText('The validation file would get 3 rows but there are 11 category values');
    await expect(exportPanel.problems.getByRole('button', { name: /^Show row/ })).toHaveCount(0);
  });

  await test.step('back to 20%', async () => {
    await exportPanel.setValidationShare('20%');
    await exportPanel.expectReady();
    await exportPanel.expectSummary(400, 100);
  });
});
