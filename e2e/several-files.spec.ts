import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';

/** One file per label, as HWU64 ships them: the label is only in the file names. */
const perLabel = (label: string, n: number, sep = '\n') =>
  csvFile(`${label}.csv`, `inquiry${sep}${Array.from({ length: n }, (_, i) => `${label} question ${i}`).join(sep)}${sep}`);

test('several files dropped together are one dataset: each row keeps its file, which can be the label; the files carry it', async ({
  page,
  start,
  grid,
  exportPanel,
}) => {
  await start.open();

  await test.step('files whose columns differ are not loaded until the user says how', async () => {
    await start.upload([csvFile('a.csv', 'inquiry,category\nhi,A\n'), csvFile('b.csv', 'inquiry,topic\nyo,B\n')]);
    const dialog = page.getByRole('dialog', { name: 'The files do not have the same columns' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'How the columns differ' })).toContainText(
      'b.csv has no “category” (left empty if kept); has “topic”, which the first file has not',
    );
    // The next key is the user's answer: the default one has the focus.
    await expect(dialog.getByRole('button', { name: 'Keep every column' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Try the sample dataset' })).toBeVisible();
  });

  await test.step('three per-label files: rows appended in order, the guess takes the file name as the label', async () => {
    await start.upload([perLabel('refund', 10), perLabel('shipping', 10, '\r\n'), perLabel('account', 10)]);
    await expect(page.getByRole('heading', { name: 'Which columns should Trainset use?' })).toBeVisible();
    await expect(page.getByText(/The column source holds each row’s file \(3 files/)).toBeVisible();
    await expect(page.getByLabel('Which column is the text?')).toHaveValue('inquiry');
    await expect(page.getByLabel('First label (category level)')).toHaveValue('source');
    await page.getByRole('button', { name: 'Continue' }).click();
    await grid.expectLoaded();
    await grid.expectRows(30);
    await expect(page.getByRole('banner')).toContainText('refund.csv and 2 more files');
    await expect(page.getByRole('banner')).toContainText('3 files');
    await expect(await grid.cell(11, 'source')).toHaveText('shipping');
    await expect(await grid.cell(11, 'inquiry')).toHaveText('shipping question 0');
  });

  await test.step('the files carry the file names as labels, split by them', async () => {
    const train = (await exportPanel.download('Download train.jsonl')).bytes.toString('utf8').trim().split('\n');
    const validation = (await exportPanel.download('Download validation.jsonl')).bytes.toString('utf8').trim().split('\n');
    expect([train.length, validation.length]).toEqual([24, 6]);
    const labels = validation.map((l) => JSON.parse((JSON.parse(l) as { messages: { content: string }[] }).messages[2]!.content) as { source: string });
    expect(labels.map((l) => l.source).sort()).toEqual(['account', 'account', 'refund', 'refund', 'shipping', 'shipping']);
  });

  await test.step('after a reload the three files are still one dataset', async () => {
    await page.reload();
    await grid.expectLoaded();
    await grid.expectRows(30);
    await expect(await grid.cell(30, 'source')).toHaveText('account');
  });
});
