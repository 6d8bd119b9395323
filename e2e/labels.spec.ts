import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';

/**
 * The Labels dialog: a file with a misspelt category, a sub-label filed under the wrong category
 * and a sub-label that means different things under two categories is cleaned up label by label;
 * the grid, the chart and the downloaded files follow, and undo takes one step back.
 */

const rows: string[][] = [];
for (let i = 0; i < 10; i++) rows.push([`I was charged twice for order ${i}`, 'Billing', 'Refund']);
for (let i = 0; i < 3; i++) rows.push([`Card declined at checkout ${i}`, 'Biling', 'Refund']);
for (let i = 0; i < 8; i++) rows.push([`Where is my parcel ${i}?`, 'Shipping', 'Delayed']);
for (let i = 0; i < 4; i++) rows.push([`Please change my delivery address ${i}`, 'Account', 'Change address']);
for (let i = 0; i < 5; i++) rows.push([`What is the status of order ${i}?`, 'Shipping', 'Status']);
for (let i = 0; i < 5; i++) rows.push([`Is my account verified ${i}?`, 'Account', 'Status']);
const messy = 'inquiry,category,sub_category\n' + rows.map((r) => r.join(',')).join('\n') + '\n';

test('clean up labels: merge a misspelling, move a sub-label, rename one under a single parent, undo', async ({
  page,
  start,
  grid,
  charts,
  labels,
  exportPanel,
  axe,
}) => {
  await test.step('upload the file and open the labels', async () => {
    await start.open();
    await start.upload(csvFile('labels.csv', messy));
    await grid.expectLoaded();
    await labels.open();
    await expect(labels.label(/^category Billing, 10 rows$/)).toBeVisible();
    await expect(labels.label(/^sub_category Status under Shipping, 5 rows$/)).toBeVisible();
    await expect(labels.dialog).toContainText('under 2 category values');
    await axe('labels dialog');
  });

  await test.step('merge "Biling" into "Billing" from the category list', async () => {
    await labels.show('category');
    await labels.tick(/^category Biling, 3 rows$/);
    await labels.tick(/^category Billing, 10 rows$/);
    await labels.rename('Billing', 'Merge');
    await expect(labels.label(/^category Billing, 13 rows$/)).toBeVisible();
    await expect(labels.label(/^category Biling,/)).toHaveCount(0);
  });

  await test.step('move "Change address" from Account to Shipping', async () => {
    await labels.show(/^Tree/);
    await labels.tick(/^sub_category Change address under Account, 4 rows$/);
    await labels.moveUnder('Shipping');
    await expect(labels.label(/^sub_category Change address under Shipping, 4 rows$/)).toBeVisible();
  });

  await test.step('rename "Status" under Account only; then undo it', async () => {
    await labels.tick(/^sub_category Status under Account, 5 rows$/);
    await labels.rename('Verification');
    await expect(labels.label(/^sub_category Verification under Account, 5 rows$/)).toBeVisible();
    await expect(labels.label(/^sub_category Status under Shipping, 5 rows$/)).toBeVisible();
    await labels.undo();
    await expect(labels.label(/^sub_category Status under Account, 5 rows$/)).toBeVisible();
    await labels.close();
  });

  await test.step('the chart and the grid follow', async () => {
    await charts.expectBar('category', 'Billing', 13);
    await charts.expectBar('category', 'Shipping', 17);
    await charts.expectTotals('category', 35, 3);
    await grid.search('delivery address');
    await expect(grid.grid.getByRole('gridcell', { name: 'Shipping' }).first()).toBeVisible();
  });

  await test.step('the downloaded files carry the kept changes and not the undone one', async () => {
    await exportPanel.expectReady();
    const train = await exportPanel.download('Download train.jsonl');
    const validation = await exportPanel.download('Download validation.jsonl');
    const lines = (train.bytes.toString('utf8') + validation.bytes.toString('utf8')).trim().split('\n');
    expect(lines).toHaveLength(35);
    const answers = lines.map((l) => JSON.parse(JSON.parse(l).messages[2].content) as { category: string; sub_category: string });
    expect(answers.filter((a) => a.category === 'Biling')).toHaveLength(0);
    expect(answers.filter((a) => a.category === 'Billing')).toHaveLength(13);
    expect(answers.filter((a) => a.sub_category === 'Change address').every((a) => a.category === 'Shipping')).toBe(true);
    expect(answers.filter((a) => a.sub_category === 'Verification')).toHaveLength(0);
    expect(answers.filter((a) => a.category === 'Account' && a.sub_category === 'Status')).toHaveLength(5);
  });

  await test.step('the Undo button in the page undoes the move too', async () => {
    await grid.historyButton('Undo').click();
    await labels.open();
    await expect(labels.label(/^sub_category Change address under Account, 4 rows$/)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(labels.dialog).toBeHidden();
  });
});

test('from the keyboard: find two labels, merge them, and hear what happened', async ({ page, start, grid, labels }) => {
  await start.open();
  await start.upload(csvFile('labels.csv', messy));
  await grid.expectLoaded();
  await labels.open();
  // The dialog opens on Find.
  await expect(labels.dialog.getByRole('searchbox', { name: 'Find a label' })).toBeFocused();
  await page.keyboard.type('bil');
  await labels.show('category');
  // Most rows first: Billing, then Biling.
  await labels.dialog.getByRole('checkbox', { name: /^category Billing,/ }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(labels.dialog.getByRole('checkbox', { name: /^category Biling,/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(labels.dialog.getByLabel('Merge into')).toHaveValue('Billing');
  await labels.dialog.getByLabel('Merge into').focus();
  await page.keyboard.press('Enter');
  // Focus moves to the sentence saying what was done, next to its Undo.
  const status = labels.dialog.getByRole('status');
  await expect(status).toBeFocused();
  await expect(status).toHaveText('Merged 2 category labels to “Billing”.');
  await expect(labels.label(/^category Billing, 13 rows$/)).toBeVisible();
});

test('a file with one label column: no tree, and labels with stray spaces are told apart', async ({ start, grid, labels }) => {
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => `Refund ${i},Billing`),
    ...Array.from({ length: 3 }, (_, i) => `Charge ${i},"Billing "`),
    ...Array.from({ length: 12 }, (_, i) => `Parcel ${i},Shipping`),
  ];
  await start.open();
  await start.upload(csvFile('intents.csv', `text,intent\n${rows.join('\n')}\n`));
  await start.page.getByRole('button', { name: 'Continue' }).click();
  await grid.expectLoaded();
  await labels.open();
  await expect(labels.dialog.getByRole('radio')).toHaveCount(0);
  await expect(labels.label(/^intent “Billing ”, 3 rows$/)).toBeVisible();
  await labels.tick(/^intent “Billing ”, 3 rows$/);
  await labels.tick(/^intent Billing, 12 rows$/);
  await labels.rename('Billing', 'Merge');
  await expect(labels.label(/^intent Billing, 15 rows$/)).toBeVisible();
});
