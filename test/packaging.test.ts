// `npm run dist` without running it: the checks electron-builder makes before it packages, run
// with electron-builder's own code against our package.json and electron-builder.config.ts, and
// the signing that the environment turns on or off.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { builderConfig, describeSigning, signingFromEnv } from '../electron-builder.config';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

interface FpmMetaInfo {
  name: string;
  maintainer: string;
  url: string;
}
const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget') as { default: { prototype: object } }).default;
const { AppInfo } = require('app-builder-lib/out/appInfo') as { AppInfo: { prototype: object } };
const { getRepositoryInfo } = require('app-builder-lib/out/util/repositoryInfo') as {
  getRepositoryInfo(projectDir: string, metadata: object): Promise<unknown>;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: object, debugLogger: object): Promise<void>;
};

/** electron-builder's deb/rpm metadata step (FpmTarget), on a project that has no git remote to infer from. */
async function debMetaInfo(metadata: Record<string, unknown>): Promise<FpmMetaInfo> {
  const noRemote = mkdtempSync(join(tmpdir(), 'gil-lab-noremote-'));
  try {
    const info = { metadata, repositoryInfo: getRepositoryInfo(noRemote, metadata) };
    const appInfo = {
      linuxPackageName: 'gil-lab',
      computePackageUrl: () =>
        Reflect.apply(
          Reflect.get(AppInfo.prototype, 'computePackageUrl') as () => Promise<string | null>,
          {
            info,
            notNullDevMetadata: metadata,
          },
          [],
        ),
    };
    const target = { packager: { appInfo, info }, options: config.linux };
    const compute = Reflect.get(FpmTarget.prototype, 'computeFpmMetaInfoOptions') as () => Promise<FpmMetaInfo>;
    return await Reflect.apply(compute, target, []);
  } finally {
    rmSync(noRemote, { recursive: true, force: true });
  }
}

describe('package.json metadata for the installers', () => {
  it('gives the deb package a homepage and maintainer with no git remote to infer them from', async () => {
    const meta = await debMetaInfo(pkg);
    expect(meta.url).toMatch(/^https:\/\//);
    expect(meta.maintainer).toMatch(/<[^@\s]+@[^@\s]+>$/);
  });

  it('is what electron-builder refuses without: the same check fails on a package.json lacking homepage and repository', async () => {
    const { homepage: _homepage, repository: _repository, ...bare } = pkg;
    await expect(debMetaInfo(bare)).rejects.toThrow(/specify project homepage/);
  });

  it('names the repository, the author with an e-mail, a description and a licence', () => {
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringContaining('@') });
    expect(pkg.description).toEqual(expect.any(String));
    expect(pkg.license).toBe('MIT');
    expect(pkg.productName).toBe('GIL Lab');
    // Electron's app_id / WM_CLASS on Linux, and the name of the installed .desktop file.
    expect(pkg.desktopName).toBe('gil-lab.desktop');
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it("passes electron-builder's own schema check", async () => {
    const logger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('promises no auto-update (no app-update.yml from the GitHub repository)', () => {
    expect(config.publish).toBeNull();
  });

  it('unpacks the engine entries from app.asar and flips the fuses', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['out/main/python-*.js', 'out/main/chunks/**']));
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });
});

describe('code signing and notarization from the environment', () => {
  it('skips both without variables, and says so', () => {
    const signing = signingFromEnv({});
    expect(signing).toEqual({ mac: false, notarize: false, windows: false });
    const built = builderConfig(signing);
    // identity null: no keychain search, no failure; notarize false: "skipped", not a warning.
    expect(built.mac).toMatchObject({ identity: null, notarize: false });
    expect(built.forceCodeSigning).toBe(false);
    expect(describeSigning(signing)).toBe(
      'macOS signing off (no CSC_LINK or CSC_NAME); notarization off (no APPLE_ID… or APPLE_API_KEY…); Windows signing off (no WIN_CSC_LINK or CSC_LINK)',
    );
  });

  it('signs with a certificate and notarizes with an Apple ID or an API key', () => {
    const appleId = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' };
    const signing = signingFromEnv({ CSC_LINK: '/k.p12', CSC_KEY_PASSWORD: 'x', ...appleId });
    expect(signing).toEqual({ mac: true, notarize: true, windows: true });
    const mac = builderConfig(signing).mac;
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(mac).not.toHaveProperty('identity');
    const apiKey = { APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' };
    expect(signingFromEnv({ CSC_NAME: 'Developer ID Application: X', ...apiKey })).toEqual({
      mac: true,
      notarize: true,
      windows: false,
    });
    expect(signingFromEnv({ WIN_CSC_LINK: 'C:\\k.pfx' })).toEqual({ mac: false, notarize: false, windows: true });
  });

  it('refuses half a set of Apple variables before building, naming what is missing', () => {
    expect(() => signingFromEnv({ CSC_LINK: '/k.p12', APPLE_ID: 'a@b.c' })).toThrow(
      'notarization needs APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID; missing APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID',
    );
    expect(() => signingFromEnv({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })).toThrow(
      /needs a signed app/,
    );
  });
});
