// Records what CPython prints for each conformance program (workers/interpreter/conformance/*.py,
// and workers/prelude/conformance/*.py, which run in the engine) into the expected.json beside
// them, which the conformance tests hold the interpreter to. Run it after adding or changing a
// program: node scripts/record-cpython-outputs.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conformanceDir, engineConformanceDir, programNames, pythonVersion, runCPython } from '../workers/interpreter/conformance/cpython.mjs';

const version = pythonVersion();
if (version === null) {
  console.error('python3 is not on PATH: the expected outputs can only be recorded with CPython');
  process.exit(2);
}
for (const dir of [conformanceDir, engineConformanceDir]) {
  const programs = {};
  for (const name of programNames(dir)) {
    const outcome = runCPython(name, dir);
    // A compile-time warning goes to stderr, where the interpreter writes nothing: rewrite the program.
    if (/^\S+:\d+: \w*Warning: /m.test(outcome.stderr)) {
      console.error(`${name} makes CPython warn:\n${outcome.stderr}`);
      process.exit(1);
    }
    programs[name] = outcome;
  }
  const file = join(dir, 'expected.json');
  writeFileSync(file, `${JSON.stringify({ python: version, programs }, null, 2)}\n`);
  console.log(`recorded ${Object.keys(programs).length} programs with Python ${version} into ${file}`);
}
