// `npm run dist`: installers for Linux (AppImage, deb), macOS (dmg) and Windows (nsis).
// Needs network: electron-builder downloads the Electron build of each target platform and its
// packaging tools (README, "What needs the network"). Code signing and notarization come from
// environment variables and are skipped, saying so, without them (signingFromEnv below).
import type { Configuration } from 'electron-builder';

type Env = Record<string, string | undefined>;

/** What the environment provides for signing; each flag names the variables that turn it on. */
export interface Signing {
  /** CSC_LINK (a .p12 file or its base64) or CSC_NAME (an identity in the keychain). */
  mac: boolean;
  /** APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER. */
  notarize: boolean;
  /** WIN_CSC_LINK or CSC_LINK (a .pfx file or its base64). */
  windows: boolean;
}

const appleIdVars = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;
const appleApiVars = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] as const;

/**
 * Which signing steps run. A half-set group of Apple variables is refused here, before anything is
 * built, naming what is missing (electron-builder would say so only after packaging).
 */
export function signingFromEnv(env: Env): Signing {
  const set = (name: string) => Boolean(env[name]?.trim());
  for (const group of [appleIdVars, appleApiVars]) {
    const missing = group.filter((name) => !set(name));
    if (missing.length > 0 && missing.length < group.length)
      throw new Error(`notarization needs ${group.join(', ')}; missing ${missing.join(', ')}`);
  }
  const notarize = appleIdVars.every(set) || appleApiVars.every(set);
  const mac = set('CSC_LINK') || set('CSC_NAME');
  if (notarize && !mac) throw new Error('notarization needs a signed app: set CSC_LINK (or CSC_NAME) as well');
  return { mac, notarize, windows: set('WIN_CSC_LINK') || set('CSC_LINK') };
}

export function describeSigning(signing: Signing): string {
  const on = (flag: boolean, what: string, vars: string) => `${what} ${flag ? 'on' : `off (no ${vars})`}`;
  return [
    on(signing.mac, 'macOS signing', 'CSC_LINK or CSC_NAME'),
    on(signing.notarize, 'notarization', 'APPLE_ID… or APPLE_API_KEY…'),
    on(signing.windows, 'Windows signing', 'WIN_CSC_LINK or CSC_LINK'),
  ].join('; ');
}

export function builderConfig(signing: Signing): Configuration {
  return {
    appId: 'org.gillab.app',
    productName: 'GIL Lab',
    copyright: 'Copyright © 2025 GIL Lab contributors',
    directories: { output: 'dist', buildResources: 'assets' },

    // out/ holds everything that runs (main, preload, renderer, the engine's process entries);
    // production dependencies the main bundle imports (zod) are added by electron-builder.
    files: [
      'out/**',
      'package.json',
      'assets/icon.png',
      // package.json files that say "type": "module" next to the unpacked process entries (below),
      // which no longer sit under the app's own package.json.
      { from: 'assets/unpacked', to: 'out/main', filter: ['package.json'] },
    ],
    asar: true,
    // A utility process and its worker threads load code from a real path, not from inside app.asar
    // (main/asar.ts maps the entry path). python-process.js and python-thread.js import shared chunks.
    asarUnpack: [
      'out/main/python-*.js',
      // The measured runs' sampler (a worker thread) and tracer (read by python3 from a real path),
      // with the tracer's parts, which it imports from its own folder.
      'out/main/cpython-*',
      'out/main/gil_lab_tracer/**',
      'out/main/chunks/**',
      // Matched by its source path: it lands at out/main/package.json (files, above).
      'assets/unpacked/package.json',
    ],

    // Electron fuses (the Security checklist's "check which fuses you can change"): the packaged
    // binary cannot be turned into a plain Node (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect)
    // and loads only its own app.asar. The unpacked dev app (`npm start`, e2e) is not affected.
    electronFuses: {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      // Keeps an unsigned arm64 build ad-hoc signed after the fuses change, so macOS still runs it.
      resetAdHocDarwinSignature: true,
    },

    // An unsigned build is a choice the environment makes, never an error (README, "Signing").
    forceCodeSigning: false,
    // No auto-update: without this, the GitHub repository in package.json makes electron-builder
    // write resources/app-update.yml for an updater the app does not have.
    publish: null,

    linux: {
      target: ['AppImage', 'deb'],
      category: 'Education',
      maintainer: 'GIL Lab contributors <maintainers@gillab.org>',
      synopsis: "Makes Python's GIL visible",
      // The .desktop file is gil-lab.desktop, package.json's desktopName, which Electron gives the
      // window as its app_id / WM_CLASS: docks and task bars put the window under the app's icon.
      syncDesktopName: true,
      icon: 'assets/icon.png',
    },
    mac: {
      target: 'dmg',
      category: 'public.app-category.education',
      icon: 'assets/icon.png',
      // Without CSC_LINK/CSC_NAME, null skips signing instead of searching the keychain for any identity.
      ...(signing.mac ? { hardenedRuntime: true } : { identity: null }),
      // electron-builder reads the APPLE_* variables itself; false says "skipped" instead of warning.
      notarize: signing.notarize,
    },
    // electron-builder signs with WIN_CSC_LINK/CSC_LINK (and *_KEY_PASSWORD) when they are set.
    win: { target: 'nsis', icon: 'assets/icon.png' },
    nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  };
}

const signing = signingFromEnv(process.env);
console.log(`GIL Lab dist: ${describeSigning(signing)}`);

export default builderConfig(signing);
