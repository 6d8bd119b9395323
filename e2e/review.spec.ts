import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';
import { chatMessages, shot } from './fixtures/files';

/**
 * A reviewer's session: the Bitext sample with four labels flipped (as a tired annotator would),
 * reviewed most suspicious first with the keyboard alone; the fixes reach the files.
 */
const BITEXT = join(import.meta.dirname, '../test-data/datasets/bitext-intent/Bitext_Sample_Customer_Service_Training_Dataset.csv');

/** Data row (1-based) → the wrong labels it is given, and the right ones it had. */
const FLIPS = {
  3: { wrong: ['SHIPPING_ADDRESS', 'change_shipping_address'], right: ['ORDER', 'cancel_order'] },
  120: { wrong: ['ORDER', 'cancel_order'], right: ['PAYMENT', 'check_payment_methods'] },
  300: { wrong: ['ACCOUNT', 'delete_account'], right: ['ACCOUNT', 'edit_account'] },
  450: { wrong: ['REFUND', 'get_refund'], right: ['ACCOUNT', 'registration_problems'] },
} as const;

function flippedBitext() {
  const { data } = Papa.parse<string[]>(readFileSync(BITEXT, 'utf8').trim());
  const [header, ...rows] = data;
  const [category, intent] = [header!.indexOf('category'), header!.indexOf('intent')];
  for (const [n, { wrong, right }] of Object.entries(FLIPS)) {
    const row = rows[Number(n) - 1]!;
    expect([row[category], row[intent]]).toEqual(right);
    [row[category], row[intent]] = wrong;
  }
  return { file: csvFile('bitext-flipped.csv', `${Papa.unparse([header!, ...rows])}\n`), header: header!, rows };
}

/** The assistant's answers of a JSONL file, by user message. */
const answersByText = (bytes: Buffer): Map<string, unknown> => new Map(chatMessages(bytes).map((m) => [m[1]!.content, JSON.parse(m[2]!.content) as unknown]));

test('a reviewer fixes flipped labels with the keyboard, most suspicious first; the review survives a reload and the fixes reach the files', async ({
  page,
  start,
  grid,
  exportPanel,
}) => {
  test.slow();
  const { file, header, rows } = flippedBitext();
  const text = (n: number) => rows[n - 1]![header.indexOf('utterance')]!;
  await start.open();
  await start.upload(file);
  await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();
  await page.getByLabel('Which column is the text?').selectOption({ label: 'utterance' });
  await page.getByLabel('First label (category level)').selectOption({ label: 'category' });
  await page.getByLabel('Second label (sub-category level, optional)').selectOption({ label: 'intent' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await grid.expectLoaded();

  const finding = page.getByRole('listitem').filter({ hasText: 'may be mislabelled' });
  await test.step('the Issues panel points at the flipped rows first', async () => {
    await expect(finding).toContainText(`row 3 ("${text(3)}") is "SHIPPING_ADDRESS › change_shipping_address", looks like "ORDER › cancel_order"`, {
      timeout: 30_000,
    });
    await expect(finding.getByRole('button', { name: /^Review \d+ rows$/ })).toBeVisible();
  });

  const dialog = page.getByRole('dialog', { name: 'Review' });
  const current = dialog.getByRole('region', { name: 'Current example' });
  await test.step('Review opens on the most suspicious example, focused, with the suggestion and the keys', async () => {
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(dialog.getByRole('combobox', { name: 'Order' })).toHaveValue('suspicious');
    await expect(current).toBeFocused();
    await expect(current).toContainText(text(3));
    await expect(current).toContainText('Labels: SHIPPING_ADDRESS › change_shipping_address');
    await expect(current).toContainText('The model suggests ORDER › cancel_order');
    await expect(dialog).toContainText('0 of 563 reviewed');
    await expect(dialog).toContainText('Enter keep the labels · S use the suggestion');
    await shot(page, 'review-desktop');
  });

  await test.step('S takes the suggestion and moves on, for each flipped row', async () => {
    for (const n of [3, 120, 450]) {
      await expect(current).toContainText(text(n));
      await page.keyboard.press('s');
    }
    await expect(dialog).toContainText('3 of 563 reviewed');
    await expect(current).toContainText(text(300));
  });

  await test.step('F flags one for a second look; Ctrl+Z takes it back and returns to it', async () => {
    await page.keyboard.press('f');
    await expect(dialog).toContainText('1 flagged');
    await expect(current).not.toContainText(text(300));
    await page.keyboard.press('Control+z');
    await expect(current).toContainText(text(300));
    await expect(dialog).toContainText('0 flagged');
    await expect(current).toBeFocused();
  });

  await test.step('a label picked by typing: the right sub-label of the same category', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('edit_account');
    await page.keyboard.press('Enter');
    await expect(dialog).toContainText('4 of 563 reviewed');
    await expect(current).toBeFocused();
  });

  await test.step('Enter keeps the next example’s labels; F flags the one after; Escape closes', async () => {
    await page.keyboard.press('Enter');
    await page.keyboard.press('f');
    await expect(dialog).toContainText('5 of 563 reviewed · 1 flagged');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('after a reload: the progress and the Review column are kept', async () => {
    await page.reload();
    await grid.expectLoaded();
    await expect(page.getByText('5 of 563 reviewed')).toBeVisible();
    await expect(await grid.cell(3, 'Review')).toHaveText('Reviewed');
    await expect(await grid.cell(3, 'category')).toHaveAccessibleName('ORDER (edited)');
    await page.getByRole('combobox', { name: 'Review status' }).selectOption({ label: 'Flagged' });
    await grid.expectRows(563, 1);
  });

  await test.step('the files carry the fixed labels', async () => {
    const train = answersByText((await exportPanel.download('Download train.jsonl')).bytes);
    const validation = answersByText((await exportPanel.download('Download validation.jsonl')).bytes);
    for (const n of [3, 120, 300, 450] as const) {
      const [category, intent] = FLIPS[n].right;
      const answer = train.get(text(n)) ?? validation.get(text(n));
      expect(answer, `row ${n}`).toEqual({ category, intent });
    }
  });

  await test.step('the cleaned CSV can carry the review status', async () => {
    await page.getByRole('checkbox', { name: /Add a review_status column/ }).check();
    const csv = (await exportPanel.download('Download cleaned CSV')).bytes.toString('utf8');
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]!.at(-1)).toBe('review_status');
    expect(parsed[3]!.at(-1)).toBe('reviewed');
    expect(parsed.filter((r) => r.at(-1) === 'flagged')).toHaveLength(1);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the review fits a 390 px screen and works from its buttons', async ({ page, start, grid }) => {
    const { file } = flippedBitext();
    await start.open();
    await start.upload(file);
    await page.getByLabel('Second label (sub-category level, optional)').selectOption({ label: 'intent' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await grid.expectLoaded();
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Review' });
    await expect(dialog.getByRole('region', { name: 'Current example' })).toBeFocused();
    await dialog.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'File order' });
    await dialog.getByRole('button', { name: /^Keep labels/ }).click();
    await expect(dialog).toContainText('1 of 563 reviewed');
    await shot(page, 'review-phone');
    const box = (await dialog.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
  });
});
