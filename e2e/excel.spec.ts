import { readFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS, exportCsv } from '../lib/export';
import { workbookToCsv } from '../lib/xlsx';
import { expect, test } from './fixtures/test';
import { answers, fromRoot, userTexts } from './fixtures/files';

/**
 * An Excel user uploads a workbook: with several sheets the page asks which one holds the table,
 * and the files are what the notebook would write from that sheet saved as CSV. An old .xls is
 * refused with what to do.
 */

const book = (name: string): string => fromRoot('test-data', 'xlsx', name);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What `trainset export two-sheets.xlsx --sheet Inquiries` writes: the CLI and the app are two doors to the same lib/. */
async function expectedFiles(): Promise<{ train: Buffer; validation: Buffer }> {
  const sheet = workbookToCsv(await readFile(book('two-sheets.xlsx')), 'Inquiries');
  if (!sheet.ok) throw new Error(sheet.problem.message);
  const r = exportCsv(sheet.csv, DEFAULT_SETTINGS, { encoding: 'utf-8', delimiter: ',' });
  if (!r.ok) throw new Error(r.kind);
  const bytes = (batches: Iterable<Uint8Array[]>) => Buffer.concat([...batches].flat());
  return { train: bytes(r.files.train()), validation: bytes(r.files.validation()) };
}

test('a two-sheet workbook: the sheet is chosen with the keyboard, its rows reviewed and exported', async ({ page, start, grid, exportPanel, axe }) => {
  await start.open();
  await start.upload({ name: 'two-sheets.xlsx', mimeType: XLSX_TYPE, buffer: await readFile(book('two-sheets.xlsx')) });

  const dialog = page.getByRole('dialog', { name: 'Which sheet holds the table?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('two-sheets.xlsx has 2 sheets with cells');
  const notes = dialog.getByRole('radio', { name: 'Notes' });
  const inquiries = dialog.getByRole('radio', { name: 'Inquiries' });
  // The first sheet is selected and has the focus: the arrow keys move to the next one, Enter opens it.
  await expect(notes).toBeChecked();
  await expect(notes).toBeFocused();
  await axe('sheet choice');
  await page.keyboard.press('ArrowDown');
  await expect(inquiries).toBeChecked();
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await grid.expectLoaded();
  await grid.expectRows(20);
  await expect(start.fileSummary()).toContainText('two-sheets.xlsx');
  await expect(start.fileSummary()).toContainText('Excel workbook');
  await expect(start.fileSummary()).toContainText('sheet “Inquiries”');
  await expect(await grid.cell(1, 'inquiry')).toHaveText('Where is my parcel? It was due on Monday.');
  await expect(await grid.cell(1, 'sub_category')).toHaveText('Delayed');

  await exportPanel.expectReady();
  const train = await exportPanel.download('Download train.jsonl');
  const validation = await exportPanel.download('Download validation.jsonl');
  const expected = await expectedFiles();
  expect(train.bytes.equals(expected.train)).toBe(true);
  expect(validation.bytes.equals(expected.validation)).toBe(true);
  // What a person would check: 16 of the 20 rows for training, the cell's line break and quotes kept, the labels as the answer.
  expect(userTexts(train.bytes)).toHaveLength(16);
  const texts = [...userTexts(train.bytes), ...userTexts(validation.bytes)];
  expect(texts).toEqual(expect.arrayContaining(['Line one of a long message\nline two of it', 'Can I pay by bank transfer, "net 30"?']));
  const labels = [...answers(train.bytes), ...answers(validation.bytes)];
  expect(labels[texts.indexOf('I forgot my password')]).toEqual({ category: 'Account', sub_category: 'Password reset' });

  // The session is kept with the sheet chosen: after a reload the same sheet is read again, without asking.
  await page.reload();
  await grid.expectLoaded();
  await grid.expectRows(20);
  await expect(start.fileSummary()).toContainText('sheet “Inquiries”');
  await expect(dialog).toBeHidden();
});

test('an old .xls is refused with what to do, and nothing else changes', async ({ start }) => {
  await start.open();
  await start.upload({ name: 'old-format.xls', mimeType: 'application/vnd.ms-excel', buffer: await readFile(book('old-format.xls')) });
  const error = start.loadError('old-format.xls');
  await expect(error).toContainText(
    'this is an old-format .xls or a password-protected workbook: open it in Excel and save it as .xlsx (without a password) or as CSV UTF-8, then upload that.',
  );
  await start.expectShown();
});
