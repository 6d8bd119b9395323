import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';
import { TICKETS, ticketsCsv, type Ticket } from './fixtures/datasets';
import { userTexts } from './fixtures/files';

/**
 * Typos before export: the tickets (row 5 says "twise") and one more row with "warehuose", a word
 * the reviewer decides to keep. One misspelling is fixed everywhere in one step and can be undone;
 * the other is marked "Not a typo" and stays quiet after a reload; the files carry the fix.
 */
const ROWS: readonly Ticket[] = [...TICKETS, ['Can you ship to the warehuose on Main street?', 'Shipping', 'Address change']];

test('a typo fixed in one click (and undone, and redone), another marked "Not a typo" for good; the files carry the fix', async ({
  page,
  start,
  grid,
  exportPanel,
}) => {
  await start.open();
  await start.upload(csvFile('tickets-typos.csv', ticketsCsv(ROWS)));
  await grid.expectLoaded();
  const issues = page.getByRole('region', { name: 'Issues', exact: true });
  const finding = issues.getByRole('listitem').filter({ hasText: /looks? misspelt/ });

  await test.step('the Issues panel names each misspelling with its correction and its rows', async () => {
    await expect(finding).toContainText('"twise" → "twice" (1 row); "warehuose" → "warehouse" (1 row)');
  });

  await test.step('Replace: the word is fixed in its row, as one undoable step', async () => {
    await finding.getByRole('button', { name: /^Replace “twise” with “twice” in inquiry \(1 row\)/ }).click();
    const confirm = issues.getByRole('group', { name: /^Confirm: Replace “twise”/ });
    await expect(confirm).toContainText('I was charged twice for my order');
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
    await expect(finding).not.toContainText('twise');
    await grid.historyButton('Undo').click();
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twise for my order');
    await expect(finding).toContainText('"twise" → "twice"');
    await grid.historyButton('Redo').click();
    await expect(await grid.cell(5, 'inquiry')).toHaveAccessibleName('I was charged twice for my order (edited)');
  });

  await test.step('"Not a typo": the word is not reported again, even after a reload', async () => {
    await finding.getByRole('button', { name: 'Not a typo: “warehuose”' }).click();
    await issues.getByRole('group', { name: 'Confirm: Not a typo: “warehuose”' }).getByRole('button', { name: 'Apply' }).click();
    await expect(issues.getByRole('status').last()).toHaveText('“warehuose” will not be reported as a typo again in this session.');
    await expect(finding).toHaveCount(0);
    await page.reload();
    await grid.expectLoaded();
    await expect(issues).toContainText('Warning');
    await expect(finding).toHaveCount(0);
    await expect(await grid.cell(31, 'inquiry')).toHaveAccessibleName('Can you ship to the warehuose on Main street?');
  });

  await test.step('the files carry the fixed text, and the word kept as it is', async () => {
    const messages = [
      ...userTexts((await exportPanel.download('Download train.jsonl')).bytes),
      ...userTexts((await exportPanel.download('Download validation.jsonl')).bytes),
    ];
    expect(messages).toContain('I was charged twice for my order');
    expect(messages.some((m) => m.includes('twise'))).toBe(false);
    expect(messages).toContain('Can you ship to the warehuose on Main street?');
  });
});

test('the Split view says how many validation examples have a copy in the training file', async ({ page, start, grid }) => {
  await start.open();
  await start.trySample();
  await grid.expectLoaded();
  await page.getByRole('tab', { name: 'Split' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'validation examples' })).toHaveText(
    /^\d+ of 100 validation examples have a copy in train\.jsonl \(\d+ exact, \d+ near-duplicates at 80% similarity or more\)/,
  );
});
