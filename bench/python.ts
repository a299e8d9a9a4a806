// Runs the lesson's programs with the machine's own python3 (bench/python/*.py, with what they share in
// strategies.py), for the fidelity sections: CPython's numbers next to the engine's, measured in the same run.
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** python3's version, or why it cannot be used. */
export function findPython(): { ok: true; version: string } | { ok: false; reason: string } {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error)
    return {
      ok: false,
      reason: `python3 is not on PATH (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message})`,
    };
  if (probe.status !== 0)
    return { ok: false, reason: `python3 --version exited with ${probe.status}: ${probe.stderr.trim()}` };
  return { ok: true, version: (probe.stdout || probe.stderr).trim() };
}

/** Runs bench/python/<script> and returns the JSON object it prints on its last line. */
export function runPython<T>(script: string, args: string[]): Promise<T> {
  const file = fileURLToPath(new URL(`./python/${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile('python3', [file, ...args], { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`python3 ${script} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      const last = stdout
        .trim()
        .split('\n')
        .reverse()
        .find((line) => line.startsWith('{'));
      if (!last) return reject(new Error(`python3 ${script} ${args.join(' ')} printed no JSON line:\n${stdout}`));
      resolve(JSON.parse(last) as T);
    });
  });
}
