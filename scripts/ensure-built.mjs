// Builds out/ when it is missing or older than any source, so `npm start`, `npm run web`,
// `npm run cli` and `npm run bench` always run what the sources say.
// Usage: node scripts/ensure-built.mjs (test/build-outputs.test.ts imports the rest).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Every file of the build that a host loads by name (the entries of electron.vite.config.ts): one
 * missing is rebuilt. Without out/preload/index.cjs the window has no bridge to the engine.
 */
export const buildOutputs = [
  'out/main/index.js',
  'out/main/web.js',
  'out/main/cli.js',
  'out/main/python-process.js',
  'out/main/python-thread.js',
  'out/main/cpython-sampler.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
const sourceDirs = ['common', 'workers', 'web', 'cli', 'main', 'renderer'];
const sourceFiles = ['electron.vite.config.ts', 'package.json'];
// Tests are not part of the build: editing one must not trigger a rebuild.
const isTest = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (!isTest(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of sourceDirs) visit(join(root, dir));
  for (const file of sourceFiles)
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

/** Why a build of the project at `root` is needed, or null when its out/ is up to date. */
export function staleness(root) {
  const missing = buildOutputs.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) return `${missing.join(', ')} missing`;
  const oldest = Math.min(...buildOutputs.map((file) => statSync(join(root, file)).mtimeMs));
  return newestSource(root) > oldest ? 'sources changed since the last build' : null;
}

// Test files and npm scripts may call this at the same time: one builds, the others wait for it.
const staleLockMs = 5 * 60_000;

function takeLock(root, lock) {
  mkdirSync(join(root, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build that crashed leaves its lock behind.
      if (Date.now() - statSync(lock).mtimeMs > staleLockMs) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

function ensureBuilt(root) {
  const lock = join(root, 'out', '.building');
  takeLock(root, lock);
  try {
    const reason = staleness(root);
    if (!reason) return;
    // stderr: stdout belongs to the command that runs next (`npm run cli -- programs | grep …`).
    console.error(`Building GIL Lab (${reason})…`);
    const result = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) {
      console.error(
        `The build failed (electron-vite exited with ${result.status ?? result.signal}); see the errors above.`,
      );
      process.exitCode = 1;
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureBuilt(projectRoot);
