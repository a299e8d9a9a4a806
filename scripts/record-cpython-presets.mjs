// Records what the machine's python3 prints for every preset, for machines without python3
// (workers/lesson.timing.test.ts compares with it there). Usage: node scripts/record-cpython-presets.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const folder = join(root, 'common', 'presets');
const names = Object.fromEntries(
  readdirSync(folder)
    // The convoy needs GIL Lab's echo peer, which plain CPython does not have.
    .filter((f) => f.endsWith('.py') && f !== 'convoy.py')
    .map((f) => [f.replace(/\.py$/, '').replaceAll('_', '-'), f]),
);
const out = {};
for (const [name, file] of Object.entries(names).sort()) {
  process.stderr.write(`${name}… `);
  out[name] = execFileSync('python3', [join(folder, file)], { encoding: 'utf8', timeout: 120_000 });
}
const target = join(root, 'test', 'fixtures', 'cpython-preset-output.json');
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
process.stderr.write(`\nwrote ${target}\n`);
