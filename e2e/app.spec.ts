// The window end to end, against the web host's real engine: choose a program and strategies, run,
// watch lanes fill in, compare wall times, zoom, cancel.
import { expect, test, type Page } from '@playwright/test';
import { chooseStrategies, drawnRange, recordTimelineDraws } from './fixtures';

// A laptop-sized window, as a teacher would project it.
test.use({ viewport: { width: 1440, height: 900 } });

async function visibleSpanUs(page: Page): Promise<number> {
  const { startUs, endUs } = await drawnRange(page);
  return endUs - startUs;
}

test('runs threading beside multiprocessing, compares wall times, zooms and cancels', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await recordTimelineDraws(page);
  await page.goto('/');
  await expect(page).toHaveTitle('GIL Lab');
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText(/ready$/);

  const program = page.getByRole('combobox', { name: 'Program', exact: true });
  await expect(program.locator('option[value="calc-threads"]')).toHaveCount(1);
  await program.selectOption('calc-threads');
  await chooseStrategies(page, ['threading', 'multiprocessing']);
  await page.getByRole('slider', { name: 'Workers' }).fill('2');
  await page.getByRole('textbox', { name: 'Time scale' }).fill('0.25');

  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  await run.click();

  // Lanes of both strategies show up while the session still runs, not only at the end.
  const seenWhileRunning = await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="run-status"]')?.textContent ?? '';
      const lanes = (strategy: string) =>
        document.querySelectorAll(`[data-testid="lane-label"][data-strategy="${strategy}"]:not([data-measured])`).length;
      if (lanes('threading') > 0 && lanes('multiprocessing') > 0)
        return text.endsWith('done') ? 'after the end' : 'while running';
      return /done$|cancelled$|failed: /.test(text) ? `ended (${text}) before both strategies had lanes` : false;
    },
    undefined,
    { polling: 100, timeout: 60_000 },
  );
  expect(await seenWhileRunning.jsonValue()).toBe('while running');

  await expect(status).toHaveText(/done$/, { timeout: 60_000 });
  const bar = (strategy: string) => page.locator(`[data-testid="wall-time"][data-strategy="${strategy}"]:not([data-measured])`);
  await expect(bar('threading')).toHaveCount(1);
  await expect(bar('multiprocessing')).toHaveCount(1);
  const threadingMs = Number(await bar('threading').getAttribute('data-ms'));
  const multiprocessingMs = Number(await bar('multiprocessing').getAttribute('data-ms'));
  expect(threadingMs).toBeGreaterThan(0);
  // Two CPU-bound tasks: one GIL makes threads take turns, two processes run side by side.
  expect(multiprocessingMs).toBeLessThan(threadingMs);
  await page.screenshot({ path: 'test-results/app-done.png' });

  // Zoom in with the wheel over the lanes, then with the W key: each narrows the visible range.
  const timeline = page.getByTestId('timeline');
  const fullSpan = await visibleSpanUs(page);
  expect(fullSpan).toBeGreaterThan(0);
  const box = await timeline.boundingBox();
  if (!box) throw new Error('the timeline has no box on screen');
  await page.mouse.move(box.x + box.width * 0.6, box.y + Math.min(box.height / 2, 120));
  await page.mouse.wheel(0, -400);
  await expect.poll(() => visibleSpanUs(page)).toBeLessThan(fullSpan);
  const wheelSpan = await visibleSpanUs(page);
  await page.keyboard.press('w');
  await expect.poll(() => visibleSpanUs(page)).toBeLessThan(wheelSpan);
  await page.screenshot({ path: 'test-results/app-zoomed.png' });

  // A longer session, cancelled mid-run.
  await page.getByRole('textbox', { name: 'Time scale' }).fill('2');
  await run.click();
  await expect(status).toHaveText(/^running /, { timeout: 10_000 });
  await page.waitForTimeout(800);
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await expect(cancel).toBeEnabled();
  await cancel.click();
  await expect(status).toHaveText(/cancelled$/, { timeout: 5_000 });
  await expect(run).toBeEnabled();

  // The history keeps both sessions.
  await expect(page.locator('.history-item')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/app-final.png' });

  // Presenter mode: large type and thick lanes, for a projector.
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'test-results/app-presenter.png' });

  expect(errors).toEqual([]);
});

test('refuses an invalid switch interval in place and keeps Run disabled', async ({ page }) => {
  await page.goto('/');
  const field = page.getByRole('textbox', { name: 'Switch interval' });
  await field.fill('0');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('switch interval must be between 0.1 and 1000 ms, got 0', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  // The reason is in view beside Run, too, not only under the field.
  await expect(page.getByTestId('run-blocked')).toHaveText(
    'Cannot run: switch interval must be between 0.1 and 1000 ms, got 0',
  );
  await field.fill('5');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('a .py file opens into the editor as it is, problems under their lines; a JSON file is refused and the editor stays', async ({
  page,
}) => {
  await page.goto('/');
  const program = page.getByRole('combobox', { name: 'Program', exact: true });
  await expect(program.locator('option[value="car-truck"]')).toHaveCount(1);
  await program.selectOption('car-truck');
  const file = page.getByLabel('Open program file');
  await file.setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ name: 'mine', main: [], tasks: {} })),
  });
  await expect(page.getByTestId('program-file-error')).toHaveText(
    'mine.json: programs are Python now: open a .py file (JSON-step programs are no longer read)',
  );
  await expect(program).toHaveValue('car-truck');

  const source =
    '# Two threads sleep\nimport threading, time, numpy\n\nts = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(2)]\n';
  await file.setInputFiles({ name: 'naps.py', mimeType: 'text/x-python', buffer: Buffer.from(source) });
  await expect(program.locator('option:checked')).toHaveText('naps.py');
  await expect(page.locator('.program-description')).toHaveText('Two threads sleep');
  await expect(page.getByTestId('program-file-error')).toHaveCount(0);
  await expect(page.getByTestId('editor-problem')).toContainText('line 2: numpy is not a module GIL Lab can run');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
});
