import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { e2eFixture } from './fixtures/files';
import type { ExportPanel } from './fixtures/export-panel';
import type { GridPage } from './fixtures/grid-page';
import type { StartPage } from './fixtures/start-page';

/**
 * The JSONL files go to the browser's downloads as the data worker writes them, through the app's
 * download service worker, with a Blob as the way when there is none. Whichever way, the bytes are
 * the notebook's; a download cancelled, or cut by a worker that stops, is said on the page and
 * loses nothing.
 */

/** The download service worker has taken the page (it does on the first visit, once installed). */
async function expectServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
}

/**
 * A CSV large enough that train.jsonl is written in many batches (about 90 MB: 8 MB each), with
 * accents and quotes in the messages. Written to a file: Playwright takes at most 50 MB in memory.
 */
async function largeCsv(dir: string, rows = 90_000): Promise<string> {
  const filler = 'The parcel “arrived” late, and the café said "call support" — ';
  const categories = ['billing', 'shipping', 'returns', 'account'];
  const lines = ['inquiry,category,sub_category'];
  for (let i = 0; i < rows; i++) {
    const text = `Ticket ${i}: ${filler.repeat(14)}é ${i % 97}`.replaceAll('"', '""');
    lines.push(`"${text}",${categories[i % 4]},sub_${i % 3}`);
  }
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'large.csv');
  await writeFile(file, lines.join('\n') + '\n');
  return file;
}

/** The app with the download service worker in charge, the large CSV uploaded and ready to download. */
async function openLarge(app: { page: Page; start: StartPage; grid: GridPage; exportPanel: ExportPanel }, dir: string): Promise<void> {
  await app.start.open();
  await expectServiceWorker(app.page);
  await app.start.upload(await largeCsv(dir));
  await app.grid.expectRows(90_000);
  await app.exportPanel.expectReady();
}

test.describe('streamed downloads', () => {
  test('train.jsonl and validation.jsonl are saved as the worker writes them: the notebook’s bytes', async ({ page, start, grid, exportPanel }) => {
    await start.open();
    await expectServiceWorker(page);
    await start.upload(e2eFixture('05-large_skewed', 'dataset.csv'));
    await grid.expectLoaded();
    await exportPanel.expectReady();

    for (const file of ['train.jsonl', 'validation.jsonl'] as const) {
      const saved = await exportPanel.download(`Download ${file}`);
      expect(saved.name).toBe(file);
      expect(saved.streamed, `${file} streamed, not made as a Blob`).toBe(true);
      expect(saved.bytes.equals(await readFile(e2eFixture('05-large_skewed', file))), `${file}: the notebook's bytes`).toBe(true);
    }
  });

  test('the user cancels train.jsonl in the browser: the page says so, and downloading again saves the whole file', async ({
    page,
    start,
    grid,
    exportPanel,
  }, testInfo) => {
    test.slow();
    await openLarge({ page, start, grid, exportPanel }, testInfo.outputDir);

    const first = await exportPanel.startDownload('Download train.jsonl');
    await first.cancel();
    expect(await first.failure()).toBe('canceled');
    await expect(exportPanel.panel.getByRole('status')).toHaveText('The download of train.jsonl was cancelled: download it again when you are ready.');

    const again = await exportPanel.download('Download train.jsonl');
    expect(again.streamed).toBe(true);
    expect(again.bytes.toString('utf8').split('\n')).toHaveLength(72_000 + 1);
  });

  test('the data worker stops while train.jsonl is saved: the download fails, the page says so, the rows are unchanged, and it downloads again', async ({
    page,
    start,
    grid,
    exportPanel,
  }, testInfo) => {
    test.slow();
    await openLarge({ page, start, grid, exportPanel }, testInfo.outputDir);

    const cut = await exportPanel.startDownload('Download train.jsonl');
    expect(page.workers()).toHaveLength(1);
    await page.workers()[0]!.evaluate(() => self.close());
    expect(await cut.failure(), 'the browser marks the cut file as failed, not as complete').not.toBeNull();
    await expect(exportPanel.panel.getByRole('status')).toContainText("train.jsonl was cut off (Trainset's data worker stopped while this was running");
    await expect(exportPanel.panel.getByRole('status')).toContainText('The browser marks that download as failed; your rows are unchanged: download it again.');
    await expect(page.getByRole('status').filter({ hasText: 'data worker stopped and was restarted' })).toBeVisible();
    await grid.expectRows(90_000);

    const again = await exportPanel.download('Download train.jsonl');
    expect(again.bytes.toString('utf8').split('\n')).toHaveLength(72_000 + 1);
  });
});

test.describe('without a service worker (a browser that refuses one)', () => {
  test.use({ serviceWorkers: 'block' });

  test('the files are made as Blobs, with the same bytes', async ({ start, grid, exportPanel }) => {
    await start.open();
    await start.upload(e2eFixture('05-large_skewed', 'dataset.csv'));
    await grid.expectLoaded();
    await exportPanel.expectReady();
    const train = await exportPanel.download('Download train.jsonl');
    expect(train.streamed).toBe(false);
    expect(train.bytes.equals(await readFile(e2eFixture('05-large_skewed', 'train.jsonl')))).toBe(true);
  });
});
