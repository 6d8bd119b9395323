import { expect, test } from '@playwright/test';

test('the page starts with an empty session', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await expect(page.getByText('Phase: empty')).toBeVisible();
  expect(errors).toEqual([]);
});
