import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// The measured runs' tracer is Python, run by the machine's python3 from a real file: ship it
// next to the engine as out/main/cpython-tracer.py.
const cpythonTracer: Plugin = {
  name: 'gil-lab-cpython-tracer',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'cpython-tracer.py', source: readFileSync(resolve('workers/cpython/tracer.py'), 'utf8') });
  },
};

// One build of the engine serves every host: Electron, the web host, the CLI,
// the tests and the benchmarks all run the files under out/main/.
export default defineConfig({
  main: {
    plugins: [cpythonTracer],
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
