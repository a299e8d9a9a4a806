// Settings between starts on the web host (localStorage; Electron keeps the same text in
// userData/settings.json, e2e/electron.spec.ts): what the user set is there after a reload, Reset
// settings puts the defaults back, a bad saved text is ignored with a note; and the window works at
// the size of a small laptop at 125 % (the desktop window's minimum is smaller than that).
import { expect, test, type Page } from '@playwright/test';
import { chooseStrategies, collectPageErrors } from './fixtures';

const settingsKey = 'gil-lab:settings';

async function knobs(page: Page) {
  return {
    program: await page.getByRole('combobox', { name: 'Program', exact: true }).inputValue(),
    gil: await page.getByRole('combobox', { name: 'GIL model' }).inputValue(),
    switchInterval: await page.getByRole('textbox', { name: 'Switch interval' }).inputValue(),
    timeScale: await page.getByRole('textbox', { name: 'Time scale' }).inputValue(),
    workers: await page.getByRole('slider', { name: 'Workers' }).inputValue(),
    threading: await page.getByRole('button', { name: 'threading', exact: true }).getAttribute('aria-pressed'),
    asyncio: await page.getByRole('button', { name: 'asyncio', exact: true }).getAttribute('aria-pressed'),
    presenter: await page.getByRole('button', { name: 'Presenter' }).getAttribute('aria-pressed'),
  };
}

async function ready(page: Page): Promise<void> {
  await expect(
    page.getByRole('combobox', { name: 'Program', exact: true }).locator('option[value="car-truck"]'),
  ).toHaveCount(1);
}

test('the knobs, the program and presenter mode are kept across a reload, and Reset settings forgets them', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await ready(page);
  const defaults = await knobs(page);

  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption('car-truck');
  await chooseStrategies(page, ['threading', 'asyncio']);
  await page.getByRole('slider', { name: 'Workers' }).fill('5');
  await page.getByRole('textbox', { name: 'Switch interval' }).fill('0.5');
  await page.getByRole('combobox', { name: 'GIL model' }).selectOption('old');
  await page.getByRole('textbox', { name: 'Time scale' }).fill('0.1');
  await page.getByRole('button', { name: 'Presenter' }).click();
  const chosen = await knobs(page);
  expect(chosen).toEqual({
    program: 'car-truck',
    gil: 'old',
    switchInterval: '0.5',
    timeScale: '0.1',
    workers: '5',
    threading: 'true',
    asyncio: 'true',
    presenter: 'true',
  });
  // Written once the changes pause.
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), settingsKey)).toContain('"timeScale":0.1');

  await page.reload();
  await ready(page);
  await expect.poll(() => knobs(page)).toEqual(chosen);

  await page.getByRole('button', { name: 'Reset settings' }).click();
  await expect.poll(() => knobs(page)).toEqual(defaults);
  expect(await page.evaluate((key) => localStorage.getItem(key), settingsKey)).toBeNull();
  await page.reload();
  await ready(page);
  expect(await knobs(page)).toEqual(defaults);
  expect(errors).toEqual([]);
});

test('a bad saved text is ignored with a note, and the window starts with the defaults', async ({ page }) => {
  const errors = collectPageErrors(page);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto('/');
  await ready(page);
  const defaults = await knobs(page);
  for (const text of ['{"version": 1, "gil"', JSON.stringify({ version: 99, gil: 'old' })]) {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [settingsKey, text] as const);
    await page.reload();
    await ready(page);
    expect(await knobs(page)).toEqual(defaults);
  }
  expect(warnings.filter((w) => w.includes('the saved settings were ignored'))).toEqual([
    'GIL Lab: the saved settings were ignored (it is not JSON); starting with the defaults',
    'GIL Lab: the saved settings were ignored (version 99 is not 1); starting with the defaults',
  ]);
  expect(errors).toEqual([]);
});

for (const [name, viewport] of [
  ['1366×768 at 125 % under a taskbar', { width: 1093, height: 566 }],
  ['1280×800 at 125 %', { width: 1024, height: 592 }],
  ["the desktop window's minimum", { width: 960, height: 540 }],
] as const) {
  test(`fits ${name}: no sideways scrolling, Run and the timeline in view`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await ready(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    for (const control of [
      page.getByRole('button', { name: 'Run', exact: true }),
      page.getByRole('button', { name: 'Cancel' }),
      page.locator('summary', { hasText: 'Export' }),
      page.getByTestId('timeline'),
    ])
      await expect(control).toBeInViewport();
    await page.screenshot({ path: `test-results/window-${viewport.width}x${viewport.height}.png` });
  });
}
