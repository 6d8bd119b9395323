import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';

/**
 * "Your file stays in this browser": over a whole session (upload, edits, every download, a
 * reload) the page only fetches its own files, never sends anything, and no request carries the
 * data. The shared fixture also fails the test on any request to another origin.
 */
test('a whole session sends nothing anywhere', async ({ page, context, baseURL, start, grid, exportPanel }) => {
  const requests: { url: string; method: string; body: string | null }[] = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));

  await test.step('upload the tickets', async () => {
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
  });

  await test.step('edit: fix a typo, relabel rows, add one', async () => {
    await grid.editText(5, 'inquiry', 'I was charged twice for my order');
    await grid.filterBy('category', ['Biling']);
    await grid.selectAllInView();
    await grid.setLabelOnSelected('category', 'Billing');
    await grid.bulkBar.getByRole('button', { name: 'Clear selection' }).click();
    await grid.clearFilters();
    const added = await grid.addRow('Please resend my confirmation email');
    await grid.setLabel(added, 'category', 'Account');
    await grid.setLabel(added, 'sub_category', 'Password reset');
    await grid.expectRows(31);
  });

  await test.step('all four downloads', async () => {
    await exportPanel.expectReady();
    for (const button of ['Download train.jsonl', 'Download validation.jsonl', 'Download both (.zip)', 'Download cleaned CSV'] as const) {
      const file = await exportPanel.download(button);
      expect(file.bytes.length, `${file.name} is not empty`).toBeGreaterThan(0);
    }
  });

  await test.step('reload: the session comes back from this browser', async () => {
    await page.reload();
    await grid.expectLoaded();
    await grid.expectRows(31);
  });

  await test.step('every request was a GET of the app’s own files, with nothing of the data in it', async () => {
    const origin = new URL(baseURL!).origin;
    const network = requests.filter((r) => !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
    expect(network.length).toBeGreaterThan(0);
    expect(
      network.filter((r) => !r.url.startsWith(`${origin}/`)).map((r) => r.url),
      'requests to other origins',
    ).toEqual([]);
    expect(
      network.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`),
      'requests that send something',
    ).toEqual([]);
    expect(
      network.filter((r) => r.body !== null).map((r) => r.url),
      'requests with a body',
    ).toEqual([]);
    for (const secret of ['twice', 'Biling', 'confirmation email', 'support-tickets']) {
      expect(
        network.filter((r) => decodeURIComponent(r.url).includes(secret)).map((r) => r.url),
        `requests naming “${secret}”`,
      ).toEqual([]);
    }
  });
});
