// When the app dies (killed, crashed) while a measured run is going, the run's whole process group
// goes with it: a deadlocked program and the children it forked do not outlive the app.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPython } from './find-python';
import { groupMembers } from './process-group';

const found = await findPython();
const python = found.main.ok ? found.main.python : null;
if (!python) console.log(`orphan test skipped: ${found.main.ok ? '' : found.main.reason}`);

const tracer = fileURLToPath(new URL('./tracer.py', import.meta.url));
const deadlock = fileURLToPath(new URL('../../test/fixtures/programs/lock_order_deadlock.py', import.meta.url));

describe.skipIf(!python)('a measured run does not outlive the app', () => {
  it('the tracer and the threads it started are gone soon after the app is killed', async () => {
    // A stand-in app: starts the tracer as measured runs do (a process group of its own), then is killed.
    const app = `
      const { spawn } = require('node:child_process');
      const run = spawn(${JSON.stringify(python!.executable)}, [${JSON.stringify(tracer)}, '--events-fd', '3', '--', ${JSON.stringify(deadlock)}],
        { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
      console.log(run.pid);
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 800);`;
    const child = spawn(process.execPath, ['-e', app], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pgid = await new Promise<number>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
    );
    await new Promise((r) => child.once('exit', r));
    expect(groupMembers(pgid).length).toBeGreaterThan(0); // still deadlocked when the app died
    const deadline = Date.now() + 3000;
    while (groupMembers(pgid).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(groupMembers(pgid)).toEqual([]);
  }, 15_000);
});
