import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';
import { userTexts } from './fixtures/files';

/**
 * What happens when the browser fails under the user: storage that refuses writes, a data worker
 * that stops, a worker file removed by a new deployment, a saved session damaged on disk. The
 * promise in each: nothing the user did is lost silently, and the page never hangs.
 */

/** Make IndexedDB writes fail as a full disk does, in the page and in its workers. */
async function failStorage(page: Page, failing: boolean): Promise<void> {
  const toggle = (on: boolean): void => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { __realPut?: IDBObjectStore['put'] };
    proto.__realPut ??= proto.put;
    proto.put = on
      ? function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
      : proto.__realPut;
  };
  await page.evaluate(toggle, failing);
  for (const worker of page.workers()) await worker.evaluate(toggle, failing);
}

test('storage that fails for a while: the page says the changes are not saved, and after it recovers every edit survives a reload', async ({
  page,
  start,
  grid,
}) => {
  const unsaved = page.getByRole('alert').filter({ hasText: "Changes aren't being saved" });

  await test.step('upload the tickets and make a first edit', async () => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    await grid.editText(5, 'inquiry', 'I was charged twice for my order');
    await grid.expectEditedCells(1);
  });

  await test.step('the disk fills up: two more edits, and the page says they are not saved', async () => {
    await failStorage(page, true);
    await grid.editText(6, 'inquiry', 'How long does a refund usually take?');
    await grid.editText(7, 'inquiry', 'The invoice shows the wrong address');
    await expect(unsaved).toBeVisible();
    await expect(unsaved).toContainText("this browser's storage is full");
    await expect(unsaved).toContainText('download the cleaned CSV to keep a copy');
    // The edits are on screen all the same.
    await grid.expectEditedCells(3);
  });

  await test.step('the disk has room again: the message goes once everything is stored', async () => {
    await failStorage(page, false);
    await expect(unsaved).toBeHidden({ timeout: 20_000 });
  });

  await test.step('after a reload every edit is there', async () => {
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Restored your work on support-tickets.csv' })).toBeVisible();
    await grid.expectLoaded();
    await grid.expectEditedCells(3);
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
    await expect(await grid.cell(6, 'inquiry')).toHaveAccessibleName('How long does a refund usually take? (edited)');
    await expect(await grid.cell(7, 'inquiry')).toHaveAccessibleName('The invoice shows the wrong address (edited)');
  });
});

test('storage that fails and a reload before it recovers: the edits made before the failure are there', async ({ page, start, grid }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await grid.editText(5, 'inquiry', 'I was charged twice for my order');
  await grid.expectEditedCells(1);
  await failStorage(page, true);
  await grid.editText(6, 'inquiry', 'Never stored');
  await expect(page.getByRole('alert').filter({ hasText: "Changes aren't being saved" })).toBeVisible();
  await page.reload();
  await grid.expectLoaded();
  await grid.expectEditedCells(1);
  await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
});

test('the data worker stops mid-session: the next edit shows, and the downloads carry the edits from before and after', async ({
  page,
  start,
  grid,
  exportPanel,
}) => {
  await test.step('upload the tickets and edit a row', async () => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    await grid.editText(5, 'inquiry', 'BEFORE the worker stopped');
    await grid.expectEditedCells(1);
  });

  await test.step('the worker closes itself (no error event)', async () => {
    expect(page.workers()).toHaveLength(1);
    await page.workers()[0]!.evaluate(() => self.close());
    await expect(page.getByRole('status').filter({ hasText: 'data worker stopped and was restarted' })).toBeVisible();
  });

  await test.step('the next edit shows', async () => {
    await grid.editText(6, 'inquiry', 'AFTER the worker stopped');
    await grid.expectEditedCells(2);
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('BEFORE the worker stopped (edited)');
  });

  await test.step('the files carry both edits', async () => {
    const train = await exportPanel.download('Download train.jsonl');
    const validation = await exportPanel.download('Download validation.jsonl');
    const texts = [...userTexts(train.bytes), ...userTexts(validation.bytes)];
    expect(texts).toHaveLength(30);
    expect(texts).toContain('BEFORE the worker stopped');
    expect(texts).toContain('AFTER the worker stopped');
    expect(texts).not.toContain('I was charged twise for my order');
  });

  await test.step('and a reload brings both back', async () => {
    await page.reload();
    await grid.expectLoaded();
    await grid.expectEditedCells(2);
  });
});

test('the worker file is gone (a new deployment) when the worker stops: the page does the work itself and loses nothing', async ({
  page,
  start,
  grid,
  exportPanel,
}) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await grid.editText(5, 'inquiry', 'BEFORE the deployment');
  await grid.expectEditedCells(1);

  // The new deployment removed the worker's chunk: every worker the page starts from now on is asked
  // for a file the server no longer has (a real 404, so the browser's own error path is taken).
  await page.evaluate(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super('/_next/static/chunks/removed-by-a-new-deployment.js', options);
      }
    };
  });
  await page.workers()[0]!.evaluate(() => self.close());
  await expect(page.getByRole('status').filter({ hasText: 'this page does its work now' })).toBeVisible({ timeout: 30_000 });

  await grid.editText(6, 'inquiry', 'AFTER the deployment');
  await grid.expectEditedCells(2);
  const zip = await exportPanel.download('Download train.jsonl');
  const validation = await exportPanel.download('Download validation.jsonl');
  const texts = [...userTexts(zip.bytes), ...userTexts(validation.bytes)];
  expect(texts).toContain('BEFORE the deployment');
  expect(texts).toContain('AFTER the deployment');
});

/** Write into the saved session directly, as a damaged disk or an old build might have left it. */
async function damageSaved(page: Page, damage: 'second-edit' | 'file'): Promise<void> {
  await page.evaluate(async (what) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('trainset');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['file', 'changes'], 'readwrite');
      if (what === 'file') tx.objectStore('file').put({ name: 'support-tickets.csv', bytes: 'not a file' }, 'current');
      else tx.objectStore('changes').put({ label: 'Edit cell', patches: [{ op: 'set', rowId: 'x' }] }, 1);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, damage);
}

test('a damaged saved session keeps the edits before the damage and says what was dropped', async ({ page, start, grid }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await grid.editText(5, 'inquiry', 'First edit');
  await grid.editText(6, 'inquiry', 'Second edit');
  await grid.editText(7, 'inquiry', 'Third edit');
  await grid.expectEditedCells(3);
  // Let the last write land before damaging what it wrote.
  await page.waitForTimeout(300);
  await damageSaved(page, 'second-edit');
  await page.reload();
  await grid.expectLoaded();
  const notice = page.getByRole('status').filter({ hasText: 'Restored your work on support-tickets.csv' });
  await expect(notice).toContainText('2 saved edits were damaged and could not be restored');
  await expect(notice).toContainText('edit 2 is malformed');
  await grid.expectEditedCells(1);
  await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('First edit (edited)');
});

test('a saved session whose file is damaged cannot be restored, and the start screen says why', async ({ page, start, grid }) => {
  await start.open();
  await start.upload(ticketsFile());
  await grid.expectLoaded();
  await grid.editText(5, 'inquiry', 'An edit');
  await page.waitForTimeout(300);
  await damageSaved(page, 'file');
  await page.reload();
  await start.expectShown();
  await expect(page.getByRole('alert').filter({ hasText: 'Your saved work could not be restored' })).toContainText(
    'Your saved work could not be restored: the saved copy of the file is missing or damaged',
  );
});
