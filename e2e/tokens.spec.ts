import { expect, test } from './fixtures/test';
import { csvFile } from './fixtures/start-page';
import { defaultEpochs, loadTokenCounter, notebookTokens, type ChatMessage } from '../lib/tokens';

/**
 * Tokens and cost: the panel's figures are those of the downloaded training file counted as OpenAI's
 * notebook counts, the price is the user's to change, and a model with a smaller limit finds the
 * example that is too long.
 */

const rows: string[] = [];
for (let i = 0; i < 40; i++) rows.push(`Where is my parcel number ${i}? It was due last week.,Shipping,Delayed`);
for (let i = 0; i < 40; i++) rows.push(`I was charged twice for order ${i} — please refund me,Billing,Refund`);
rows.push(`"${'please refund me '.repeat(1500).trim()}",Billing,Refund`);
const file = csvFile('tokens.csv', `inquiry,category,sub_category\n${rows.join('\n')}\n`);

test('count tokens, estimate the cost, change the price and the model', async ({ page, start, grid, exportPanel }) => {
  const panel = page.getByRole('region', { name: 'Tokens and cost' });
  const figure = (label: string) => panel.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[.="${label}"]`) });

  await start.open();
  await start.upload(file);
  await grid.expectLoaded();

  await test.step('the figures match the training file counted as the notebook does', async () => {
    await expect(figure('Examples')).toContainText('81 (');
    await exportPanel.expectReady();
    const train = await exportPanel.download('Download train.jsonl');
    const counter = await loadTokenCounter('o200k_base');
    const counts = train.bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => notebookTokens(counter, (JSON.parse(l) as { messages: ChatMessage[] }).messages));
    const billed = defaultEpochs(counts.length) * counts.reduce((a, b) => a + Math.min(b, 65_536), 0);
    await expect(figure('Training file')).toHaveText(`${counts.length} examples, ${counts.reduce((a, b) => a + b, 0).toLocaleString('en-US')} tokens`);
    await expect(figure('Billed tokens')).toHaveText(billed.toLocaleString('en-US'));
    await expect(figure('Estimated cost')).toHaveText(`$${((billed * 3) / 1e6).toFixed(2)}`);
    await expect(panel).toContainText("No example is longer than the model's 65,536 tokens.");
  });

  await test.step('a price of my own', async () => {
    const billed = Number((await figure('Billed tokens').textContent())!.replace(/,/g, ''));
    const price = panel.getByRole('textbox', { name: 'Price per 1M tokens (USD)' });
    await price.fill('ten');
    await price.press('Enter');
    await expect(panel.getByRole('alert')).toContainText('Type a price');
    await price.fill('10');
    await price.press('Enter');
    await expect(figure('Estimated cost')).toHaveText(`$${((billed * 10) / 1e6).toFixed(2)}`);
    await expect(panel).toContainText('(typed by you)');
  });

  await test.step('gpt-3.5-turbo-0613 allows 4,096 tokens: the long example is over, shown in the grid', async () => {
    await panel.getByRole('combobox', { name: 'Model' }).selectOption('gpt-3.5-turbo-0613');
    await expect(panel).toContainText('1 example is longer than 4,096 tokens');
    await panel.getByRole('button', { name: 'Show it' }).click();
    await grid.expectRows(81, 1);
    await expect(panel.getByRole('listitem').first()).toContainText('Row 81');
  });
});
