// The Electron main process: one window, the engine, and the bridge between them.
// It never computes: runs happen in utility processes and their worker threads,
// so this thread stays free for the window and IPC. Security follows Electron's
// checklist (electronjs.org/docs/latest/tutorial/security); main/security.ts holds the rules.
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, protocol, session, type WebContents } from 'electron';
import { createEngine, type Engine } from '../workers/engine';
import { serveAppRequest } from './app-protocol';
import { registerBridge } from './ipc';
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
import { utilityLauncher } from './utility-launcher';
import { mainWindowOptions } from './window-options';

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

let mainWindow: BrowserWindow | null = null;

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

function createWindow(): BrowserWindow {
  // Electronegativity reads only object literals written at `new BrowserWindow(…)`; these options
  // come from main/window-options.ts and main/security.ts, whose flags main/security.test.ts asserts.
  const window = new BrowserWindow(mainWindowOptions({ preload, icon })); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK PRELOAD_JS_CHECK
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(startUrl);
  return window;
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
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, 5000));
    void Promise.race([engine.close(), deadline])
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
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  void app.whenReady().then(() => {
    serveRenderer();
    lockDownSession();
    engine = createEngine({ host: 'electron', launcher: utilityLauncher });
    registerBridge(engine, { window: () => mainWindow, trustedOrigin });
    mainWindow = createWindow();
  });
}

// One GIL Lab at a time: a second launch focuses the first window.
if (app.requestSingleInstanceLock()) start();
else app.quit();
