import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';

/**
 * The Issues panel: a dirty file's problems are found, fixed in one click each, one fix is
 * undone, and the downloaded files carry exactly the fixes that were kept.
 */

// 24 rows: Billing/Shipping, one misspelt "Biling", one exact repeat, texts with doubled spaces.
const rows: string[][] = [];
for (let i = 0; i < 12; i++) rows.push([`Where is my parcel number ${i}?`, 'Shipping', 'Delayed']);
for (let i = 0; i < 10; i++) rows.push([`I was charged  twice for order ${i}`, 'Billing', 'Refund']);
rows.push(['Why was my card charged for order 77?', 'Biling', 'Refund']);
rows.push(['Where is my parcel number 3?', 'Shipping', 'Delayed']);
const dirty = 'inquiry,category,sub_category\n' + rows.map((r) => r.join(',')).join('\n') + '\n';

test('fix what the Issues panel finds, undo one fix, and download the fixed files', async ({ page, start, grid, exportPanel }) => {
  const issues = page.getByRole('region', { name: 'Issues' });

  await test.step('upload a dirty file and see its issues', async () => {
    await start.open();
    await start.upload(csvFile('dirty.csv', dirty));
    await grid.expectLoaded();
    await expect(issues).toContainText('Biling');
    await expect(issues).toContainText(/repeat/i);
  });

  const applyFix = async (name: RegExp): Promise<void> => {
    await expect(issues).not.toHaveAttribute('aria-busy', 'true');
    await issues.getByRole('button', { name }).click();
    await issues.getByRole('group', { name: /^Confirm:/ }).getByRole('button', { name: 'Apply' }).click();
    await expect(issues.getByRole('status')).toContainText('Done');
    await expect(issues).not.toHaveAttribute('aria-busy', 'true');
  };

  await test.step('merge the misspelt label, collapse the doubled spaces, drop the repeat', async () => {
    await applyFix(/^Merge “Biling” into “Billing”/);
    await applyFix(/^Collapse repeated spaces in inquiry/);
    await applyFix(/^Remove 1 repeated row/);
    await grid.expectRows(23);
    await expect(issues).not.toContainText('Biling');
  });

  await test.step('undo the last fix: the repeated row comes back', async () => {
    await grid.historyButton('Undo').click();
    await grid.expectRows(24);
  });

  await test.step('download: the kept fixes are in the files, the undone one is not', async () => {
    await exportPanel.expectReady();
    const train = await exportPanel.download('Download train.jsonl');
    const validation = await exportPanel.download('Download validation.jsonl');
    const text = train.bytes.toString('utf8') + validation.bytes.toString('utf8');
    expect(text.trim().split('\n')).toHaveLength(24);
    expect(text).not.toContain('Biling');
    expect(text).not.toContain('charged  twice');
    expect(text).toContain('charged twice for order 0');
    expect(text.split('Where is my parcel number 3?').length - 1).toBe(2);
  });
});
