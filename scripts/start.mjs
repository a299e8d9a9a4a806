#!/usr/bin/env node
// `npm start`: the desktop window. Install scripts are off (.npmrc), so Electron's
// binary is fetched here, on first start, by Electron's own installer. Where that
// download cannot happen, one paragraph says why, what works without it and how
// to fix it, and the exit code is non-zero. `npm start -- <args>` hands the arguments
// to the app; on Linux the sandbox decision of scripts/electron-sandbox.mjs applies.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronArgs, probeSandbox, sandboxDecision, sandboxFixMessage } from './electron-sandbox.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(root, 'package.json'));
/** A download that moves no byte for this long is given up (a firewall that drops packets never fails on its own). */
const stallLimitMs = Number(process.env.GIL_LAB_ELECTRON_STALL_SECONDS ?? 60) * 1000;

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary electron's index.js would name (ELECTRON_OVERRIDE_DIST_PATH first), or null when it is not there. */
function electronBinary(packageDir, env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) return null;
  // index.js falls back to 'electron' when only the override is set.
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(override || join(packageDir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

function downloadDirs() {
  try {
    return readdirSync(tmpdir())
      .filter((name) => name.startsWith('electron-download-'))
      .map((name) => join(tmpdir(), name));
  } catch {
    return [];
  }
}

/** Bytes in Electron's download directories and dist/: growing means the installer is making progress. */
function downloadedBytes(packageDir) {
  const sizeOf = (dir) => {
    let total = 0;
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      try {
        total += entry.isDirectory() ? sizeOf(path) : statSync(path).size;
      } catch {
        // Removed while we looked.
      }
    }
    return total;
  };
  let total = sizeOf(join(packageDir, 'dist'));
  for (const dir of downloadDirs()) total += sizeOf(dir);
  return total;
}

/**
 * Runs node_modules/electron/install.js. With --stack-trace-limit=0 a failure is
 * one line, not a stack. On a terminal its stderr is ours, so its progress bar
 * shows; otherwise we keep that line to name the cause in our paragraph.
 * Resolves with null on success, or the reason it failed.
 */
function installElectron(packageDir) {
  const dirsBefore = new Set(downloadDirs());
  return new Promise((resolve) => {
    const installer = spawn(process.execPath, ['--stack-trace-limit=0', join(packageDir, 'install.js')], {
      cwd: packageDir,
      stdio: ['ignore', 'inherit', process.stderr.isTTY ? 'inherit' : 'pipe'],
    });
    let errorOutput = '';
    installer.stderr?.on('data', (chunk) => (errorOutput += chunk));
    let lastBytes = downloadedBytes(packageDir);
    let lastProgress = Date.now();
    let stalled = false;
    const watchdog = setInterval(() => {
      const bytes = downloadedBytes(packageDir);
      if (bytes !== lastBytes) {
        lastBytes = bytes;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > stallLimitMs) {
        stalled = true;
        installer.kill('SIGKILL');
      }
    }, 2000);
    installer.on('error', (error) => {
      clearInterval(watchdog);
      resolve(`the installer could not run: ${error.message}`);
    });
    installer.on('exit', (code, signal) => {
      clearInterval(watchdog);
      if (stalled) {
        // Killed mid-download, the installer could not remove its temporary directory.
        for (const dir of downloadDirs()) if (!dirsBefore.has(dir)) rmSync(dir, { recursive: true, force: true });
        resolve(`the download made no progress for ${stallLimitMs / 1000} s and was stopped`);
      } else if (code === 0 && electronBinary(packageDir)) {
        process.stderr.write(errorOutput);
        resolve(null);
      } else if (code === 0) resolve('the installer finished but left no binary');
      else {
        const lastLine = errorOutput.trim().split('\n').pop();
        resolve(
          lastLine ||
            (installer.stderr
              ? `the installer exited with ${signal ?? `code ${code}`}`
              : "see the installer's line above"),
        );
      }
    });
  });
}

function explainMissingElectron(version, reason) {
  const paragraph = [
    `GIL Lab cannot open its desktop window: Electron's binary (v${version}) is downloaded from ${process.env.ELECTRON_MIRROR || 'GitHub'} the first time you run \`npm start\`, and that download failed (${reason}).`,
    'Everything else works without it: `npm run web` serves the same app to a browser on 127.0.0.1, and `npm run cli -- --help` runs it from the terminal.',
    'To get the desktop window, run `npm start` again with access to github.com, or set ELECTRON_MIRROR to a mirror you can reach',
    '(for example `ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start`).',
  ].join(' ');
  process.stderr.write(`\n${wrap(paragraph, 88)}\n\n`);
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  // A `command` is never split across lines, so it can be copied whole.
  for (const word of text.match(/\S*`[^`]*`\S*|\S+/g) ?? []) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Runs a command with our stdio; resolves with its exit code (signals forwarded while it runs). */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      process.stderr.write(`GIL Lab: could not run ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
}

/**
 * Builds what is stale and starts Electron on the app with `argv` after it; resolves with the exit code.
 * `probe` reads the sandbox facts of chrome-sandbox's path (test/electron-start.test.ts passes its own).
 */
export async function startElectron({ argv, env = process.env, probe = probeSandbox }) {
  const packageDir = electronPackageDir();
  if (packageDir === null) {
    process.stderr.write('GIL Lab: the electron package is not installed. Run `npm install` first.\n');
    return 1;
  }
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

  if (electronBinary(packageDir, env) === null) {
    process.stdout.write(`Electron ${version} is not downloaded yet: fetching it once (about 100 MB)…\n`);
    const failure = await installElectron(packageDir);
    if (failure !== null) {
      explainMissingElectron(version, failure);
      return 1;
    }
  }

  // The path electron's own index.js gives, as `npx electron` would use.
  const electronPath = electronBinary(packageDir, env);
  const decision = sandboxDecision(probe(join(dirname(electronPath), 'chrome-sandbox')), argv);
  if (decision.kind === 'fix') {
    process.stderr.write(`\n${sandboxFixMessage(decision)}\n\n`);
    return 1;
  }
  if (decision.kind === 'no-sandbox') process.stderr.write(`${decision.warning}\n`);

  const built = await run(process.execPath, [join(root, 'scripts', 'ensure-built.mjs')], env);
  if (built !== 0) return built;

  // ELECTRON_RUN_AS_NODE left in the environment would start plain Node instead of the app.
  const electronEnv = { ...env };
  delete electronEnv.ELECTRON_RUN_AS_NODE;
  return run(electronPath, electronArgs(argv, decision), electronEnv);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await startElectron({ argv: process.argv.slice(2) });
