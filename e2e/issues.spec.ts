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
  const issues = page.getByRole('region', { name: 'Issues', exact: true });

  await test.step('upload a dirty file and see its issues', async () => {
    await start.open();
    await start.upload(csvFile('dirty.csv', dirty));
    await grid.expectLoaded();
    await expect(issues).toContainText('Biling');
    await expect(issues).toContainText(/repeat/i);
  });

  const applyFix = async (name: RegExp, preview?: { before: string; after: string }): Promise<void> => {
    await expect(issues).not.toHaveAttribute('aria-busy', 'true');
    await issues.getByRole('button', { name }).click();
    const confirm = issues.getByRole('group', { name: /^Confirm:/ });
    if (preview) {
      // The confirm step shows the first changed cells, stray spaces drawn as dots (and named for screen readers).
      const table = confirm.getByRole('table', { name: /^Before and after/ });
      await expect(table.getByRole('row').nth(1)).toContainText(preview.before);
      await expect(table.getByRole('row').nth(1)).toContainText(preview.after);
    }
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await expect(issues.getByRole('status')).toContainText('Done');
    await expect(issues).not.toHaveAttribute('aria-busy', 'true');
  };

  await test.step('merge the misspelt label, collapse the doubled spaces, drop the repeat', async () => {
    await applyFix(/^Merge “Biling” into “Billing”/);
    await applyFix(/^Collapse repeated spaces in inquiry/, { before: 'I was charged··(2 spaces)twice for order 0', after: 'I was charged twice for order 0' });
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

test('change a threshold: the checks follow at once, and the change is kept after a reload', async ({ page, start, grid }) => {
  const issues = page.getByRole('region', { name: 'Issues', exact: true });
  // 40 Shipping rows and 6 Returns rows: Returns is "rare" under the default of 10 rows.
  const rows = [
    ...Array.from({ length: 40 }, (_, i) => `Where is parcel ${i}?,Shipping,Delayed`),
    ...Array.from({ length: 6 }, (_, i) => `Return item ${i},Returns,Label`),
  ];
  await start.open();
  await start.upload(csvFile('rare.csv', `inquiry,category,sub_category\n${rows.join('\n')}\n`));
  await grid.expectLoaded();
  await expect(issues).toContainText('fewer than 10 rows: "Returns" (6 rows)');

  await issues.getByRole('button', { name: 'Thresholds' }).click();
  const field = issues.getByRole('textbox', { name: 'Rows below which a class is rare' });
  await expect(field).toHaveValue('10');
  await field.fill('ten');
  await field.press('Enter');
  await expect(issues.getByRole('alert')).toHaveText(/Type a number/);
  await field.fill('5');
  await field.press('Enter');
  await expect(issues).not.toContainText('value has fewer than');
  await expect(issues.getByRole('button', { name: /Hide thresholds \(1 changed\)/ })).toBeVisible();

  await page.reload();
  await grid.expectLoaded();
  await expect(issues.getByRole('button', { name: 'Thresholds (1 changed)' })).toBeVisible();
  await expect(issues).not.toContainText('value has fewer than');
  await issues.getByRole('button', { name: 'Thresholds (1 changed)' }).click();
  await issues.getByRole('button', { name: /^Reset the changed threshold/ }).click();
  await expect(issues).toContainText('value has fewer than 10 rows');
  // Reset puts the keyboard on the first field, which shows its default; leaving it changes nothing.
  const first = issues.getByRole('textbox', { name: 'Rows a class needs for the split' });
  await expect(first).toBeFocused();
  await expect(first).toHaveValue('2');
  await page.keyboard.press('Tab');
  await expect(issues.getByRole('button', { name: 'Hide thresholds' })).toBeVisible();
  await expect(field).toHaveValue('10');
});

test('the token limit follows the chosen model until the user sets one', async ({ page, start, grid }) => {
  const issues = page.getByRole('region', { name: 'Issues', exact: true });
  await start.open();
  await start.trySample();
  await grid.expectLoaded();
  await issues.getByRole('button', { name: 'Thresholds' }).click();
  const limit = issues.getByRole('textbox', { name: 'Token limit per example' });
  await expect(limit).toHaveValue('65536');
  await page.getByRole('region', { name: 'Tokens and cost' }).getByRole('combobox', { name: 'Model' }).selectOption('gpt-3.5-turbo-0125');
  await expect(limit).toHaveValue('16385');
  // Passing through the field changes nothing: no threshold becomes "changed".
  await limit.focus();
  await page.keyboard.press('Tab');
  await expect(issues.getByRole('button', { name: 'Hide thresholds' })).toBeVisible();
});

test('an error in Issues blocks the downloads, and says why, until the threshold is changed', async ({ page, start, grid, exportPanel }) => {
  const issues = page.getByRole('region', { name: 'Issues', exact: true });
  // 11 rows: the split leaves 8 training examples; OpenAI needs 10.
  const rows = Array.from({ length: 11 }, (_, i) => `Where is parcel ${i}?,${i % 2 ? 'Shipping' : 'Billing'},Other`);
  await start.open();
  await start.upload(csvFile('small.csv', `inquiry,category,sub_category\n${rows.join('\n')}\n`));
  await grid.expectLoaded();
  await expect(exportPanel.button('Download train.jsonl')).toBeDisabled();
  const blocked = exportPanel.panel.getByRole('region', { name: 'An error in Issues blocks the export' });
  await expect(blocked).toContainText('8 training examples');

  await issues.getByRole('button', { name: 'Thresholds' }).click();
  const required = issues.getByRole('textbox', { name: 'Training examples required' });
  await required.fill('5');
  await required.press('Enter');
  await exportPanel.expectReady();
  await expect(blocked).toBeHidden();
  const train = await exportPanel.download('Download train.jsonl');
  expect(train.bytes.toString('utf8').trim().split('\n')).toHaveLength(8);
});
