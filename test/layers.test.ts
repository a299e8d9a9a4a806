// The layer arrows of docs/ARCHITECTURE.md, checked on every source file:
// common/ ← workers/ ← main/, web/, cli/ ; renderer/ ← common/. A wrong arrow is what
// lets the renderer reach Node, or the engine depend on Electron and stop working
// in the web host and the CLI. Complements ESLint's no-restricted-imports, which
// cannot see node: modules, 'electron' or DOM globals.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const layers = ['common', 'workers', 'main', 'web', 'cli', 'renderer'] as const;
type Layer = (typeof layers)[number];

/** Which layers each layer may import (itself included). */
const mayImport: Record<Layer, readonly Layer[]> = {
  common: ['common'],
  workers: ['common', 'workers'],
  main: ['common', 'workers', 'main'],
  web: ['common', 'workers', 'web'],
  cli: ['common', 'workers', 'cli'],
  renderer: ['common', 'renderer'],
};
/** Layers whose code must run where Node does not: in the renderer, and in all three hosts. */
const noNode: readonly Layer[] = ['common', 'renderer'];
/** Only the Electron shell may load Electron; the engine must run in the web host and the CLI too. */
const electronOnlyIn: Layer = 'main';

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function isTestFile(file: string): boolean {
  return /\.(test|spec)\.[cm]?tsx?$/.test(file);
}

function layerOf(file: string): Layer | null {
  const first = relative(root, file).split(sep)[0];
  return (layers as readonly string[]).includes(first) ? (first as Layer) : null;
}

/** Every import, export-from, require() and import() specifier of a source file. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((imported) => imported.fileName);
}

/** The wrong-way imports of one file, each as "specifier: reason". */
export function layerViolations(file: string, source: string): string[] {
  const layer = layerOf(file);
  if (layer === null) return [];
  const problems: string[] = [];
  for (const specifier of importsOf(source)) {
    const bare = specifier.split('?')[0];
    if (bare.startsWith('.')) {
      const target = resolve(dirname(file), bare);
      const targetLayer = layerOf(target);
      // Tests are not shipped: they may share the helpers in test/.
      const testHelper = isTestFile(file) && relative(root, target).split(sep)[0] === 'test';
      if (targetLayer === null && testHelper) continue;
      if (targetLayer === null)
        problems.push(`${specifier}: ${layer}/ may not import outside the layers (${relative(root, target)})`);
      else if (!mayImport[layer].includes(targetLayer))
        problems.push(`${specifier}: ${layer}/ may not import ${targetLayer}/`);
    } else if (nodeBuiltins.has(bare) || nodeBuiltins.has(bare.split('/')[0])) {
      if (noNode.includes(layer) && !isTestFile(file))
        problems.push(`${specifier}: ${layer}/ may not use Node modules`);
    } else if (bare === 'electron' || bare.startsWith('electron/')) {
      if (layer !== electronOnlyIn) problems.push(`${specifier}: only ${electronOnlyIn}/ may import Electron`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('layers', () => {
  it('checks the rules themselves: wrong arrows are caught, right ones pass', () => {
    const at = (path: string) => join(root, path);
    expect(layerViolations(at('common/x.ts'), "import { readFile } from 'node:fs';")).toHaveLength(1);
    expect(layerViolations(at('common/x.ts'), "import type { Engine } from '../workers/engine';")).toHaveLength(1);
    expect(layerViolations(at('workers/x.ts'), "import { ipcMain } from 'electron';")).toHaveLength(1);
    expect(layerViolations(at('workers/x.ts'), "export * from '../web/server';")).toHaveLength(1);
    expect(layerViolations(at('renderer/src/x.tsx'), "const fs = require('fs');")).toHaveLength(1);
    expect(layerViolations(at('renderer/src/x.tsx'), "const m = await import('../../main/ipc');")).toHaveLength(1);
    expect(layerViolations(at('web/x.ts'), "import '../main/index';")).toHaveLength(1);
    expect(layerViolations(at('main/x.ts'), "import { x } from '../renderer/src/api';")).toHaveLength(1);
    expect(layerViolations(at('cli/x.ts'), "import { answer } from '../web/api-bridge';")).toHaveLength(1);
    expect(layerViolations(at('web/x.ts'), "import { flagText } from '../cli/options';")).toHaveLength(1);
    expect(layerViolations(at('cli/x.ts'), "import { createEngine } from '../workers/engine';")).toEqual([]);

    expect(layerViolations(at('renderer/src/x.tsx'), "import { presets } from '../../common/presets';")).toEqual([]);
    expect(layerViolations(at('workers/x.ts'), "import { fork } from 'node:child_process';")).toEqual([]);
    expect(
      layerViolations(
        at('main/x.ts'),
        "import { app } from 'electron'; import { createEngine } from '../workers/engine';",
      ),
    ).toEqual([]);
    expect(layerViolations(at('common/x.test.ts'), "import { readFileSync } from 'node:fs';")).toEqual([]);
    expect(layerViolations(at('workers/x.test.ts'), "import { runSession } from '../test/session';")).toEqual([]);
    expect(layerViolations(at('workers/x.ts'), "import { runSession } from '../test/session';")).toHaveLength(1);
  });

  it('every source file imports only down its arrows', () => {
    const files = layers.flatMap((layer) => sourceFiles(join(root, layer)));
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((file) =>
      layerViolations(file, readFileSync(file, 'utf8')).map((problem) => `${relative(root, file)}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('common/ compiles with neither DOM nor Node types: it runs in the renderer and in every host', () => {
    // Python sources are imported as text (`*.py?raw`): their declaration comes with common/.
    const files = [...sourceFiles(join(root, 'common')).filter((file) => !isTestFile(file)), join(root, 'common', 'python-text.d.ts')];
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file
        ? `${relative(root, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
        : '';
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    });
    expect(diagnostics).toEqual([]);
  });
});
