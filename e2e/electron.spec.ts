// The desktop shell end to end (Playwright project `electron`): the built app in
// Electron, loaded from app://, with the renderer locked down, its own menu, the system's
// dialogs (stubbed in the main process), settings and window state in its own profile
// (--user-data-dir, e2e/electron-launch.ts), and sessions that end with their page. Where
// Electron's binary is not installed (it is downloaded on the first `npm start`), every
// test is skipped and the reason is printed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { presets } from '../common/presets';
import { parseSessionFile } from '../common/session-file';
import { probeSandbox } from '../scripts/electron-sandbox.mjs';
import { e2eLaunchArgs, testProfile } from './electron-launch';

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

/** The environment without what would make the app load a dev server or start as plain Node. */
function appEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL' && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
}

/** Starts the built app in `profile` and waits for its page. */
async function launch(profile: string): Promise<{ app: ElectronApplication; page: Page }> {
  const chromeSandbox = join(root, 'node_modules', 'electron', 'dist', 'chrome-sandbox');
  const { args, note } = e2eLaunchArgs(profile, probeSandbox(chromeSandbox));
  if (note) console.log(note);
  const app = await electron.launch({ args, cwd: root, env: appEnv() });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await expect(page.getByRole('combobox', { name: 'Program', exact: true }).locator('option')).not.toHaveCount(0);
  return { app, page };
}

/** Clicks an application menu item by id, as a user would from the menu bar. */
async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu, BrowserWindow }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`no menu item ${itemId}`);
    item.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
  }, id);
}

/** Makes the next Open or Save dialog answer `path` (the system dialog cannot be driven from a test). */
async function answerDialogs(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, answer) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [answer] })) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: answer })) as typeof dialog.showSaveDialog;
  }, path);
}

async function startLongSession(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption('calc-threads');
  await page.getByRole('textbox', { name: 'Time scale' }).fill('1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/^running /, { timeout: 30_000 });
}

test.describe('desktop shell', () => {
  test.skip(cannotRun !== null, cannotRun ?? '');
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let profile = '';
  let files = '';

  test.beforeAll(async () => {
    if (!existsSync(join(root, 'out', 'main', 'index.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html')))
      throw new Error('out/ is not built: run `npm run build` before the Electron tests');
    profile = testProfile();
    files = mkdtempSync(join(tmpdir(), 'gil-lab-e2e-files-'));
    ({ app, page } = await launch(profile));
  });

  test.afterAll(async () => {
    await app?.close();
    for (const dir of [profile, files]) if (dir) rmSync(dir, { recursive: true, force: true });
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
      methods: ['cancelSession', 'desktop', 'getMachine', 'listPresets', 'onEvent', 'parseProgram', 'startSession'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
  });

  test('reaches the engine through the bridge', async () => {
    const machine = await page.evaluate(() => window.gilLab!.getMachine());
    expect(machine.host).toBe('electron');
    const names = await page.evaluate(async () => (await window.gilLab!.listPresets()).map((p) => p.name));
    expect(names).toContain('car-truck');
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

  test('runs in its own profile, not the user’s', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(profile);
  });

  test('has its own menu: File, View, Help, with the app’s commands', async () => {
    const menu = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => ({
        label: item.label.replaceAll('&', ''),
        ids: (item.submenu?.items ?? []).map((child) => child.id).filter(Boolean),
      })),
    );
    const labels = menu.map((item) => item.label);
    for (const label of ['File', 'View', 'Help']) expect(labels).toContain(label);
    const ids = menu.flatMap((item) => item.ids);
    for (const id of [
      'open-program',
      'open-session',
      'open-recent',
      'save-session',
      'export',
      'presenter',
      'console',
      'lesson',
      'shortcuts',
    ])
      expect(ids).toContain(id);
  });

  test('opens within the work area, no smaller than its usable minimum', async () => {
    const { bounds, workArea, minimum } = await app.evaluate(({ BrowserWindow, screen }) => {
      const window = BrowserWindow.getAllWindows()[0];
      const bounds = window.getBounds();
      return { bounds, workArea: screen.getDisplayMatching(bounds).workArea, minimum: window.getMinimumSize() };
    });
    expect(bounds.x).toBeGreaterThanOrEqual(workArea.x);
    expect(bounds.y).toBeGreaterThanOrEqual(workArea.y);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(workArea.x + workArea.width);
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(workArea.y + workArea.height);
    expect(minimum[0]).toBeLessThanOrEqual(Math.min(960, workArea.width));
  });

  test('File ▸ Open Program… reads the file the system dialog chose, and offers it under Open Recent', async () => {
    const path = join(files, 'mine.py');
    writeFileSync(path, presets[0].source);
    await answerDialogs(app, path);
    await clickMenu(app, 'open-program');
    await expect(page.getByRole('combobox', { name: 'Program', exact: true })).toContainText('mine.py');
    const recent = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.getMenuItemById('open-recent')?.submenu?.items ?? []).map((item) => item.label),
    );
    expect(recent[0]).toBe('mine.py (program)');
  });

  test('File ▸ Save Session… writes the session through the Save dialog', async () => {
    await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption('calc-threads');
    await page.getByRole('textbox', { name: 'Time scale' }).fill('0.05');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('run-status')).toHaveText(/done$/, { timeout: 60_000 });
    const path = join(files, 'saved');
    await answerDialogs(app, path);
    await clickMenu(app, 'save-session');
    // The dialog's answer had no ending: the kind's is added.
    await expect.poll(() => existsSync(`${path}.gillab.json`)).toBe(true);
    expect(parseSessionFile(readFileSync(`${path}.gillab.json`, 'utf8')).ok).toBe(true);
  });

  test('View ▸ Presenter Mode and Console do what the buttons do, and the menu ticks them', async () => {
    await clickMenu(app, 'presenter');
    await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
    await clickMenu(app, 'console');
    await expect(page.getByRole('heading', { name: 'Console' })).toHaveCount(0);
    await expect
      .poll(() => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('presenter')?.checked))
      .toBe(true);
    await clickMenu(app, 'presenter');
    await clickMenu(app, 'console');
    await expect(page.getByRole('heading', { name: 'Console' })).toHaveCount(1);
  });

  test('a reload during a session cancels it and the new page says so; Run works again', async () => {
    await startLongSession(page);
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('reloaded during a session', { timeout: 15_000 });
    const started = await page.evaluate(() =>
      window.gilLab!.startSession({
        program: 'car-truck',
        strategies: ['threading'],
        workerCounts: [2],
        switchIntervalMs: 5,
        gil: 'new',
        timeScale: 0.05,
      }),
    );
    expect(started.ok).toBe(true);
    await page.evaluate(() => window.gilLab!.cancelSession());
  });

  test('a crashed renderer cancels the session, and the window comes back saying why', async () => {
    await startLongSession(page);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.forcefullyCrashRenderer());
    await expect
      .poll(
        async () => {
          const current = app.windows()[0];
          return current
            ? await current
                .getByRole('alert')
                .textContent()
                .catch(() => '')
            : '';
        },
        { timeout: 30_000 },
      )
      .toMatch(/The window (crashed|was killed).*The session that was running was cancelled/);
    page = app.windows()[0];
  });

  test('settings and the window come back after a restart in the same profile', async () => {
    await page.getByRole('combobox', { name: 'GIL model' }).selectOption('old');
    await page.getByRole('textbox', { name: 'Time scale' }).fill('0.3');
    await expect.poll(() => existsSync(join(profile, 'settings.json'))).toBe(true);
    await expect.poll(() => readFileSync(join(profile, 'settings.json'), 'utf8')).toContain('"timeScale":0.3');
    await app.close();
    expect(existsSync(join(profile, 'desktop-state.json'))).toBe(true);
    ({ app, page } = await launch(profile));
    await expect(page.getByRole('textbox', { name: 'Time scale' })).toHaveValue('0.3');
    await expect(page.getByRole('combobox', { name: 'GIL model' })).toHaveValue('old');
  });
});
