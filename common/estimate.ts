// What a program will cost before it runs: how many tasks it starts, how much CPU work it
// holds, and a rough wall time per strategy. Used to refuse runs over the caps and to show progress.
import { limits } from './limits';
import type { Program, ProgramStep, Strategy } from './program';

export interface ProgramCost {
  /** CPU ms (CPython-equivalent, unscaled) of one run of the steps. */
  cpuMs: number;
  /** Blocking ms (io + sleep, plus timed repeats). */
  blockMs: number;
}

function stepsCost(steps: ProgramStep[], program: Program, workers: number, inline: boolean): ProgramCost {
  let cpuMs = 0;
  let blockMs = 0;
  for (const step of steps) {
    switch (step.op) {
      case 'cpu':
        cpuMs += step.ms;
        break;
      case 'io':
      case 'sleep':
        blockMs += step.ms;
        break;
      case 'repeat': {
        const inner = stepsCost(step.steps, program, workers, inline);
        if (step.times !== undefined) {
          cpuMs += inner.cpuMs * step.times;
          blockMs += inner.blockMs * step.times;
        } else {
          // A timed loop lasts forMs whatever it holds; count it as blocking time.
          blockMs += step.forMs ?? 0;
        }
        break;
      }
      case 'start':
        if (inline) {
          const task = stepsCost(program.tasks[step.task] ?? [], program, workers, inline);
          const copies = taskCopies(step, workers);
          cpuMs += task.cpuMs * copies;
          blockMs += task.blockMs * copies;
        }
        break;
      default:
        break;
    }
  }
  return { cpuMs, blockMs };
}

export function taskCopies(step: Extract<ProgramStep, { op: 'start' }>, workers: number): number {
  return step.copies === 'workers' ? workers : (step.copies ?? 1);
}

/** Task instances the main thread starts, in order (a repeat with `times` repeats its starts). */
export function taskInstances(program: Program, workers: number): string[] {
  const out: string[] = [];
  const visit = (steps: ProgramStep[]) => {
    for (const step of steps) {
      if (out.length > limits.maxTasks) return;
      if (step.op === 'start') for (let i = 0; i < taskCopies(step, workers); i++) out.push(step.task);
      else if (step.op === 'repeat' && step.times !== undefined)
        for (let i = 0; i < step.times && out.length <= limits.maxTasks; i++) visit(step.steps);
    }
  };
  visit(program.main);
  return out;
}

/** The whole program's cost when every task runs inline, one after another (sequential). */
export function sequentialCost(program: Program, workers: number): ProgramCost {
  return stepsCost(program.main, program, workers, true);
}

/** A rough wall-time estimate in ms (scaled) for the progress bar; not a prediction to test against. */
export function estimateWallMs(program: Program, strategy: Strategy, workers: number, timeScale: number, cores: number): number {
  const seq = sequentialCost(program, workers);
  if (strategy === 'sequential') return (seq.cpuMs + seq.blockMs) * timeScale;
  const main = stepsCost(program.main, program, workers, false);
  const tasks = taskInstances(program, workers).map((name) => stepsCost(program.tasks[name] ?? [], program, workers, false));
  const longestTask = Math.max(0, ...tasks.map((t) => t.cpuMs + t.blockMs));
  const taskCpu = tasks.reduce((sum, t) => sum + t.cpuMs, 0);
  const parallel = strategy === 'threading' || strategy === 'asyncio' ? 1 : Math.max(1, Math.min(workers, cores, tasks.length));
  const pool = Math.max(1, Math.min(workers, tasks.length));
  const taskTotal = tasks.reduce((sum, t) => sum + t.cpuMs + t.blockMs, 0);
  return (main.cpuMs + main.blockMs + Math.max(longestTask, taskCpu / parallel, taskTotal / pool)) * timeScale;
}

/** Refuses a run over the caps before anything starts; the message names the cap. */
export function checkCaps(program: Program, workers: number, timeScale: number): string | null {
  const tasks = taskInstances(program, workers).length;
  if (tasks > limits.maxTasks) return `the program starts more than ${limits.maxTasks} tasks (with ${workers} workers)`;
  const seq = sequentialCost(program, workers);
  const cpuMs = seq.cpuMs * timeScale;
  if (cpuMs > limits.maxCpuMsPerRun)
    return `the program holds ${Math.round(cpuMs / 1000)} s of CPU work (with ${workers} workers, time scale ${timeScale}); the cap is ${limits.maxCpuMsPerRun / 1000} s per run`;
  const wallMs = (seq.cpuMs + seq.blockMs) * timeScale;
  if (wallMs > limits.maxWallMsPerRun)
    return `the program would run for about ${Math.round(wallMs / 1000)} s one step after another (time scale ${timeScale}); the cap is ${limits.maxWallMsPerRun / 1000} s per run`;
  return null;
}
