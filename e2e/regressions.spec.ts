import { expect, test } from './fixtures/test';
import { e2eFixture } from './fixtures/files';
import { ticketsFile } from './fixtures/datasets';

/**
 * Regressions: app bugs found while writing the browser tests, each kept as the check that
 * caught it (the comment above each says what was wrong and where).
 */

test.describe.configure({ mode: 'parallel' });

/*
 * components/export/export-form.ts, problemRowIds: the grid row of a problem is taken as
 * `dataRow - 1` instead of the `rowId` the engine puts on each problem (lib/engine/engine.ts,
 * withRowIds). Once a row that could not be read is set aside, ids and file row numbers differ
 * and "Show row 9" shows row 10.
 */
test('“Show row N” shows row N even after a row was set aside', async ({ page, start, grid, exportPanel }) => {
  await start.open();
  await start.upload(e2eFixture('13-refuse_too_many_fields', 'dataset.csv'));
  await grid.expectLoaded();
  await page.getByRole('region', { name: '1 row could not be read' }).getByRole('button', { name: 'Discard' }).click();
  await expect(await grid.cell(9, 'inquiry')).toHaveAccessibleName('Where is my order');
  await grid.setLabel(9, 'category', 'Rare');
  await expect(exportPanel.problems).toContainText('Data row 9 (line 10): category "Rare" has only this one row');
  await exportPanel.problems.getByRole('button', { name: 'Show row 9' }).click();
  await expect(grid.rows()).toHaveCount(1);
  await expect(grid.rows().first()).toContainText('Where is my order', { timeout: 2_000 });
});

/*
 * components/app/app-header.tsx: while the page said "Opening your saved work…" the header showed
 * its own Upload CSV; when no saved work was found the start screen replaced it, and a file
 * picked in the chooser that header button had opened was dropped without a word. Now nothing
 * offers an upload until the page knows what it shows.
 */
test('nothing offers an upload while the saved work opens, so no chosen file is lost', async ({ page, start, grid }) => {
  // A slow network (scripts arrive 300 ms late) keeps the page on "Opening your saved work…".
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.getByText(/Opening your saved work/)).toBeVisible();
  await expect(page.getByLabel('Upload CSV')).toHaveCount(0);
  await start.expectShown();
  await start.upload(e2eFixture('00-basic_ascii_lf', 'dataset.csv'));
  await expect(grid.grid).toBeVisible();
});

test.describe('on a 390 px wide phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  /*
   * components/grid/toolbar.module.css: `.searchInput { width: 240px }` plus the "Search in
   * column" select (up to 150px) cannot shrink, so below about 400 px the whole page scrolls
   * sideways (9 px at 390 px, 79 px at 320 px).
   */
  test('the workspace does not scroll sideways', async ({ page, start, grid }) => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'px the page is wider than the screen').toBe(0);
  });

  /*
   * components/grid/bulk-bar.module.css: `.setLabel` is a flex row that does not wrap, with a
   * 220 px combobox (`.combo`); "Set [category] to [value] Apply" needs about 490 px, so Apply is
   * off the screen and the page becomes 517 px wide.
   */
  test('the bar for selected rows fits the screen', async ({ start, grid }) => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    await grid.selectRow(2);
    await expect(grid.bulkBar).toContainText('1 selected');
    const apply = await grid.bulkBar.getByRole('button', { name: 'Apply' }).boundingBox();
    expect(apply!.x + apply!.width, 'right edge of Apply').toBeLessThanOrEqual(390);
  });
});
