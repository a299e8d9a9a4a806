// How the supervisor starts the OS process that plays one Python process.
// Outside Electron: child_process.fork. Inside Electron: utilityProcess (main/utility-launcher.ts).
import { fork } from 'node:child_process';
import { ENGINE_NODE_OPTIONS } from './v8-flags';

export interface ProcessHandle {
  /** The OS pid, once the process exists. */
  readonly pid: number | undefined;
  /** Sends a structured-clonable message to the process. */
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has exited, however it ended. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void;
}

export interface ProcessLauncher {
  /** Starts `entryFile` (a built out/main/python-process.js) as a new OS process. */
  launch(entryFile: string, name: string): ProcessHandle;
}

export const forkLauncher: ProcessLauncher = {
  launch(entryFile) {
    const child = fork(entryFile, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Not the parent's flags (a test runner's loaders): the child runs the built JavaScript.
      execArgv: ENGINE_NODE_OPTIONS,
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    return {
      pid: child.pid,
      send: (message) => {
        if (!exited && child.connected) child.send(message as never);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        if (exited) listener(child.exitCode, child.signalCode);
        else child.once('exit', listener);
      },
      kill: () => {
        if (!exited) child.kill('SIGKILL');
      },
    };
  },
};
