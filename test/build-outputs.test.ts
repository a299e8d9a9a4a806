// scripts/ensure-built.mjs rebuilds when any file a host loads is missing: `npm start` with no
// out/preload/index.cjs would otherwise open a window that says "Could not reach the engine".
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import viteConfig from '../electron.vite.config';
import { buildOutputs, staleness } from '../scripts/ensure-built.mjs';

interface EntryConfig {
  build: { outDir: string; rollupOptions: { input: Record<string, string>; output?: { entryFileNames?: string } } };
}

/** The files electron-vite writes for each entry of electron.vite.config.ts. */
function entryOutputs(): string[] {
  const config = viteConfig as unknown as Record<'main' | 'preload' | 'renderer', EntryConfig>;
  const files: string[] = [];
  for (const part of ['main', 'preload'] as const) {
    const { outDir, rollupOptions } = config[part].build;
    const pattern = rollupOptions.output?.entryFileNames ?? '[name].js';
    for (const name of Object.keys(rollupOptions.input)) files.push(`${outDir}/${pattern.replace('[name]', name)}`);
  }
  const renderer = config.renderer.build;
  for (const name of Object.keys(renderer.rollupOptions.input)) files.push(`${renderer.outDir}/${name}.html`);
  return files;
}

let scratch = '';
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = '';
});

/** A project whose sources are an hour old and whose build is complete and newer. */
function builtProject(): string {
  scratch = mkdtempSync(join(tmpdir(), 'gil-lab-build-'));
  const hourAgo = Date.now() / 1000 - 3600;
  for (const source of ['main/index.ts', 'main/preload.ts', 'renderer/src/main.tsx', 'package.json']) {
    mkdirSync(dirname(join(scratch, source)), { recursive: true });
    writeFileSync(join(scratch, source), '');
    utimesSync(join(scratch, source), hourAgo, hourAgo);
  }
  for (const output of buildOutputs) {
    mkdirSync(dirname(join(scratch, output)), { recursive: true });
    writeFileSync(join(scratch, output), '');
  }
  return scratch;
}

describe('ensure-built', () => {
  it('checks every entry electron-vite builds, Electron main and preload included', () => {
    expect([...buildOutputs].sort()).toEqual(entryOutputs().sort());
    expect(buildOutputs).toContain('out/main/index.js');
    expect(buildOutputs).toContain('out/preload/index.cjs');
  });

  it('rebuilds when the preload or the Electron main is missing, naming it', () => {
    const root = builtProject();
    expect(staleness(root)).toBeNull();
    rmSync(join(root, 'out/preload/index.cjs'));
    expect(staleness(root)).toBe('out/preload/index.cjs missing');
    rmSync(join(root, 'out/main/index.js'));
    expect(staleness(root)).toBe('out/main/index.js, out/preload/index.cjs missing');
  });

  it('rebuilds when a source is newer than the build', () => {
    const root = builtProject();
    writeFileSync(join(root, 'main/preload.ts'), '// changed');
    const hourAhead = Date.now() / 1000 + 3600;
    utimesSync(join(root, 'main/preload.ts'), hourAhead, hourAhead);
    expect(staleness(root)).toBe('sources changed since the last build');
  });
});
