// The app proves its own claims: where the machine has CPython, each strategy's program also runs
// there, and its measured lanes, wall time and summary stand beside the simulated ones.
import { expect, test } from '@playwright/test';
import { chooseStrategies } from './fixtures';

test.use({ viewport: { width: 1440, height: 1100 } });

test('each strategy also runs in CPython: its lanes, its bar and its line beside the simulated ones', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  const toggle = page.getByTestId('measure-toggle');
  await expect(toggle).toBeVisible();
  await expect(page.getByText(/Measure in CPython|looking for python3/)).toBeVisible();
  await expect.poll(async () => (await toggle.isDisabled()) || (await toggle.isChecked())).toBe(true);
  test.skip(await toggle.isDisabled(), 'this machine has no python3 to measure with');
  await expect(toggle).toBeChecked();

  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption('calc-threads');
  await chooseStrategies(page, ['threading', 'multiprocessing']);
  await page.getByRole('slider', { name: 'Workers' }).fill('2');
  await page.getByRole('textbox', { name: 'Time scale' }).fill('0.1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/done$/, { timeout: 90_000 });

  const measuredHeaders = page.locator('[data-testid="run-header"][data-measured]');
  await expect(measuredHeaders).toHaveCount(2);
  for (const header of await measuredHeaders.all()) await expect(header).toContainText(/measured in 3\.\d+/);
  await expect(page.getByTestId('timeline-pane')).toContainText('2 of 2 runs, 2 measured in CPython');

  // CPython's own threads, named as CPython names them.
  const lanes = (strategy: string) =>
    page
      .locator(`[data-testid="lane-label"][data-strategy="${strategy}"][data-measured]`)
      .evaluateAll((labels) => labels.map((l) => l.getAttribute('data-thread')));
  expect(await lanes('threading')).toEqual(['MainThread', 'Thread-1 (calc)', 'Thread-2 (calc)']);
  // The parent and one process per core, each with its MainThread.
  expect(await lanes('multiprocessing')).toEqual(['MainThread', 'MainThread', 'MainThread']);

  const bars = page.locator('[data-testid="wall-time"][data-measured]');
  await expect(bars).toHaveCount(2);
  for (const bar of await bars.all()) expect(Number(await bar.getAttribute('data-ms'))).toBeGreaterThan(0);
  await expect(page.getByTestId('measured-observation')).toContainText('Measured in CPython');
  // The simulated runs charge costs fitted to this CPython, and say so.
  await expect(page.getByTestId('costs-source')).toContainText(/calibrated against CPython|default costs/);
  await page.screenshot({ path: 'test-results/measured.png' });

  // Off: the next session is simulated only.
  await toggle.uncheck();
  await chooseStrategies(page, ['threading']);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/done$/, { timeout: 60_000 });
  await expect(page.locator('[data-testid="run-header"]')).toHaveCount(1);
  await expect(measuredHeaders).toHaveCount(0);
  expect(errors).toEqual([]);
});
