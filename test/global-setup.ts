// The engine's threads and processes run the built files under out/main: build them first.
// Every engine of the test run shares one cost calibration, made here before any test runs, so
// python3 is timed on a quiet machine (tests running beside it would slow it down) and only once.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function setup(): Promise<() => void> {
  for (const file of ['out/main/python-process.js', 'out/main/python-thread.js']) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests (npm test does).`);
  }
  const cacheDir = mkdtempSync(join(tmpdir(), 'gil-lab-test-cache-'));
  process.env.GIL_LAB_CACHE_DIR = cacheDir;
  const { createEngine } = await import('../workers/engine');
  const engine = createEngine({ host: 'cli' });
  try {
    await engine.calibrate();
  } finally {
    await engine.close();
  }
  return () => rmSync(cacheDir, { recursive: true, force: true });
}
