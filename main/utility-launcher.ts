// The Electron ProcessLauncher: each Python process of a run is a utility process
// (Chromium's service process with Node), so it shows in the task manager under
// its name and dies with the app. The entry (out/main/python-process.js) talks to
// us over process.parentPort.
import { utilityProcess } from 'electron';
import type { ProcessHandle, ProcessLauncher } from '../workers/launcher';
import { unpackedPath } from './asar';

export const utilityLauncher: ProcessLauncher = {
  launch(entryFile, name): ProcessHandle {
    // No ENGINE_NODE_OPTIONS (workers/v8-flags.ts): a utility process's V8 platform is Electron's own.
    const child = utilityProcess.fork(unpackedPath(entryFile), [], { serviceName: name, stdio: 'inherit' });
    let exitCode: number | null = null;
    let exited = false;
    let killed = false;
    // child.pid is undefined before 'spawn' and again after 'exit'; callers check a pid is gone after exit.
    let pid = child.pid;
    child.once('exit', (code) => {
      exited = true;
      exitCode = code;
    });
    child.once('spawn', () => {
      pid = child.pid;
      // kill() may come before the process has a pid; do it as soon as it has one.
      if (killed) sigkill();
    });

    // UtilityProcess.kill() sends SIGTERM, which a busy process may not act on at
    // once; a cancelled run must leave nothing behind within a second.
    function sigkill(): void {
      const osPid = child.pid;
      if (osPid === undefined) return;
      try {
        process.kill(osPid, process.platform === 'win32' ? undefined : 'SIGKILL');
      } catch {
        child.kill();
      }
    }

    return {
      get pid() {
        return pid ?? child.pid;
      },
      send(message) {
        if (!exited) child.postMessage(message);
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit(listener) {
        // utilityProcess reports only a code; a kill we sent is reported as its signal.
        const report = (code: number | null) => listener(killed ? null : code, killed ? 'SIGKILL' : null);
        if (exited) report(exitCode);
        else child.once('exit', report);
      },
      kill() {
        if (exited || killed) return;
        killed = true;
        if (child.pid === undefined) child.kill();
        else sigkill();
      },
    };
  },
};
