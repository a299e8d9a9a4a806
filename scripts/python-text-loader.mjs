// Lets Node (tsx: the benchmarks and scripts) import `./file.py?raw` as Vite does: the file's
// text as the module's default export. Usage: node --import ./scripts/python-text-loader.mjs …
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (url.endsWith('.py?raw')) {
    const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
    return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
  }
  return next(url, context);
}
`),
);
