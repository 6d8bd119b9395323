import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';
import { TICKETS, ticketsCsv } from './fixtures/datasets';
import { ExportPanel } from './fixtures/export-panel';
import { GridPage } from './fixtures/grid-page';
import { StartPage } from './fixtures/start-page';
import { projectRoot } from './fixtures/files';

/**
 * Handing the work on: a reviewer flags a row, changes the seed, edits and undoes, then downloads
 * the project. A colleague in another browser (empty storage) opens it and finds the same session,
 * undo included, and the same files; an engineer's `trainset export --project` writes the same
 * bytes. A damaged project is refused with a message, and the work open stays.
 */
test('a project carries the session to another browser and to the CLI, byte for byte', async ({ page, browser, start, grid, exportPanel }) => {
  await start.open();
  await start.upload(csvFile('tickets.csv', ticketsCsv(TICKETS)));
  await grid.expectLoaded();

  await test.step('the reviewer works: a flag, another seed, an edit, and an edit undone', async () => {
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Review' });
    await dialog.getByRole('combobox', { name: 'Order' }).selectOption('file');
    await dialog.getByRole('region', { name: 'Current example' }).focus();
    await page.keyboard.press('f');
    await expect(dialog).toContainText('0 of 30 reviewed · 1 flagged');
    await page.keyboard.press('Escape');
    // The page behind a modal dialog takes no input: type the seed once the review has closed.
    await expect(dialog).toBeHidden();
    await exportPanel.setSeed(7);
    await grid.editText(2, 'inquiry', 'Where can I download my invoice?');
    await grid.editText(3, 'inquiry', 'This edit is undone');
    await grid.historyButton('Undo').click();
  });

  const train = (await exportPanel.download('Download train.jsonl')).bytes;
  const validation = (await exportPanel.download('Download validation.jsonl')).bytes;
  const project = await exportPanel.download('Download project');
  expect(project.name).toBe('tickets.trainset');
  const dir = mkdtempSync(path.join(tmpdir(), 'trainset-project-'));
  const projectPath = path.join(dir, project.name);
  writeFileSync(projectPath, project.bytes);

  await test.step('another browser opens it: the same rows, undo and redo, review, settings, files', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const other = await context.newPage();
    const [start2, grid2, export2] = [new StartPage(other), new GridPage(other), new ExportPanel(other)];
    await start2.open();
    await start2.upload(projectPath);
    await grid2.expectLoaded();
    await expect(other.getByRole('status').filter({ hasText: 'Opened the project tickets.trainset' })).toContainText('the work on tickets.csv');
    await expect(await grid2.cell(2, 'inquiry')).toHaveAccessibleName('Where can I download my invoice? (edited)');
    await expect(await grid2.cell(1, 'Review')).toHaveText('Flagged');
    await expect(export2.panel.getByRole('spinbutton', { name: 'Random seed' })).toHaveValue('7');
    expect((await export2.download('Download train.jsonl')).bytes.equals(train)).toBe(true);
    expect((await export2.download('Download validation.jsonl')).bytes.equals(validation)).toBe(true);
    // What was undone before can be redone here, and undone again.
    await grid2.historyButton('Redo').click();
    await expect(await grid2.cell(3, 'inquiry')).toHaveAccessibleName('This edit is undone (edited)');
    await grid2.historyButton('Undo').click();
    await expect(await grid2.cell(3, 'inquiry')).toHaveAccessibleName('Please send me the March invoice again');
    await context.close();
  });

  await test.step('trainset export --project writes the same bytes', async () => {
    const out = path.join(dir, 'out');
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'cli/trainset.mjs'), 'export', '--project', projectPath, '--out', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(out, 'train.jsonl')).equals(train)).toBe(true);
    expect(readFileSync(path.join(out, 'validation.jsonl')).equals(validation)).toBe(true);
  });

  await test.step('a damaged project is refused with a message; the open work stays', async () => {
    await start.upload({ name: 'broken.trainset', mimeType: 'application/zip', buffer: project.bytes.subarray(0, project.bytes.length >> 1) });
    const replace = page.getByRole('dialog', { name: 'Open broken.trainset?' });
    await expect(replace).toContainText('To keep them, download the project first');
    await replace.getByRole('button', { name: 'Replace dataset' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'broken.trainset' })).toContainText('is damaged');
    await expect(await grid.cell(2, 'inquiry')).toHaveAccessibleName('Where can I download my invoice? (edited)');
  });
});
