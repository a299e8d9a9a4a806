// Builds out/ when it is missing or older than any source, so `npm run web`, `npm run cli`
// and `npm run bench` always run what the sources say. Usage: node scripts/ensure-built.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outputs = [
  'out/main/web.js',
  'out/main/cli.js',
  'out/main/python-process.js',
  'out/main/python-thread.js',
  'out/renderer/index.html',
];
const sourceDirs = ['common', 'workers', 'web', 'cli', 'main', 'renderer'];
const sourceFiles = ['electron.vite.config.ts', 'package.json'];
// Tests are not part of the build: editing one must not trigger a rebuild.
const isTest = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

function newestSource() {
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

/** Why a build is needed, or null when out/ is up to date. */
function staleness() {
  const missing = outputs.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) return `${missing.join(', ')} missing`;
  const oldest = Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs));
  return newestSource() > oldest ? 'sources changed since the last build' : null;
}

// Test files and npm scripts may call this at the same time: one builds, the others wait for it.
const lock = join(root, 'out', '.building');
const staleLockMs = 5 * 60_000;

function takeLock() {
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

takeLock();
try {
  const reason = staleness();
  if (reason) {
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
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
