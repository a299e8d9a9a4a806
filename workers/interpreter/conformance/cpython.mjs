// Runs a conformance program with the machine's python3, as the recorder
// (scripts/record-cpython-outputs.mjs) and the conformance test both do, so that the two agree
// on what "what CPython prints" means: stdout, stderr with the program's path shortened to its
// name, and the exit status.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const conformanceDir = fileURLToPath(new URL('.', import.meta.url));
/** Programs that need the engine (threads, processes, an event loop): workers/prelude/conformance. */
export const engineConformanceDir = fileURLToPath(new URL('../../prelude/conformance/', import.meta.url));

/** The conformance programs of `dir`, by file name, sorted. */
export function programNames(dir = conformanceDir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.py'))
    .sort();
}

/** python3's version as "3.11.7", or null when there is no python3. */
export function pythonVersion() {
  const probe = spawnSync('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.trim();
}

/** What python3 prints for the program `name` of the conformance folder `dir`. */
export function runCPython(name, dir = conformanceDir) {
  const path = join(dir, name);
  const run = spawnSync('python3', ['-X', 'utf8', path], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
  });
  if (run.error) throw new Error(`python3 ${name} failed to run: ${run.error.message}`);
  return { stdout: run.stdout, stderr: run.stderr.replaceAll(`File "${path}"`, `File "${name}"`), status: run.status ?? 1 };
}
