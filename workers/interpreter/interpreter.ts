// One Python thread's interpreter: its thread state (cost counter, eval breaker, frames), its
// builtins, and the process's modules (sys.modules). The engine supplies a host for what Python
// cannot do alone: clocks, blocking, output, other threads and processes.
import { parseModule, type Module } from '../../common/python/ast';
import { makeBuiltins } from './builtins';
import { setName } from './compare';
import { compileModule, type CompiledModule } from './compile';
import type { CompileEnv } from './compile-context';
import { defaultCosts, type CostTable } from './costs';
import { exceptionArgs, exceptions, pyError, systemExitCode, type PyExc } from './errors';
import { initExceptionGroups } from './exception-groups';
import { percentFormat } from './format';
import { asPyExc, Frame, RECURSION_LIMIT, type ThreadState } from './frame';
import { running } from './native';
import { PyDict, PyInstance, PyModule, type PyValue } from './objects';
import { setPercentFormat } from './operators';
import { ScopeError } from './scope';
import { pyStr } from './text';
import { exceptionTypeName, formatException } from './traceback';
import { initContainerTypes } from './types-containers';
import { initCoreTypes } from './types-core';
import { initStrTypes } from './types-str';

let typesReady = false;
function initTypes(): void {
  if (typesReady) return;
  typesReady = true;
  initCoreTypes();
  initStrTypes();
  initContainerTypes();
  initExceptionGroups();
  setPercentFormat(percentFormat);
}

export interface InterpreterHost {
  /** sys.stdout / sys.stderr: `line` is the program line the write came from (0 if none). */
  write(text: string, stream: 'stdout' | 'stderr', line: number): void;
  /** The eval breaker's work: pay for computed time, give the GIL up when asked, flush the trace. */
  breaker(interp: Interpreter): void;
  /** Modules the host makes (time, os, _thread …), by name. */
  readonly modules: Record<string, (interp: Interpreter) => PyModule>;
  /** Python source of prelude modules (threading, queue …), by name. */
  readonly prelude: Record<string, string>;
  /** Below 1, long range() loops run this fraction of their iterations. */
  readonly timeScale: number;
  /** Syntax trees parsed before (file → tree): a file found here is compiled from its tree, not parsed again. */
  readonly parsed?: Record<string, Module>;
  /**
   * The line of the program the user wrote for a line of the main file, 0 for a line the strategy's
   * variant added; tracebacks name the user's lines. Absent: the main file is the user's program.
   */
  programLine?(line: number): number;
}

/** How an uncaught exception ended a program or thread, as CPython reports it. */
export interface Failure {
  type: string;
  message: string;
  /** The traceback as CPython prints it, ending with "Type: message". */
  text: string;
  /** The program line where it was raised (innermost frame in the program file), or 0. */
  line: number;
  /** The process's exit status when it is not 1: sys.exit(3) ends the run with 3. */
  exitcode?: number;
}

/** GIL_LAB_TRACEBACK=full shows the prelude's own frames in tracebacks (for working on the prelude). */
const showPreludeFrames = typeof process !== 'undefined' && process.env?.GIL_LAB_TRACEBACK === 'full';

/** Loops over fewer items than this never shrink with the time scale. */
const SCALABLE_LOOP = 1000;

export class Interpreter implements ThreadState {
  frame: Frame | null = null;
  /**
   * CPython time charged (ns). -0, not 0: a field that starts as a small integer changes V8's
   * representation at its first fractional value, which deprecates its object's map. That came
   * in the middle of a new thread's first loop and aborted the loop's optimisation in progress
   * (about 1 thread in 4 of 16, which then ran its whole task unoptimised, ~25 ms over its charge).
   * The engine's other hot numeric fields start as doubles for the same reason.
   */
  cost = -0;
  checkAt = Infinity;
  depth = 0;
  depthLimit = RECURSION_LIMIT;
  readonly handling: PyExc[] = [];
  readonly builtins: PyDict;
  /** sys.modules: shared by the threads of one process through the heap. */
  readonly modules = new PyDict();
  /** Compiled modules by file name: functions sent by other threads find their code here. */
  readonly compiled = new Map<string, CompiledModule>();
  readonly sources = new Map<string, string[]>();
  /** Set once a long loop ran shortened, so the console can say values were scaled. */
  loopsScaled = false;

  constructor(
    readonly host: InterpreterHost,
    readonly costs: CostTable = defaultCosts,
    readonly mainFile = '<program>',
  ) {
    initTypes();
    running.ts = this;
    this.builtins = makeBuiltins({ write: (text, stream) => host.write(text, stream, this.userLine()) });
  }

  breaker(): void {
    this.host.breaker(this);
  }

  loopLength(n: number): number {
    const scale = this.host.timeScale;
    if (scale >= 1 || n < SCALABLE_LOOP) return n;
    this.loopsScaled = true;
    return Math.max(1, Math.round(n * scale));
  }

  /** The line of the innermost frame running the program's own code (not the prelude's). */
  userLine(): number {
    for (let f = this.frame; f; f = f.back) if (f.code.file === this.mainFile) return f.line;
    return 0;
  }

  importModule(name: string): PyModule {
    const known = this.modules.map.get(name)?.v;
    if (known instanceof PyModule) return known;
    const dot = name.lastIndexOf('.');
    if (dot > 0) {
      // The package first, as CPython imports it: its own imports may already bring this module in.
      this.importModule(name.slice(0, dot));
      const imported = this.modules.map.get(name)?.v;
      if (imported instanceof PyModule) return imported;
    }
    const make = this.host.modules[name];
    if (make) return this.register(name, make(this));
    const source = this.host.prelude[name];
    if (source !== undefined) {
      const m = this.register(name, new PyModule(name));
      this.execModule(m, source, `<gil-lab:${name}>`);
      return m;
    }
    throw pyError('ModuleNotFoundError', `No module named '${name}'`);
  }

  private register(name: string, m: PyModule): PyModule {
    setName(this.modules, name, m);
    const dot = name.lastIndexOf('.');
    if (dot > 0) setName(this.importModule(name.slice(0, dot)).dict, name.slice(dot + 1), m);
    return m;
  }

  compile(source: string, file: string, moduleName: string): CompiledModule {
    const parsed = parseModule(source);
    if (!parsed.ok) throw pyError('SyntaxError', `${parsed.error.message} (${file}, line ${parsed.error.line})`);
    return this.compileParsed(parsed.module, file, moduleName);
  }

  compileParsed(module: Module, file: string, moduleName: string): CompiledModule {
    const env: CompileEnv = {
      ts: this,
      builtins: this.builtins,
      importModule: (n) => this.importModule(n),
      file,
      moduleName,
    };
    let compiled: CompiledModule;
    try {
      compiled = compileModule(env, module);
    } catch (e) {
      if (e instanceof ScopeError) throw pyError('SyntaxError', e.message);
      throw e;
    }
    this.compiled.set(file, compiled);
    this.sources.set(file, module.lines);
    return compiled;
  }

  /** A file's code, compiled once per thread: from the tree the host parsed before if it has one, else from `source`. */
  codeOf(source: string, file: string, moduleName: string): CompiledModule {
    const known = this.compiled.get(file);
    if (known) return known;
    const tree = this.host.parsed?.[file];
    return tree ? this.compileParsed(tree, file, moduleName) : this.compile(source, file, moduleName);
  }

  /** Runs a module's body in its own namespace (compiled once per thread). */
  execModule(m: PyModule, source: string, file: string): void {
    this.runModuleCode(m, this.codeOf(source, file, m.name), file);
  }

  runModuleCode(m: PyModule, compiled: CompiledModule, file: string): void {
    setName(m.dict, '__name__', m.name);
    setName(m.dict, '__file__', file);
    setName(m.dict, '__builtins__', null);
    setName(m.dict, '__doc__', compiled.code.doc);
    const f = new Frame(compiled.code, m.dict, []);
    compiled.code.run(f);
  }

  /** The __main__ module (made on first use). */
  mainModule(): PyModule {
    const known = this.modules.map.get('__main__')?.v;
    if (known instanceof PyModule) return known;
    return this.register('__main__', new PyModule('__main__'));
  }

  /** Runs the program as __main__; an uncaught exception comes back as a Failure (and its traceback is written to stderr). */
  runMain(module: Module): Failure | null {
    return this.guard(() => {
      const compiled = this.compileParsed(module, this.mainFile, '__main__');
      this.runModuleCode(this.mainModule(), compiled, this.mainFile);
    });
  }

  /** Runs `body`; an uncaught Python exception is reported like CPython's and returned. */
  guard(body: () => void): Failure | null {
    try {
      body();
      return null;
    } catch (e) {
      const exc = asPyExc(e);
      if (!exc) throw e;
      if (exc.value.type.mro.includes(exceptions.SystemExit)) return this.systemExit(exc);
      const failure = this.describe(exc);
      this.host.write(failure.text + '\n', 'stderr', failure.line);
      return failure;
    } finally {
      this.frame = null;
      this.depth = 0;
    }
  }

  /** A traceback's "line N" for a line of `file`: the user's own line number where the run executes a variant of it. */
  private shownLine(file: string, line: number): string {
    if (file !== this.mainFile || !this.host.programLine) return `line ${line}`;
    const own = this.host.programLine(line);
    return own > 0 ? `line ${own}` : `line ${line} (a line GIL Lab added to run this strategy)`;
  }

  /**
   * An uncaught SystemExit, as CPython's handle_system_exit: no code (or 0) ends the run as done, an int
   * is the exit status, anything else is printed to stderr and the status is 1.
   */
  private systemExit(exc: PyExc): Failure | null {
    const code = systemExitCode(exc.value);
    if (code === null) return null;
    const own = [...exc.traceback].reverse().find((t) => t.file === this.mainFile);
    const line = own?.line ?? 0;
    if (typeof code === 'number' || typeof code === 'boolean' || typeof code === 'bigint') {
      // What the system keeps of the status (exit(256) is 0, exit(-1) is 255).
      const exitcode = Number(BigInt.asUintN(8, BigInt(code)));
      if (exitcode === 0) return null;
      return { type: 'SystemExit', message: String(exitcode), text: '', line, exitcode };
    }
    const message = pyStr(code);
    this.host.write(message + '\n', 'stderr', line);
    return { type: 'SystemExit', message, text: message, line, exitcode: 1 };
  }

  describe(exc: PyExc): Failure {
    const value = exc.value;
    const text = formatException(exc, {
      line: (file, line) => this.sources.get(file)?.[line - 1],
      shows: (t) => t.file === this.mainFile || !t.file.startsWith('<gil-lab:') || showPreludeFrames,
      shownLine: (file, line) => this.shownLine(file, line),
    });
    const own = [...exc.traceback].reverse().find((t) => t.file === this.mainFile);
    return { type: exceptionTypeName(value), message: pyStr(value), text, line: own?.line ?? 0 };
  }
}

export function exceptionMessage(e: PyInstance): string {
  return exceptionArgs(e)
    .map((a: PyValue) => pyStr(a))
    .join(', ');
}
