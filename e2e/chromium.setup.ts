// Runs before the `web` project: without a Chromium, say how to get one instead of a launch stack trace.
import { expect, test } from '@playwright/test';
import { chromiumInstallHint, findChromium } from './fixtures';

test('a Chromium is installed for the web tests', () => {
  const { path, tried } = findChromium();
  expect(path, `${chromiumInstallHint} Looked at: ${tried.join(', ')}`).not.toBeNull();
});
