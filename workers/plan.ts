// Maps a program and a strategy onto Python processes, threads and GILs (DESIGN.md's table).
import { taskInstances } from '../common/estimate';
import type { Program, Strategy } from '../common/program';
import type { ThreadInfo } from '../common/trace';
import type { ThreadSpec } from './messages';

export interface ProcessPlan {
  /** Trace pid, 1-based within the run. */
  pid: number;
  name: string;
  threads: ThreadSpec[];
  gilCount: number;
}

export interface RunPlan {
  processes: ProcessPlan[];
  /** Every lane of the run, as the trace shows them. */
  lanes: ThreadInfo[];
  /** The pool: threads (tids) that run started tasks, handed out by the supervisor. */
  executors: number[];
  /** Where tasks' completions are reported: the main thread. */
  mainTid: number;
  /** Python start-up cost charged when an executor gets its first task (ms). */
  executorStartMs: number;
}

export interface StartCosts {
  /** threading.Thread.start(): CPython creates an OS thread (~0.1 ms). */
  threadMs: number;
  /** multiprocessing.Process.start(): a new interpreter process (fork ~ a few ms, spawn ~ tens of ms). */
  processMs: number;
}

export const defaultStartCosts: StartCosts = { threadMs: 0.1, processMs: 10 };

const processNames: Record<Strategy, string> = {
  sequential: 'python (sequential)',
  threading: 'python (threading)',
  multiprocessing: 'python (multiprocessing)',
  asyncio: 'python (asyncio)',
  'free-threading': 'python3.13t (free-threading)',
  subinterpreters: 'python (subinterpreters)',
};

function thread(tid: number, name: string, role: ThreadSpec['role'], gil: number | null): ThreadSpec {
  return { tid, name, role, gil, inlineTasks: false, taskLanes: [], maxConcurrentTasks: 0 };
}

/** Plans one run. `firstTid` keeps tids unique across the runs of a session. */
export function planRun(program: Program, strategy: Strategy, workers: number, firstTid: number, costs: StartCosts): RunPlan {
  let nextTid = firstTid;
  const tasks = taskInstances(program, workers);
  const poolSize = Math.min(workers, tasks.length);
  const mainName = processNames[strategy];
  const main = thread(nextTid++, 'MainThread', 'main', strategy === 'free-threading' ? null : 0);
  const processes: ProcessPlan[] = [{ pid: 1, name: mainName, threads: [main], gilCount: 1 }];
  const executors: number[] = [];
  let executorStartMs = costs.threadMs;

  switch (strategy) {
    case 'sequential':
      main.inlineTasks = true;
      break;
    case 'asyncio':
      main.role = 'event-loop';
      main.maxConcurrentTasks = workers;
      main.taskLanes = tasks.map((_, i) => ({ tid: nextTid++, name: `Task-${i + 1}` }));
      break;
    case 'threading':
    case 'free-threading':
      for (let i = 1; i <= poolSize; i++) {
        const t = thread(nextTid++, `Thread-${i}`, 'executor', main.gil);
        processes[0].threads.push(t);
        executors.push(t.tid);
      }
      break;
    case 'subinterpreters':
      // One interpreter, hence one GIL, per worker thread.
      for (let i = 1; i <= poolSize; i++) {
        const t = thread(nextTid++, `Thread-${i} (interpreter ${i})`, 'executor', i);
        processes[0].threads.push(t);
        executors.push(t.tid);
      }
      processes[0].gilCount = poolSize + 1;
      break;
    case 'multiprocessing':
      executorStartMs = costs.processMs;
      for (let i = 1; i <= poolSize; i++) {
        const t = thread(nextTid++, 'MainThread', 'executor', 0);
        processes.push({ pid: i + 1, name: `${mainName} worker ${i}`, threads: [t], gilCount: 1 });
        executors.push(t.tid);
      }
      break;
  }

  const lanes: ThreadInfo[] = [];
  for (const p of processes) {
    for (const t of p.threads) {
      // A GIL is per process (per interpreter for subinterpreters): number them across the run.
      const gil = t.gil === null ? null : p.pid === 1 ? t.gil : 1000 * p.pid + t.gil;
      lanes.push({ tid: t.tid, pid: p.pid, name: t.name, gil });
      for (const lane of t.taskLanes) lanes.push({ tid: lane.tid, pid: p.pid, name: lane.name, gil });
    }
  }
  return { processes, lanes, executors, mainTid: main.tid, executorStartMs };
}
