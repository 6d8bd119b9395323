import { expect, test } from './fixtures/test';
import { ticketsFile } from './fixtures/datasets';

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}×${viewport.height} the header's Export button brings the downloads into view`, async ({ page, start, grid, exportPanel }) => {
    await page.setViewportSize(viewport);
    await start.open();
    await start.upload(ticketsFile());
    await grid.expectLoaded();
    const download = exportPanel.button('Download both (.zip)');
    await expect(download).not.toBeInViewport();
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Export/ })
      .click();
    await expect(exportPanel.panel.getByRole('heading', { name: 'Export', exact: true })).toBeFocused();
    await expect(download).toBeInViewport();
    // A result arriving just after the jump (a token estimate, the charts) grows a card above: the
    // downloads stay in view. Its last part is replaced, as the estimate replaces "Count tokens".
    await page.evaluate(() => {
      const above = document.getElementById('export-card')!.previousElementSibling!;
      const taller = document.createElement('div');
      taller.style.height = '600px';
      above.lastElementChild!.replaceWith(taller);
    });
    await expect(download).toBeInViewport();
    // The next keys reach the export settings and the downloads.
    await page.keyboard.press('Tab');
    await expect(exportPanel.panel.locator(':focus')).toHaveCount(1);
  });
}
