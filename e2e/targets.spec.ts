import { expect, test } from './fixtures/test';
import { fromRoot } from './fixtures/files';
import { jsonlFile } from './fixtures/start-page';

/**
 * Export targets: the same rows written for another service. A user picks Vertex AI Gemini, then
 * Amazon Bedrock (Nova), reads the limits the checks use, and opens the downloaded files.
 */
test('export the sample for Vertex AI Gemini and Amazon Bedrock (Nova)', async ({ page, start, grid, exportPanel }) => {
  await start.open();
  await start.upload(fromRoot('public', 'sample', 'customer-support-sample.csv'));
  await grid.expectLoaded();
  const formatFor = exportPanel.panel.getByRole('combobox', { name: 'Format for' });
  await expect(formatFor).toHaveValue('openai');

  await test.step('Vertex AI Gemini: systemInstruction, contents with user and model parts', async () => {
    await formatFor.selectOption({ label: 'Google Vertex AI Gemini' });
    await exportPanel.panel.getByText('Limits and rules checked for Gemini on Vertex AI').click();
    await expect(exportPanel.panel).toContainText('At most 5,000 validation examples');
    await exportPanel.expectReady();
    const train = await exportPanel.download('Download train.jsonl');
    const lines = train.bytes.toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(400);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(['systemInstruction', 'contents']);
    expect(first.contents.map((c: { role: string }) => c.role)).toEqual(['user', 'model']);
    expect(Object.keys(JSON.parse(first.contents[1].parts[0].text))).toEqual(['category', 'sub_category']);
  });

  await test.step('Amazon Bedrock (Nova): the conversation schema; the same rows in the same order', async () => {
    const vertex = (await exportPanel.download('Download validation.jsonl')).bytes.toString('utf8').trim().split('\n');
    await formatFor.selectOption({ label: 'Amazon Bedrock (Nova)' });
    await expect(exportPanel.panel).toContainText('Limits and rules checked for Amazon Nova on Amazon Bedrock');
    await exportPanel.expectReady();
    const nova = (await exportPanel.download('Download validation.jsonl')).bytes.toString('utf8').trim().split('\n');
    expect(nova).toHaveLength(100);
    const texts = (lines: string[], pick: (o: any) => string) => lines.map((l) => pick(JSON.parse(l))); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(texts(nova, (o) => o.messages[0].content[0].text)).toEqual(texts(vertex, (o) => o.contents[0].parts[0].text));
    const first = JSON.parse(nova[0]!);
    expect(Object.keys(first)).toEqual(['schemaVersion', 'system', 'messages']);
    expect(first.schemaVersion).toBe('bedrock-conversation-2024');
  });

  await test.step('the legacy Claude 3 Haiku layout says it is past its end of life', async () => {
    await formatFor.selectOption({ label: 'Amazon Bedrock, Claude 3 Haiku (legacy)' });
    await expect(exportPanel.panel).toContainText('end of life on Amazon Bedrock on 10 September 2026');
    await expect(exportPanel.panel).toContainText('At least 32 training examples');
    await formatFor.selectOption({ label: 'Amazon Bedrock (Nova)' });
  });

  await test.step('the choice is kept after a reload', async () => {
    await page.reload();
    await grid.expectLoaded();
    await expect(exportPanel.panel.getByRole('combobox', { name: 'Format for' })).toHaveValue('bedrock-nova');
  });
});

test('a ShareGPT download has the LLaMA-Factory shape, and opens again as the same rows', async ({ page, start, grid, exportPanel }) => {
  await start.open();
  await start.upload(fromRoot('public', 'sample', 'customer-support-sample.csv'));
  await grid.expectLoaded();
  await expect(exportPanel.panel).toContainText('OpenAI stops new fine-tuning jobs on 6 January 2027');
  await exportPanel.panel.getByRole('combobox', { name: 'Format for' }).selectOption({ label: 'ShareGPT (conversations, for LLaMA-Factory)' });
  await exportPanel.expectReady();
  const train = await exportPanel.download('Download train.jsonl');
  expect(train.name).toBe('train.jsonl');
  const lines = train.bytes.toString('utf8').trim().split('\n');
  expect(lines).toHaveLength(400);
  const first = JSON.parse(lines[0]!);
  expect(Object.keys(first)).toEqual(['conversations']);
  expect(first.conversations.map((t: { from: string }) => t.from)).toEqual(['system', 'human', 'gpt']);
  expect(first.conversations.every((t: object) => Object.keys(t).join() === 'from,value')).toBe(true);
  expect(Object.keys(JSON.parse(first.conversations[2].value))).toEqual(['category', 'sub_category']);
  // json.dumps' escaping, as the default's: ASCII only.
  expect(/^[\x20-\x7e]*$/.test(lines.join(''))).toBe(true);

  await test.step('open the downloaded file: read in its layout, no format error', async () => {
    // No edits to lose: the file replaces the sample without asking.
    await start.upload(jsonlFile('train.jsonl', train.bytes));
    await grid.expectRows(400);
    await expect(page.getByRole('region', { name: 'Format check' })).toContainText(
      'No format errors in 400 examples, checked in the ShareGPT layout ({"conversations": […]}), as uploaded.',
    );
  });
});
