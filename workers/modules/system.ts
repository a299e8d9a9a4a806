// time, os and sys: clocks, sleeping (which releases the GIL), the machine the program believes
// it runs on (os.cpu_count() is the run's workers knob) and the interpreter's own settings.
import { setName } from '../interpreter/compare';
import { addCalendar } from '../interpreter/modules/calendar-time';
import { registerType } from '../interpreter/heap-types';
import { pyError } from '../interpreter/errors';
import type { Interpreter } from '../interpreter/interpreter';
import { arity, charge, defineFunction, float, toFloat, unpackArity } from '../interpreter/native';
import { PyBuiltin, PyDict, PyInstance, PyList, PyModule, PyTuple, PyType, typeOf, types, type PyValue } from '../interpreter/objects';
import { call } from '../interpreter/attributes';
import { cpLength } from '../interpreter/code-points';
import type { ThreadRuntime } from '../thread-runtime';

const origin = performance.timeOrigin;

export function makeSystemModules(rt: () => ThreadRuntime, ppid: () => number = () => process.ppid): Record<string, (interp: Interpreter) => PyModule> {
  return {
    time: () => {
      const m = new PyModule('time', true);
      const d = m.dict;
      const fn = (name: string, f: (args: PyValue[]) => PyValue) => defineFunction(d, name, f, 'time');
      fn('sleep', (args) => {
        arity('sleep', args, 1);
        const s = toFloat(args[0], "'" + 'sleep' + "' requires a number");
        if (s < 0) throw pyError('ValueError', 'sleep length must be non-negative');
        rt().sleep(s);
        return null;
      });
      // The program's clocks: scaled with the run's time scale (ThreadRuntime.programTimeMs).
      const since = () => rt().programTimeMs() - origin;
      fn('time', () => {
        charge();
        return float(rt().programTimeMs() / 1000);
      });
      fn('time_ns', () => BigInt(Math.round(rt().programTimeMs() * 1e3)) * 1000n);
      fn('perf_counter', () => float(since() / 1000));
      fn('perf_counter_ns', () => Math.round(since() * 1e6));
      fn('monotonic', () => float(since() / 1000));
      fn('monotonic_ns', () => Math.round(since() * 1e6));
      fn('process_time', () => float(rt().cpuSeconds()));
      fn('thread_time', () => float(rt().cpuSeconds()));
      addCalendar(d, () => rt().programTimeMs() / 1000);
      return m;
    },
    os: () => {
      const m = new PyModule('os', true);
      const d = m.dict;
      defineFunction(d, 'cpu_count', () => rt().settings.workers, 'os');
      defineFunction(d, 'getpid', () => process.pid, 'os');
      defineFunction(d, 'getppid', () => ppid(), 'os');
      setName(d, 'name', process.platform === 'win32' ? 'nt' : 'posix');
      setName(d, 'sep', '/');
      setName(d, 'linesep', '\n');
      return m;
    },
    sys: (interp) => {
      const m = new PyModule('sys', true);
      const d = m.dict;
      setName(d, 'modules', interp.modules);
      setName(d, 'argv', new PyList([rt().settings.file]));
      setName(d, 'version', '3.12.0 (GIL Lab)');
      setName(d, 'version_info', new PyTuple([3, 12, 0, 'final', 0]));
      setName(d, 'platform', process.platform);
      setName(d, 'maxsize', 9223372036854775807n);
      setName(d, 'executable', 'python3');
      setName(d, 'byteorder', 'little');
      setName(d, 'path', new PyList([]));
      defineStreamMethods(interp);
      setName(d, 'stdout', stream('stdout'));
      setName(d, 'stderr', stream('stderr'));
      defineFunction(d, 'getswitchinterval', () => float(rt().switchIntervalMs() / 1000), 'sys');
      defineFunction(d, 'setswitchinterval', (args) => {
        const s = toFloat(args[0]);
        if (!(s > 0)) throw pyError('ValueError', 'switch interval must be strictly positive');
        rt().setSwitchIntervalMs(s * 1000);
        return null;
      }, 'sys');
      defineFunction(d, 'getrecursionlimit', () => rt().recursionLimit(), 'sys');
      defineFunction(d, 'setrecursionlimit', (args) => {
        arity('setrecursionlimit', args, 1);
        const n = args[0];
        if (typeof n !== 'number' && typeof n !== 'bigint' && typeof n !== 'boolean')
          throw pyError('TypeError', `'${typeOf(n).name}' object cannot be interpreted as an integer`);
        if (Number(n) < 1) throw pyError('ValueError', 'recursion limit must be greater or equal than 1');
        const limit = Number(n) > 2 ** 31 - 1 ? 2 ** 31 - 1 : Number(n);
        if (limit <= interp.depth)
          throw pyError(
            'RecursionError',
            `cannot set the recursion limit to ${limit} at the recursion depth ${interp.depth}: the limit is too low`,
          );
        rt().setRecursionLimit(limit);
        return null;
      }, 'sys');
      defineFunction(d, 'getrefcount', (args) => 1 + references(interp, args[0]), 'sys');
      defineFunction(d, '_is_gil_enabled', () => rt().settings.mode !== 'nogil', 'sys');
      defineFunction(d, 'exit', (args) => {
        unpackArity('exit', args, 0, 1);
        throw pyError('SystemExit', undefined, ...args);
      }, 'sys');
      defineFunction(d, 'intern', (args) => args[0], 'sys');
      return m;
    },
  };
}

const streamType = registerType(new PyType('TextIOWrapper', [types.object], '_io'));

/** sys.stdout / sys.stderr: write() goes where print() goes. */
function stream(name: 'stdout' | 'stderr'): PyInstance {
  const s = new PyInstance(streamType);
  setName(s.dict, '__gil_lab_stream__', name);
  setName(s.dict, 'name', `<${name}>`);
  return s;
}

/**
 * sys.stdout.write() and sys.stderr.write(): the text goes where print(text, end='', file=…)
 * would send it, through this thread's print (the type is one per worker thread, as its
 * interpreter is). Returns the number of characters written, as CPython's does.
 */
function defineStreamMethods(interp: Interpreter): void {
  setName(streamType.dict, 'write', builtin('write', (args) => {
    arity('write', args.slice(1), 1);
    const text = args[1];
    if (typeof text !== 'string') throw pyError('TypeError', `write() argument must be str, not ${typeOf(text).name}`);
    call(interp.builtins.map.get('print')!.v, [text], new Map<string, PyValue>([['end', ''], ['file', args[0]]]));
    return cpLength(text);
  }));
  setName(streamType.dict, 'flush', builtin('flush', () => null));
}

function builtin(name: string, f: (args: PyValue[]) => PyValue): PyBuiltin {
  // A method: reached through sys.stdout it binds the stream as self.
  return new PyBuiltin(name, f, '_io.TextIOWrapper', (self, args) => f([self, ...args]));
}

/** sys.getrefcount: the references a program can see (names in the current scopes), plus the argument's own. */
function references(interp: Interpreter, v: PyValue): number {
  let n = 1;
  const f = interp.frame;
  if (!f) return n;
  const count = (d: PyDict) => {
    for (const e of d.map.values()) if (e.v === v) n++;
  };
  count(f.globals);
  for (const x of f.locals) if (x === v) n++;
  return n;
}
