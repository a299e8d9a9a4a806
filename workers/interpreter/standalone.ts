// A host for running a program on this thread alone: no GIL, no other threads, real clocks.
// Unit tests use it to check the interpreter against CPython's output.
import { parseModule } from '../../common/python/ast';
import { defaultCosts, type CostTable } from './costs';
import { Interpreter, type Failure, type InterpreterHost } from './interpreter';
import { makeMath } from './modules/math';
import type { PyModule } from './objects';

export interface StandaloneRun {
  stdout: string;
  stderr: string;
  failure: Failure | null;
  interp: Interpreter;
}

export function runStandalone(
  source: string,
  extraModules: Record<string, (i: Interpreter) => PyModule> = {},
  costs: CostTable = defaultCosts,
): StandaloneRun {
  let stdout = '';
  let stderr = '';
  const host: InterpreterHost = {
    write(text, stream) {
      if (stream === 'stdout') stdout += text;
      else stderr += text;
    },
    breaker(interp) {
      interp.checkAt = interp.cost + 1e6;
    },
    modules: { math: makeMath, ...extraModules },
    prelude: {},
    timeScale: 1,
  };
  const interp = new Interpreter(host, costs, 'program.py');
  interp.checkAt = 1e6;
  const parsed = parseModule(source);
  if (!parsed.ok) throw new Error(`syntax error line ${parsed.error.line}: ${parsed.error.message}`);
  const failure = interp.runMain(parsed.module);
  return { stdout, stderr, failure, interp };
}
