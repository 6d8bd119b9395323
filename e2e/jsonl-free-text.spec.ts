import { expect, test } from './fixtures/test';
import { chatsFile, SUPPORT_BOT_PROMPT, SUPPORT_CHATS } from './fixtures/chats';

/**
 * A chatbot's training file, whose answers are replies, not labels: the answers come back in the
 * files exactly as they were, the split is random, and the file's own system prompt is written.
 */

interface Example {
  messages: { role: string; content: string }[];
}

const examples = (bytes: Buffer): Example[] =>
  bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Example);

test("a support bot's replies are exported as they were, with the file's system prompt", async ({ page, start, grid, charts, exportPanel }) => {
  await start.open();
  await start.upload(chatsFile());
  await grid.expectLoaded();
  await grid.expectRows(30);
  const format = page.getByRole('region', { name: 'Format check' });

  await test.step('the Format check says the answers are free text and which prompt the export writes', async () => {
    await expect(format).toContainText('No format errors in 30 examples');
    await expect(format).toContainText('The answers are free text, not labels: they are kept as they are; Manage labels and stratification do not apply.');
    await expect(format).toContainText('Every example has the same system prompt; the export writes it on every line.');
    await expect(exportPanel.systemPrompt()).toHaveValue(SUPPORT_BOT_PROMPT);
  });

  await test.step('labels and stratification are off, and say why', async () => {
    const manage = charts.panel.getByRole('button', { name: 'Manage labels' });
    await expect(manage).toBeDisabled();
    await expect(manage).toHaveAccessibleDescription('The answers are free text, not labels: there are no labels to chart or manage.');
    await expect(exportPanel.stratify()).toBeDisabled();
    await expect(exportPanel.stratify()).toHaveValue('none');
    await exportPanel.expectSummary(24, 6);
  });

  await test.step("a prompt typed in the Export panel is offered back to the file's", async () => {
    await exportPanel.setSystemPrompt('Answer like a pirate.');
    await expect(format).toContainText("Every example has the same system prompt, but the export writes the Export panel's instead.");
    await format.getByRole('button', { name: "Use the file's system prompt" }).click();
    await expect(exportPanel.systemPrompt()).toHaveValue(SUPPORT_BOT_PROMPT);
    await expect(format.getByRole('button', { name: "Use the file's system prompt" })).toBeHidden();
  });

  await test.step('an answer is edited as text in the grid', async () => {
    await grid.editText(30, 'assistant', 'Goodbye! Thanks for chatting with Acme.');
  });

  await test.step("download: every line has its own answer, as written, and the file's prompt", async () => {
    await exportPanel.expectReady();
    const train = examples((await exportPanel.download('Download train.jsonl')).bytes);
    const validation = examples((await exportPanel.download('Download validation.jsonl')).bytes);
    expect([train.length, validation.length]).toEqual([24, 6]);
    const expected = new Map<string, string>(SUPPORT_CHATS);
    expected.set('ok bye', 'Goodbye! Thanks for chatting with Acme.');
    const all = [...train, ...validation];
    for (const { messages } of all) {
      expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(messages[0]!.content).toBe(SUPPORT_BOT_PROMPT);
      expect(messages[2]!.content).toBe(expected.get(messages[1]!.content));
    }
    expect(all.map((e) => e.messages[1]!.content).sort()).toEqual([...expected.keys()].sort());
  });
});
