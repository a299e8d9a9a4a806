// The desktop shell end to end (Playwright project `electron`): the built app in
// Electron, loaded from app://, with the renderer locked down. Where Electron's
// binary is not installed (it is downloaded on the first `npm start`), every test
// is skipped and the reason is printed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Why Electron cannot run here, or null when it can. */
function whyElectronCannotRun(): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return `Electron binary not installed (${pathFile} is missing): run npm start once with network access`;
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  if (!existsSync(binary))
    return `Electron binary not installed (${binary} is missing): run npm start once with network access`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'no display for the Electron window (DISPLAY is not set): run the tests under xvfb-run';
  return null;
}

const cannotRun = whyElectronCannotRun();
if (cannotRun) console.log(`[electron] skipping the Electron tests: ${cannotRun}`);

test.describe('desktop shell', () => {
  test.skip(cannotRun !== null, cannotRun ?? '');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!existsSync(join(root, 'out', 'main', 'index.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html')))
      throw new Error('out/ is not built: run `npm run build` before the Electron tests');
    // Test what ships: the app:// bundle, not a dev server named by the environment.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL' && entry[0] !== 'ELECTRON_RUN_AS_NODE',
      ),
    );
    // Chromium refuses to run as root with its OS sandbox (containers, CI). The renderer's
    // own lock-down (contextIsolation, no Node, CSP), which these tests check, stays on.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
    app = await electron.launch({ args, cwd: root, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens one window titled GIL Lab, served from app://', async () => {
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(titles).toEqual(['GIL Lab']);
    await expect(page).toHaveTitle('GIL Lab');
    expect(page.url()).toMatch(/^app:\/\/gil-lab\//);
  });

  test('gives the page window.gilLab and no Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return {
        gilLab: typeof scope.gilLab,
        methods: Object.keys((scope.gilLab as object | undefined) ?? {}).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
      };
    });
    expect(globals).toEqual({
      gilLab: 'object',
      methods: ['cancelSession', 'getMachine', 'listPresets', 'onEvent', 'parseProgram', 'startSession'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
  });

  test('reaches the engine through the bridge', async () => {
    const machine = await page.evaluate(() => window.gilLab!.getMachine());
    expect(machine.host).toBe('electron');
    const presets = await page.evaluate(async () => (await window.gilLab!.listPresets()).map((p) => p.name));
    expect(presets).toContain('car-truck');
  });

  test('refuses navigation to another origin and new windows', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    const opened = await page.evaluate(() => window.open('https://example.com/', '_blank') === null);
    expect(opened).toBe(true);
    // A refused navigation leaves no event to wait for: give a real one time to start.
    await page.waitForTimeout(1000);
    const urls = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
    );
    expect(urls).toEqual([before]);
    expect(await page.evaluate(() => typeof window.gilLab)).toBe('object');
  });

  test('runs no inline script (Content-Security-Policy)', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as Record<string, unknown>).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });
});
