// The machine's Python interpreters, and which strategies each lets the app measure.
import { execFile } from 'node:child_process';
import type { Strategy } from '../../common/program';
import { strategies } from '../../common/program';

export interface PythonInterpreter {
  /** As asked for: "python3", "python3.13t", a path. */
  command: string;
  /** sys.executable: the real binary (not a pyenv shim), what a measured run spawns. */
  executable: string;
  /** e.g. "3.11.7". */
  version: string;
  versionInfo: [number, number, number];
  /** Built with Py_GIL_DISABLED (python3.13t, python3.14t). */
  freeThreaded: boolean;
  /** sys._is_gil_enabled() (a free-threaded build can still run with the GIL: PYTHON_GIL=1). */
  gilEnabled: boolean;
  /** concurrent.interpreters (3.14+): subinterpreters can be measured. */
  hasInterpreters: boolean;
  /** profiling.sampling (3.15+): its GIL mode could say who holds the GIL. */
  hasProfilingSampling: boolean;
}

export type PythonProbe = { ok: true; python: PythonInterpreter } | { ok: false; command: string; reason: string };

export const minimumVersion = [3, 8] as const;
export const freeThreadedCommands = ['python3.14t', 'python3.13t'] as const;

const probeCode = `
import json, sys
try:
    import sysconfig
    ft = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
except Exception:
    ft = False
def has(name):
    try:
        import importlib.util
        return importlib.util.find_spec(name) is not None
    except Exception:
        return False
print(json.dumps({
    "executable": sys.executable,
    "version": list(sys.version_info[:3]),
    "freeThreaded": ft,
    "gilEnabled": bool(getattr(sys, "_is_gil_enabled", lambda: True)()),
    "hasInterpreters": has("concurrent.interpreters"),
    "hasProfilingSampling": has("profiling.sampling"),
}))
`;

/** Runs `command` once to learn what it is; never rejects. */
export function probePython(command: string, timeoutMs = 10_000): Promise<PythonProbe> {
  return new Promise((resolvePromise) => {
    execFile(command, ['-c', probeCode], { encoding: 'utf8', timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === 'ENOENT'
            ? `${command} is not on PATH`
            : error.killed
              ? `${command} did not answer within ${timeoutMs / 1000} s`
              : `${command} failed: ${(stderr || error.message).trim().split('\n').pop()}`;
        return resolvePromise({ ok: false, command, reason });
      }
      try {
        const raw = JSON.parse(stdout.trim().split('\n').pop() ?? '') as Omit<
          PythonInterpreter,
          'command' | 'version' | 'versionInfo'
        > & {
          version: [number, number, number];
        };
        const versionInfo = raw.version;
        resolvePromise({
          ok: true,
          python: {
            command,
            executable: raw.executable || command,
            version: versionInfo.join('.'),
            versionInfo,
            freeThreaded: raw.freeThreaded,
            gilEnabled: raw.gilEnabled,
            hasInterpreters: raw.hasInterpreters,
            hasProfilingSampling: raw.hasProfilingSampling,
          },
        });
      } catch {
        resolvePromise({
          ok: false,
          command,
          reason: `${command} is not a Python 3 the app can use (it printed ${JSON.stringify(stdout.slice(0, 80))})`,
        });
      }
    });
  });
}

export interface FoundPythons {
  /** python3 on PATH, or the interpreter the user named. */
  main: PythonProbe;
  /** python3.14t, python3.13t and the free-threaded build the user named, each probed. */
  freeThreaded: PythonProbe[];
}

export interface FindPythonOptions {
  /** Instead of python3 on PATH. */
  python?: string;
  /** A free-threaded build to try first. */
  freeThreaded?: string;
}

/** python3 (or the one given) and the free-threaded builds, probed in parallel. */
export async function findPython(options: FindPythonOptions = {}): Promise<FoundPythons> {
  const ftCommands = [...new Set([...(options.freeThreaded ? [options.freeThreaded] : []), ...freeThreadedCommands])];
  const [main, ...freeThreaded] = await Promise.all([
    probePython(options.python ?? 'python3'),
    ...ftCommands.map((c) => probePython(c)),
  ]);
  return { main, freeThreaded };
}

export type MeasuredStrategy = { ok: true; python: PythonInterpreter } | { ok: false; reason: string };

const atLeast = (p: PythonInterpreter, [major, minor]: readonly [number, number]) =>
  p.versionInfo[0] > major || (p.versionInfo[0] === major && p.versionInfo[1] >= minor);

/** For each strategy: the interpreter that measures it, or "not measured: <why>". */
export function whichStrategiesCanBeMeasured(found: FoundPythons): Record<Strategy, MeasuredStrategy> {
  const usable = [found.main, ...found.freeThreaded].flatMap((p) =>
    p.ok && atLeast(p.python, minimumVersion) ? [p.python] : [],
  );
  const main = found.main;
  const anyPython: MeasuredStrategy = !main.ok
    ? { ok: false, reason: `not measured: ${main.reason}` }
    : !atLeast(main.python, minimumVersion)
      ? {
          ok: false,
          reason: `not measured: ${main.python.command} is ${main.python.version}; the tracer needs ${minimumVersion.join('.')} or newer`,
        }
      : { ok: true, python: main.python };

  const noGil = usable.find((p) => p.freeThreaded && !p.gilEnabled);
  const ftWithGil = usable.find((p) => p.freeThreaded);
  const freeThreading: MeasuredStrategy = noGil
    ? { ok: true, python: noGil }
    : ftWithGil
      ? {
          ok: false,
          reason: `not measured: ${ftWithGil.command} is free-threaded but runs with the GIL enabled (PYTHON_GIL=1?)`,
        }
      : {
          ok: false,
          reason: `not measured: no free-threaded build found (looked for ${found.freeThreaded.map((p) => (p.ok ? p.python.command : p.command)).join(', ')})`,
        };

  const withInterpreters = usable.find((p) => p.hasInterpreters);
  const subinterpreters: MeasuredStrategy = withInterpreters
    ? { ok: true, python: withInterpreters }
    : {
        ok: false,
        reason: `not measured: needs Python 3.14's concurrent.interpreters${main.ok ? `; ${main.python.command} is ${main.python.version}` : ''}`,
      };

  const result = {} as Record<Strategy, MeasuredStrategy>;
  for (const strategy of strategies) {
    result[strategy] =
      strategy === 'free-threading' ? freeThreading : strategy === 'subinterpreters' ? subinterpreters : anyPython;
  }
  return result;
}
