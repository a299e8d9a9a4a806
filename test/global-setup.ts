// The engine's threads and processes run the built files under out/main: build them first.
import { existsSync } from 'node:fs';

export default function setup(): void {
  for (const file of ['out/main/python-process.js', 'out/main/python-thread.js']) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests (npm test does).`);
  }
}
