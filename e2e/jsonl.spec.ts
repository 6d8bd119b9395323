import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/test';
import { e2eFixture } from './fixtures/files';
import { jsonlFile } from './fixtures/start-page';

/**
 * Open a JSONL: a training file the notebook wrote comes back as rows to review, with OpenAI's
 * format checks; a broken one shows its errors by line, and its rows are fixed in the grid.
 */

test('a training file read back is exported again with the same lines', async ({ page, start, grid, exportPanel }) => {
  const original = await readFile(e2eFixture('01-tricky_text_crlf', 'train.jsonl'));
  await start.open();
  await start.upload(jsonlFile('train.jsonl', original));
  await grid.expectLoaded();
  await grid.expectRows(96);
  const format = page.getByRole('region', { name: 'Format check' });
  await expect(format).toContainText("No format errors in 96 examples, by OpenAI's data-preparation checks");
  await expect(page.getByRole('banner')).toContainText('JSONL');

  await exportPanel.expectReady();
  const train = await exportPanel.download('Download train.jsonl');
  const validation = await exportPanel.download('Download validation.jsonl');
  // A new split of the same examples: every line comes back byte for byte, in some order.
  const lines = (b: Buffer) =>
    b
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '');
  expect([...lines(train.bytes), ...lines(validation.bytes)].sort()).toEqual(lines(original).sort());
});

test('a broken training file: errors by line, the row shown in the grid, fixed, exported', async ({ page, start, grid, exportPanel, axe }) => {
  const line = (user: string, category: string, sub: string) =>
    JSON.stringify({
      messages: [
        { role: 'system', content: 'Classify.' },
        { role: 'user', content: user },
        { role: 'assistant', content: JSON.stringify({ category, sub_category: sub }) },
      ],
    });
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) lines.push(line(`Where is parcel ${i}?`, 'Shipping', 'Delayed'));
  for (let i = 0; i < 12; i++) lines.push(line(`Refund order ${i}`, 'Billing', 'Refund'));
  lines.push(
    JSON.stringify({
      messages: [
        { role: 'system', content: 'Classify.' },
        { role: 'user', content: 'My card was charged twice' },
      ],
    }),
  );
  lines.push('{"messages": [{"role": "user", "content": "broken line"');
  lines.push(
    JSON.stringify({
      messages: [
        { role: 'system', content: 'Classify.' },
        { role: 'customer', content: 'hello' },
        { role: 'assistant', content: '{"category": "Billing", "sub_category": "Refund"}' },
      ],
    }),
  );

  await start.open();
  await start.upload(jsonlFile('broken.jsonl', `${lines.join('\n')}\n`));
  await grid.expectLoaded();
  const format = page.getByRole('region', { name: 'Format check' });

  await test.step('see the errors by line and the line left out', async () => {
    await expect(format).toContainText('format errors in 27 examples');
    const byLine = format.getByRole('list', { name: 'Format errors by line' });
    await expect(byLine).toContainText('Line 25');
    await expect(byLine).toContainText('no assistant message');
    await expect(byLine).toContainText('Line 27');
    await expect(format).toContainText('1 line is not an example and is left out');
    await expect(format).toContainText('Line 26, column');
    await grid.expectRows(26);
    await axe('format check');
  });

  await test.step('show the row without an answer, give it its labels', async () => {
    await format.getByRole('button', { name: 'Show row 25' }).click();
    await grid.expectRows(26, 1);
    await exportPanel.expectBlocked();
    await grid.setLabel(25, 'category', 'Billing');
    await grid.setLabel(25, 'sub_category', 'Refund');
  });

  await test.step('the line with an unknown role has no user message: type it in', async () => {
    await format.getByRole('button', { name: 'Show row 27' }).click();
    await grid.editText(27, 'inquiry', 'Hello, I want my money back');
    // The card still shows the file as uploaded, and says which rows were fixed since.
    await expect(format.getByRole('listitem').filter({ hasText: 'Line 25:' })).toContainText('row edited since');
    await expect(format).toContainText('Every row below has been edited or deleted since');
  });

  await test.step('download: the fixed row is in the files, with its new answer', async () => {
    await exportPanel.expectReady();
    const train = await exportPanel.download('Download train.jsonl');
    const validation = await exportPanel.download('Download validation.jsonl');
    const out = `${train.bytes.toString('utf8')}${validation.bytes.toString('utf8')}`
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(26);
    const fixed = out.find((o) => o.messages[1].content === 'My card was charged twice');
    expect(JSON.parse(fixed.messages[2].content)).toEqual({ category: 'Billing', sub_category: 'Refund' });
    expect(fixed.messages[0].content).toBe('Classify.');
    expect(out.some((o) => o.messages[1].content === 'Hello, I want my money back')).toBe(true);
  });
});
