// The page a browser gets from `npm run web`: it loads cleanly, reaches the engine, and shows the shell.
import { expect, test } from '@playwright/test';
import { presets } from '../common/presets';
import { collectPageErrors } from './fixtures';

test('the page loads with no console errors and shows the shell', async ({ page }) => {
  const errors = collectPageErrors(page);
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

  await expect(page).toHaveTitle(/GIL Lab/);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Configuration' })).toBeVisible();

  // The Program picker fills from the engine's presets: proof the WebSocket API answered.
  const program = page.getByRole('combobox', { name: 'Program', exact: true });
  await expect(program).toBeVisible();
  await expect(program.locator('option[value="calc-threads"]')).toHaveCount(1);
  await expect(program.locator('option')).toHaveCount(presets.length);
  // The editor holds the preset's Python, highlighted.
  await expect(page.getByTestId('editor').locator('.tok-keyword').first()).toBeVisible();

  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(page.getByTestId('run-status')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the API socket refuses a page that lacks the token', async ({ page }) => {
  await page.goto('/');
  // The same origin but without the token: what a stale tab or a guessing script would get.
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://${location.host}/api?token=wrong`);
        socket.onopen = () => resolve('opened');
        socket.onclose = (event) => resolve(`closed ${event.code}`);
      }),
  );
  expect(outcome).toBe('closed 1006');
});
