#!/usr/bin/env node
// Renders assets/icon.svg to the PNGs electron-builder and the window use:
// assets/icon.png (1024×1024, from which electron-builder makes .icns and .ico)
// and assets/icon-512.png. A one-off: run it again after editing the SVG.
// Chromium: /usr/bin/chromium, CHROMIUM_PATH, or Playwright's own browser.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const assets = join(dirname(dirname(fileURLToPath(import.meta.url))), 'assets');
const svg = readFileSync(join(assets, 'icon.svg'), 'utf8');
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path));

const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  for (const [size, file] of [
    [1024, 'icon.png'],
    [512, 'icon-512.png'],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: join(assets, file), omitBackground: true });
    await page.close();
    console.log(`wrote assets/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
