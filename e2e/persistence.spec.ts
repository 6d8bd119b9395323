import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';

test('edits survive a reload, and Start over forgets them for good', async ({ page, start, grid, charts }) => {
  let added = 0;

  await test.step('upload the tickets', async () => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    await grid.expectRows(30);
  });

  await test.step('edit a cell', async () => {
    await grid.editText(5, 'inquiry', 'I was charged twice for my order');
    await grid.expectEditedCells(1);
  });

  await test.step('relabel three rows at once', async () => {
    for (const n of [28, 29, 30]) await grid.selectRow(n);
    await expect(grid.bulkBar).toContainText('3 selected');
    await grid.setLabelOnSelected('category', 'Billing');
    await expect(grid.status).toContainText('Set category to “Billing” on 3 rows.');
    await grid.bulkBar.getByRole('button', { name: 'Clear selection' }).click();
    await grid.expectEditedCells(4);
  });

  await test.step('delete a row', async () => {
    await grid.selectRow(1);
    await grid.deleteSelected(1);
    await expect(grid.status).toContainText('Deleted 1 row.');
    await grid.expectRows(29);
    await expect(grid.row(1)).toHaveCount(0);
  });

  await test.step('add a row and label it', async () => {
    added = await grid.addRow('Can I pick up my parcel at the depot?');
    await grid.setLabel(added, 'category', 'Shipping');
    await grid.setLabel(added, 'sub_category', 'Delayed');
    await grid.expectRows(30);
    await expect(grid.row(added)).toContainText('New');
    await charts.expectBar('category', 'Shipping', 10);
    // One typed cell and three relabelled ones; the added row is marked "New" rather than edited.
    await grid.expectRows(30);
    await grid.expectEditedCells(4);
  });

  await test.step('reload the page', async () => {
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Restored your work on support-tickets.csv from today at' })).toBeVisible();
    await grid.expectLoaded();
  });

  await test.step('every edit is still there', async () => {
    await grid.expectRows(30);
    await grid.expectEditedCells(4);
    await expect(start.fileSummary()).toContainText('30 rows');
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
    for (const n of [28, 29, 30]) await expect(await grid.cell(n, 'category')).toHaveAccessibleName('Billing (edited)');
    await expect(grid.row(1)).toHaveCount(0);
    await grid.grid.getByRole('row').last().scrollIntoViewIfNeeded();
    await expect(await grid.cell(added, 'inquiry')).toContainText('Can I pick up my parcel at the depot?');
    await expect(await grid.cell(added, 'category')).toContainText('Shipping');
    await expect(grid.row(added)).toContainText('New');
    // Row 1 (Billing) is gone, rows 28–30 joined Billing, the new row is Shipping.
    await charts.expectBar('category', 'Billing', 11);
    await charts.expectBar('category', 'Shipping', 10);
  });

  await test.step('“Show only edited” lists the edited rows', async () => {
    await page.getByRole('checkbox', { name: 'Show only edited' }).check();
    await grid.expectRows(30, 5);
    await page.getByRole('checkbox', { name: 'Show only edited' }).uncheck();
    await grid.expectRows(30);
  });

  await test.step('the history came back too: undo the last edit', async () => {
    const undo = grid.historyButton('Undo');
    await expect(undo).toBeEnabled();
    await expect(undo).toHaveAttribute('title', /^Undo: .+ \(Ctrl\+Z\)$/);
    await undo.click();
    await expect(await grid.cell(added, 'sub_category')).not.toContainText('Delayed');
    await expect(grid.historyButton('Redo')).toBeEnabled();
  });

  await test.step('start over', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Start over' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start over?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Remove and start over' }).click();
    await start.expectShown();
    await expect(grid.grid).toBeHidden();
  });

  await test.step('nothing comes back on the next reload', async () => {
    await page.reload();
    await start.expectShown();
    await expect(page.getByText('Restored your work')).toHaveCount(0);
    await expect(grid.grid).toHaveCount(0);
    await expect(page.getByRole('banner')).not.toContainText('support-tickets.csv');
  });
});

test('saved settings that cannot be used come back as defaults, and the page says which', async ({ page, start, grid, exportPanel }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await exportPanel.setSeed(7);
  // Damage the saved settings the way another build or a broken disk might: an unknown target, a seed that is text.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('trainset');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('state', 'readwrite').objectStore('state');
    const state = await new Promise<Record<string, unknown>>((resolve) => {
      const r = store.get('current');
      r.onsuccess = () => resolve(r.result as Record<string, unknown>);
    });
    const choices = { ...(state.choices as object), target: 'sagemaker', seed: 'seven' };
    await new Promise<void>((resolve) => {
      const tx = db.transaction('state', 'readwrite');
      tx.objectStore('state').put({ ...state, choices }, 'current');
      tx.oncomplete = () => resolve();
    });
    db.close();
  });
  await page.reload();
  await grid.expectLoaded();
  await expect(page.getByRole('status').filter({ hasText: 'Restored your work' })).toContainText(
    'Some saved settings could not be read and are back to their defaults (seed, target)',
  );
  await expect(exportPanel.panel.getByRole('combobox', { name: 'Format for' })).toHaveValue('openai');
  await expect(exportPanel.panel.getByRole('spinbutton', { name: 'Random seed' })).toHaveValue('42');
});
