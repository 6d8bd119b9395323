import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';

test('the split chart keeps the "2 / 0" of a class with no validation row', async ({ page, start, grid, charts }) => {
  // 40 rows in two big classes and one class of 2: stratified, the small class gets no validation row.
  const rows = [
    ...Array.from({ length: 19 }, (_, i) => `parcel ${i},Shipping,Delayed`),
    ...Array.from({ length: 19 }, (_, i) => `refund ${i},Billing,Refund`),
    'close my account,Account,Close',
    'delete my account,Account,Close',
  ];
  await start.open();
  await start.upload(csvFile('small-class.csv', 'inquiry,category,sub_category\n' + rows.join('\n') + '\n'));
  await grid.expectLoaded();
  await charts.showTab('Split');
  await expect(page.getByText('2 / 0', { exact: true })).toBeVisible();
});

test('labels other than category and sub_category: the system prompt field says the default names others', async ({ page, start, grid, exportPanel }) => {
  const text = 'text,topic\n' + Array.from({ length: 20 }, (_, i) => `question ${i},${i % 2 ? 'a' : 'b'}`).join('\n') + '\n';
  await start.open();
  await start.upload(csvFile('topics.csv', text));
  await page.getByRole('button', { name: 'Continue' }).click();
  await grid.expectLoaded();
  await expect(exportPanel.panel).toContainText('The default speaks of a category and a sub-category, but your labels are topic');
  await exportPanel.panel.getByRole('button', { name: 'Edit the system prompt' }).click();
  await expect(exportPanel.panel.getByRole('textbox', { name: 'System prompt' })).toBeFocused();
});
