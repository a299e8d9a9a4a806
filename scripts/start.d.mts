// Types of scripts/start.mjs (`npm start`), for test/electron-start.test.ts.
import type { SandboxProbe } from './electron-sandbox.mjs';

export declare function startElectron(options: {
  argv: readonly string[];
  env?: Record<string, string | undefined>;
  probe?: (chromeSandboxPath: string) => SandboxProbe;
}): Promise<number>;
