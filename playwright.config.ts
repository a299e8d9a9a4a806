// End-to-end tests. `web`: Chromium against the web host (always runs). `electron`: the desktop
// app through Playwright's Electron support (skips itself, with the reason, where Electron's binary
// is missing). One worker: the engine under test runs real threads and processes on the same cores.
import { defineConfig } from '@playwright/test';
// The tests read presets and session files through common/, whose presets import `.py?raw` as Vite
// does: the same loader the scripts use, in the runner and in each worker (both load this file).
import './scripts/python-text-loader.mjs';
import { chromiumArgs, findChromium } from './e2e/fixtures';

const port = 4780;
const chromium = findChromium();

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    // No trace recording: its screencast keeps a core busy in software-drawn headless Chromium,
    // which slows the very runs the tests compare (multiprocessing needs both cores).
    trace: 'off',
  },
  projects: [
    { name: 'chromium-check', testMatch: /chromium\.setup\.ts$/ },
    {
      name: 'web',
      testMatch: /\.spec\.ts$/,
      testIgnore: /electron\.spec\.ts$/,
      dependencies: ['chromium-check'],
      use: {
        browserName: 'chromium',
        // With no Chromium anywhere the chromium-check project fails first and says how to install one.
        launchOptions: { executablePath: chromium.path ?? undefined, args: chromiumArgs },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
  webServer: {
    command: `node scripts/ensure-built.mjs && node out/main/web.js --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the host end its engine's processes before it exits.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
