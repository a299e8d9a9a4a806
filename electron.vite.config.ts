import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// The measured runs' tracer and the cost calibration's timer are Python, run by the machine's
// python3 from real files: ship them next to the engine as out/main/cpython-*.py, and the
// tracer's parts (the package it imports from its own folder) as out/main/gil_lab_tracer/*.py.
const tracerParts = 'workers/cpython/gil_lab_tracer';
const cpythonScripts: Plugin = {
  name: 'gil-lab-cpython-scripts',
  generateBundle() {
    const parts = readdirSync(resolve(tracerParts))
      .filter((name) => name.endsWith('.py'))
      .map((name) => [`gil_lab_tracer/${name}`, `${tracerParts}/${name}`]);
    for (const [fileName, source] of [
      ['cpython-tracer.py', 'workers/cpython/tracer.py'],
      ...parts,
      ['cpython-time-programs.py', 'workers/cpython/time-programs.py'],
    ])
      this.emitFile({ type: 'asset', fileName, source: readFileSync(resolve(source), 'utf8') });
  },
};

// One build of the engine serves every host: Electron, the web host, the CLI,
// the tests and the benchmarks all run the files under out/main/.
export default defineConfig({
  main: {
    plugins: [cpythonScripts],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          'python-process': resolve('workers/python-process.ts'),
          'python-thread': resolve('workers/python-thread.ts'),
          'cpython-sampler': resolve('workers/cpython/sampler-worker.ts'),
          web: resolve('web/server-main.ts'),
          cli: resolve('cli/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('main/preload.ts') },
        // A sandboxed preload cannot load ES modules or other files: one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
    plugins: [react()],
  },
});
