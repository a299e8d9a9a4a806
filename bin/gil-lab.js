#!/usr/bin/env node
// The `gil-lab` command: the built CLI, or a clear word when there is none yet.
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('gil-lab: the CLI is not built yet: run `npm run build` first (in the gil-lab folder).');
  process.exit(1);
}
await import(cli.href);
