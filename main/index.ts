// The Electron main process: one window, the engine, and the bridge between them.
// It never computes: runs happen in utility processes and their worker threads,
// so this thread stays free for the window and IPC. Security follows Electron's
// checklist (electronjs.org/docs/latest/tutorial/security); main/security.ts holds the rules.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, type WebContents } from 'electron';
import { createEngine, type Engine } from '../workers/engine';
import { serveAppRequest } from './app-protocol';
import { registerDesktopBridge, sendCommand } from './desktop-ipc';
import { createDesktopShell, loadDesktopState, type DesktopShell } from './desktop-services';
import { registerBridge } from './ipc';
import { aboutDetail, menuTemplate } from './menu-template';
import {
  appEntryUrl,
  appOrigin,
  appScheme,
  appSchemePrivileges,
  contentSecurityPolicy,
  devContentSecurityPolicy,
  isNavigationAllowed,
  originOf,
} from './security';
import { createSessionGuard, type SessionGuard } from './session-guard';
import { utilityLauncher } from './utility-launcher';
import { placeWindow } from './window-bounds';
import { mainWindowOptions, windowTitle } from './window-options';

const rendererRoot = fileURLToPath(new URL('../renderer/', import.meta.url));
const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const icon = fileURLToPath(new URL('../../assets/icon.png', import.meta.url));

// Only an unpackaged app follows electron-vite's dev server: a packaged app must
// never load a page named by its environment.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const startUrl = devUrl ?? appEntryUrl;
const trustedOrigin = (devUrl && originOf(devUrl)) || appOrigin;
const csp = devUrl ? devContentSecurityPolicy : contentSecurityPolicy;

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
app.enableSandbox();

// --user-data-dir gives a profile of its own (the e2e tests, a second profile): the settings, the
// window's state and the single-instance lock below all live in userData.
const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
if (userDataDir) app.setPath('userData', resolve(userDataDir));

let mainWindow: BrowserWindow | null = null;
let shell: DesktopShell | null = null;
let guard: SessionGuard | null = null;

function serveRenderer(): void {
  protocol.handle(appScheme, (request) => serveAppRequest(rendererRoot, request));
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // GIL Lab needs no camera, microphone, notifications, geolocation, USB or HID.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The dev server's responses (and any other) carry the same policy as app:// ones.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

/** Applied to every webContents, ours and any that might be created later. */
function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * A page that goes takes its session with it (main/session-guard.ts): a reload or navigation of the
 * main frame cancels it; a renderer that crashed or was killed cancels it too, and the page is
 * loaded again, shown, with the reason in its error banner.
 */
function guardSession(window: BrowserWindow, sessionGuard: SessionGuard): void {
  const contents = window.webContents;
  let closing = false;
  window.on('close', () => (closing = true));
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) sessionGuard.navigated();
  });
  contents.on('did-finish-load', () => sessionGuard.loaded());
  contents.on('render-process-gone', (_event, details) => {
    if (closing || window.isDestroyed()) return;
    const next = sessionGuard.gone(details);
    window.show();
    if (next === 'reload') {
      contents.reload();
      return;
    }
    void dialog
      .showMessageBox(window, {
        type: 'error',
        title: windowTitle,
        message: 'The GIL Lab window keeps stopping while it opens.',
        detail: `Last time: ${details.reason}, exit code ${details.exitCode}. Quit and start GIL Lab again, or try once more.`,
        buttons: ['Try Again', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => (response === 0 && !window.isDestroyed() ? contents.reload() : app.quit()));
  });
}

function createWindow(desktop: DesktopShell, sessionGuard: SessionGuard): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const placement = placeWindow(desktop.state.window, workAreas);
  // Electronegativity reads only object literals written at `new BrowserWindow(…)`; these options
  // come from main/window-options.ts and main/security.ts, whose flags main/security.test.ts asserts.
  const window = new BrowserWindow(mainWindowOptions({ preload, icon, placement, packaged: app.isPackaged })); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK PRELOAD_JS_CHECK
  window.once('ready-to-show', () => {
    // maximize() shows the window itself: only once the first frame is painted.
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    void desktop.rememberWindow({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  guardSession(window, sessionGuard);
  void window.loadURL(startUrl);
  return window;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `About ${windowTitle}`,
    message: `${windowTitle} ${app.getVersion()}`,
    detail: aboutDetail({
      app: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      v8: process.versions.v8,
      platform: process.platform,
      arch: process.arch,
    }),
    buttons: ['OK'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function buildMenu(): void {
  if (!shell) return;
  const desktop = shell;
  const template = menuTemplate({
    platform: process.platform,
    packaged: app.isPackaged,
    appName: windowTitle,
    state: desktop.menuState,
    recent: desktop.state.recent,
    send: (command) => sendCommand(mainWindow, command),
    about: showAbout,
    clearRecent: () => void desktop.clearRecent(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.focus();
}

function start(): void {
  // utilityProcess.fork works only once the app is ready, so the engine is made then.
  let engine: Engine | null = null;
  let engineClosed = false;
  let quitting = false;

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('second-instance', () => {
    if (mainWindow) focus(mainWindow);
  });

  // Quitting waits for the engine to end every process it started (bounded, so a
  // stuck process cannot keep the app from quitting).
  app.on('before-quit', (event) => {
    if (engineClosed || engine === null) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    const deadline = new Promise<void>((done) => setTimeout(done, 5000));
    // The window's bounds and the settings are written by then too.
    void Promise.race([Promise.all([engine.close(), shell?.flush()]), deadline])
      .catch((error: unknown) => console.error('GIL Lab: closing the engine failed:', error))
      .finally(() => {
        engineClosed = true;
        app.quit();
      });
  });

  app.on('window-all-closed', () => {
    // A session whose window is gone has no one to show it to.
    void engine?.cancelSession();
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (shell && guard && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(shell, guard);
  });

  void app.whenReady().then(async () => {
    serveRenderer();
    lockDownSession();
    engine = createEngine({ host: 'electron', launcher: utilityLauncher, calibrateAtStart: true, cacheDir: join(app.getPath('userData'), 'cache') });
    guard = createSessionGuard(engine);
    const userData = app.getPath('userData');
    shell = createDesktopShell(await loadDesktopState(userData), {
      userData,
      window: () => mainWindow,
      guard,
      onMenuChange: buildMenu,
    });
    const target = { window: () => mainWindow, trustedOrigin };
    registerBridge(engine, target);
    registerDesktopBridge(shell, target);
    buildMenu();
    mainWindow = createWindow(shell, guard);
  });
}

// One GIL Lab at a time: a second launch focuses the first window.
if (app.requestSingleInstanceLock()) start();
else app.quit();
