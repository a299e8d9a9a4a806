// `npm run web`: the web host as a command (built to out/main/web.js).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createEngine } from '../workers/engine';
import { startWebHost } from './server';

// This file is out/main/web.js: the engine's worker entries are its neighbours, the page is in out/renderer.
const builtDir = fileURLToPath(new URL('.', import.meta.url));
const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65535) {
    console.error(
      `error: --port must be a whole number between 0 and 65535 (0 = any free port), got ${JSON.stringify(text)}`,
    );
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const program = new Command('gil-lab-web')
    .description('Serves GIL Lab to a browser on this machine only (127.0.0.1).')
    .option('--port <n>', 'port to listen on, 0..65535; 0 picks a free port', '0')
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, '')) })
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .parse();
  const port = parsePort(program.opts<{ port: string }>().port);

  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`The renderer is not built (no ${join(staticDir, 'index.html')}): run \`npm run build\` first.`);
    process.exit(1);
  }

  const engine = createEngine({ host: 'web', engineDir: builtDir, calibrateAtStart: true });
  let host;
  try {
    host = await startWebHost({ engine, port, staticDir });
  } catch (error) {
    await engine.close();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use: choose another with --port, or --port 0 for any free port.`
        : `Could not start the web host: ${(error as Error).message}`,
    );
    process.exit(1);
  }

  console.log(`GIL Lab is running at ${host.url}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    // A second Ctrl+C while shutting down means "now".
    if (stopping) process.exit(1);
    stopping = true;
    await engine.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
