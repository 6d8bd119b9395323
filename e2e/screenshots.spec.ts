import path from 'node:path';
import { expect, test } from './fixtures/test';
import { datasetSample, e2eFixture, fromRoot, projectRoot } from './fixtures/files';
import { csvFile } from './fixtures/start-page';

/**
 * Full-page pictures of every screen, for a person to look at (nothing is compared pixel by
 * pixel): `test-results/screenshots/<viewport>-<nn>-<screen>.png`.
 */
const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 390, height: 844 } },
];

test.describe.configure({ mode: 'parallel' });

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} ${viewport.size.width}×${viewport.size.height}`, () => {
    test.use({ viewport: viewport.size });

    test('every screen', async ({ page, start, grid, charts, exportPanel }) => {
      // A long walk through every screen: on a busy two-core machine it nears the default 60 s.
      test.slow();
      let count = 0;
      const shot = async (screen: string): Promise<void> => {
        count++;
        const file = `${viewport.name}-${String(count).padStart(2, '0')}-${screen}.png`;
        // Let layout settle on what the user sees (fonts, the last state change) before the picture.
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: path.join(projectRoot, 'test-results', 'screenshots', file), fullPage: true });
      };

      await test.step('start', async () => {
        await start.open();
        await shot('start');
      });

      await test.step('mapping', async () => {
        await start.upload(datasetSample('banking77', 'test.csv'));
        await expect(page.getByRole('region', { name: 'First rows of the file' })).toBeVisible();
        await shot('mapping');
      });

      await test.step('load error', async () => {
        await start.upload(csvFile('broken-quote.csv', 'inquiry,category,sub_category\n"never closed,Shipping,Delayed\n'));
        await expect(start.loadError('broken-quote.csv')).toBeVisible();
        await shot('load-error');
      });

      await test.step('workspace', async () => {
        await start.upload(fromRoot('public', 'sample', 'customer-support-sample.csv'));
        await grid.expectLoaded();
        await expect(charts.panel.getByRole('heading', { name: /^Rows per category/ })).toBeVisible();
        await exportPanel.expectReady();
        await shot('workspace');
      });

      await test.step('label editor', async () => {
        const combobox = await grid.openLabelEditor(3, 'category');
        await expect(page.getByRole('listbox', { name: 'Values of category, row 3' }).getByRole('option').first()).toBeVisible();
        await shot('label-editor');
        await combobox.press('Escape');
        await expect(combobox).toBeHidden();
      });

      await test.step('label filter', async () => {
        await page.getByRole('button', { name: 'Filter by category' }).click();
        await expect(page.getByRole('dialog', { name: 'Filter by category' }).getByRole('checkbox')).toHaveCount(11);
        await shot('label-filter');
        await page.keyboard.press('Escape');
      });

      await test.step('bulk bar', async () => {
        await grid.selectRow(2);
        await grid.selectRow(4);
        await expect(grid.bulkBar).toContainText('2 selected');
        await shot('bulk-bar');
        await grid.bulkBar.getByRole('button', { name: 'Clear selection' }).click();
      });

      await test.step('find and replace', async () => {
        await grid.region.getByRole('button', { name: 'Find and replace' }).click();
        const dialog = page.getByRole('dialog', { name: 'Find and replace' });
        await dialog.getByRole('textbox', { name: 'Find' }).fill('purchase');
        await dialog.getByRole('textbox', { name: 'Replace with' }).fill('order');
        await expect(dialog.getByRole('status')).toContainText('will change.');
        await shot('find-replace');
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      });

      await test.step('no rows match', async () => {
        await grid.search('zzzz no such text');
        await grid.expectRows(500, 0);
        await shot('no-matches');
        await grid.clearFilters();
      });

      await test.step('split tab and tables', async () => {
        await charts.showTab('Split');
        await expect(charts.panel).toContainText('400 train · 100 validation examples');
        await charts.panel.scrollIntoViewIfNeeded();
        await shot('split');
        await charts.panel.getByRole('button', { name: 'Show as table' }).click();
        await shot('split-table');
        await charts.panel.getByRole('button', { name: 'Show as table' }).click();
        await charts.showTab('Labels');
      });

      await test.step('fix preview', async () => {
        const issues = page.getByRole('region', { name: 'Issues', exact: true });
        await issues
          .getByRole('button', { name: /in inquiry \(\d+ rows?\)…$/ })
          .first()
          .click();
        await expect(issues.getByRole('table', { name: /^Before and after/ })).toBeVisible();
        await issues.scrollIntoViewIfNeeded();
        await shot('fix-preview');
        await issues.getByRole('button', { name: 'Cancel', exact: true }).click();
      });

      await test.step('labels dialog', async () => {
        await charts.panel.getByRole('button', { name: 'Manage labels' }).click();
        const dialog = page.getByRole('dialog', { name: 'Labels' });
        await dialog.getByRole('checkbox').nth(1).check();
        await expect(dialog.getByLabel('New name')).toBeVisible();
        await shot('labels');
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      });

      await test.step('tokens and cost', async () => {
        const tokens = page.getByRole('region', { name: 'Tokens and cost' });
        await expect(tokens.getByText('Estimated cost', { exact: true })).toBeVisible();
        await tokens.scrollIntoViewIfNeeded();
        await shot('tokens');
      });

      await test.step('export panel', async () => {
        await exportPanel.panel.getByRole('heading', { name: 'Export' }).scrollIntoViewIfNeeded();
        await shot('export');
        await exportPanel.button('Download cleaned CSV').scrollIntoViewIfNeeded();
        await shot('export-bottom');
      });

      await test.step('export problems', async () => {
        await start.upload(e2eFixture('12-refuse_singleton_category', 'dataset.csv'));
        await grid.expectRows(31);
        await exportPanel.expectBlocked();
        await exportPanel.problems.scrollIntoViewIfNeeded();
        await shot('export-problems');
      });

      await test.step('rows that could not be read', async () => {
        await start.upload(e2eFixture('13-refuse_too_many_fields', 'dataset.csv'));
        await expect(page.getByRole('region', { name: '1 row could not be read' })).toBeVisible();
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot('bad-rows');
      });

      await test.step('restored after a reload', async () => {
        await grid.setLabel(2, 'category', 'Account');
        await page.reload();
        await expect(page.getByRole('status').filter({ hasText: 'Restored your work on dataset.csv' })).toBeVisible();
        await grid.expectLoaded();
        await shot('restored');
      });

      await test.step('a JSONL training file with format errors', async () => {
        const good = (i: number) =>
          JSON.stringify({
            messages: [
              { role: 'system', content: 'Classify.' },
              { role: 'user', content: `Where is parcel ${i}?` },
              { role: 'assistant', content: '{"category": "Shipping", "sub_category": "Delayed"}' },
            ],
          });
        const lines = [
          ...Array.from({ length: 20 }, (_, i) => good(i)),
          '{"messages": [{"role": "user", "content": "cut off"',
          JSON.stringify({ messages: [{ role: 'user', content: 'No answer here' }] }),
        ];
        await start.upload({ name: 'train.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
        // The restored session has an edit: opening another file asks first.
        await page.getByRole('dialog', { name: 'Open train.jsonl?' }).getByRole('button', { name: 'Replace dataset' }).click();
        await expect(page.getByRole('region', { name: 'Format check' })).toContainText('format error');
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot('jsonl-format');
      });

      await test.step('start over?', async () => {
        await page.getByRole('banner').getByRole('button', { name: 'Start over' }).click();
        await expect(page.getByRole('dialog', { name: 'Start over?' })).toBeVisible();
        await shot('start-over');
      });
    });
  });
}
