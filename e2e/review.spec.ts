import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';
import { fromRoot, projectRoot } from './fixtures/files';

const run = promisify(execFile);

test('a review session: fix a typo, merge a misspelt label, undo and redo, export what the CLI exports', async ({
  page,
  start,
  grid,
  charts,
  exportPanel,
}, testInfo) => {
  await test.step('upload the tickets', async () => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    await grid.expectRows(30);
    await charts.expectTotals('category', 30, 4);
    await charts.expectBar('category', 'Biling', 3);
    await charts.expectBar('category', 'Billing', 9);
  });

  await test.step('find the inquiry with a typo and fix it from the keyboard', async () => {
    await grid.search('twise');
    await grid.expectRows(30, 1);
    await expect(grid.rows()).toHaveCount(1);
    await expect(await grid.cell(5, 'inquiry')).toHaveText('I was charged twise for my order');
    await grid.editText(5, 'inquiry', 'I was charged twice for my order');
    await grid.expectEditedCells(1);
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
    await grid.clearFilters();
    await grid.expectRows(30);
  });

  await test.step('merge “Biling” into “Billing”: filter, select all, set the category', async () => {
    await grid.filterBy('category', ['Biling']);
    await grid.expectRows(30, 3);
    await grid.selectAllInView();
    await expect(grid.bulkBar).toContainText('3 selected');
    await grid.setLabelOnSelected('category', 'Billing');
    await expect(grid.status).toContainText('Set category to “Billing” on 3 rows.');
    // The rows stay in view (rows do not jump away while the user works), now labelled Billing.
    await grid.expectRows(30, 3);
    await grid.expectEditedCells(4);
    for (const n of [28, 29, 30]) await expect(await grid.cell(n, 'category')).toHaveAccessibleName('Billing (edited)');
    await grid.bulkBar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(grid.bulkBar).toBeHidden();
    await grid.clearFilters();
    await grid.expectRows(30);
  });

  await test.step('the charts show one category fewer', async () => {
    await charts.expectTotals('category', 30, 3);
    await charts.expectBar('category', 'Billing', 12);
    await expect(charts.bar('category', 'Biling')).toHaveCount(0);
  });

  await test.step('Ctrl+Z in the search box undoes the typing, not the dataset', async () => {
    const search = page.getByRole('searchbox', { name: 'Search rows' });
    await search.fill('parcel');
    await search.press('ControlOrMeta+Z');
    await grid.expectEditedCells(4);
    await search.fill('');
    await grid.expectRows(30);
  });

  await test.step('undo the merge with Ctrl+Z from the grid, redo it with Ctrl+Shift+Z', async () => {
    await grid.focusCell(1, 'inquiry');
    await page.keyboard.press('ControlOrMeta+Z');
    await grid.expectEditedCells(1);
    await charts.expectBar('category', 'Biling', 3);
    await charts.expectTotals('category', 30, 4);

    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await grid.expectEditedCells(4);
    await expect(charts.bar('category', 'Biling')).toHaveCount(0);
  });

  await test.step('undo both edits with the Undo button, redo both with the Redo button', async () => {
    const undo = grid.historyButton('Undo');
    const redo = grid.historyButton('Redo');
    await undo.click();
    await grid.expectEditedCells(1);
    await undo.click();
    await grid.expectEditedCells(0);
    await expect(undo).toBeDisabled();
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twise for my order');

    await redo.click();
    await grid.expectEditedCells(1);
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
    await redo.click();
    await grid.expectEditedCells(4);
    await expect(redo).toBeDisabled();
    await charts.expectBar('category', 'Billing', 12);
  });

  const files: Record<string, Buffer> = {};
  await test.step('download the two JSONL files, the zip and the cleaned CSV', async () => {
    await exportPanel.expectSummary(24, 6);
    files.train = (await exportPanel.download('Download train.jsonl')).bytes;
    files.validation = (await exportPanel.download('Download validation.jsonl')).bytes;
    const zip = await exportPanel.download('Download both (.zip)');
    expect(zip.name).toBe('support-tickets-jsonl.zip');
    // Row 20 starts with "+": keep it as it is, so the CLI reads the same text.
    await exportPanel.neutraliseFormulas(false);
    const csv = await exportPanel.download('Download cleaned CSV');
    expect(csv.name).toBe('support-tickets-cleaned.csv');
    files.csv = csv.bytes;
  });

  await test.step('the files have the fixes', async () => {
    const jsonl = files.train!.toString('utf8') + files.validation!.toString('utf8');
    expect(jsonl.trimEnd().split('\n')).toHaveLength(30);
    expect(jsonl).toContain('I was charged twice for my order');
    expect(jsonl).not.toContain('twise');
    expect(jsonl).not.toContain('Biling');
    expect(jsonl.match(/\\"category\\": \\"Billing\\"/g)).toHaveLength(12);
    expect(files.csv!.toString('utf8')).toContain('"+1 for the quick reset, but how do I close my account?",Account,Close account');
  });

  await test.step('the CLI makes the same bytes from the cleaned CSV', async () => {
    const dir = testInfo.outputPath('cli');
    await mkdir(dir, { recursive: true });
    const csvPath = testInfo.outputPath('support-tickets-cleaned.csv');
    await writeFile(csvPath, files.csv!);
    await run(process.execPath, [fromRoot('cli', 'trainset.mjs'), 'export', csvPath, '--out', dir, '--quiet'], { cwd: projectRoot });
    expect((await readFile(`${dir}/train.jsonl`)).equals(files.train!), 'train.jsonl: browser and CLI agree').toBe(true);
    expect((await readFile(`${dir}/validation.jsonl`)).equals(files.validation!), 'validation.jsonl: browser and CLI agree').toBe(true);
  });
});
