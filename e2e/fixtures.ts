// Shared helpers for the end-to-end tests: which Chromium to drive, and a page's console errors.
import { existsSync } from 'node:fs';
import { chromium, expect, type Page } from '@playwright/test';
import { strategies } from '../common/program';

/** Headless flags for a Chromium shared with other work on a small machine. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const chromiumInstallHint =
  'No Chromium found for the end-to-end tests. Install one with `sudo apt-get install -y chromium` ' +
  '(Debian/Ubuntu) or `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download; null when none exists. */
export function findChromium(): { path: string | null; tried: string[] } {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightChromium()].filter(
    (path): path is string => Boolean(path),
  );
  return { path: candidates.find((path) => existsSync(path)) ?? null, tried: candidates };
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Records console errors and uncaught exceptions of a page, to assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Turns exactly the `wanted` strategy toggles on, and the others off. */
export async function chooseStrategies(page: Page, wanted: string[]): Promise<void> {
  for (const strategy of strategies) {
    const toggle = page.getByRole('button', { name: strategy, exact: true });
    const on = wanted.includes(strategy);
    if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', String(on));
  }
}

/**
 * From the next page load on, keeps the time range the timeline last drew (its `timeline-draw`
 * event, which the bench reads too), so a test can see the zoom without reaching into the app.
 */
export async function recordTimelineDraws(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('timeline-draw', (event) => {
      const { startUs, endUs } = (event as CustomEvent<{ startUs: number; endUs: number }>).detail;
      (window as unknown as { timelineDrawn: unknown }).timelineDrawn = { startUs, endUs };
    });
  });
}

/** The time range the timeline drew last (recordTimelineDraws must come before the page loads). */
export async function drawnRange(page: Page): Promise<{ startUs: number; endUs: number }> {
  const range = await page.evaluate(() => (window as unknown as { timelineDrawn?: unknown }).timelineDrawn);
  if (!range) throw new Error('the timeline has not drawn yet (or recordTimelineDraws was not called)');
  return range as { startUs: number; endUs: number };
}
