// Runs one Python program (the file named by argv[2]) in the standalone interpreter and prints
// what it printed: bench/interpreter.ts bundles this file, so the interpreter runs as the
// engine's built workers run it, not through tsx's per-module loading.
import { readFileSync } from 'node:fs';
import { runStandalone } from '../workers/interpreter/standalone';

const run = runStandalone(readFileSync(process.argv[2], 'utf8'), { file: 'bench.py' });
process.stdout.write(run.stdout);
if (run.failure) {
  process.stderr.write(run.stderr);
  process.exitCode = 1;
}
