// Engine events shaped like a real two-strategy session of calc-threads with 2 workers, for the store tests.
import type { EngineEvent, RunRequest } from '../../../common/api';
import type { Strategy } from '../../../common/program';
import { stateCode, type RunInfo, type RunSummary } from '../../../common/trace';

export const request: RunRequest = {
  program: 'calc-threads',
  strategies: ['sequential', 'threading', 'multiprocessing'],
  workerCounts: [2],
  switchIntervalMs: 5,
  gil: 'new',
  timeScale: 0.25,
};

export function runInfo(runId: string, strategy: Strategy, workers: number, firstTid: number): RunInfo {
  const perProcess = strategy === 'multiprocessing';
  const processes = perProcess
    ? [0, 1, 2].map((i) => ({
        pid: i + 1,
        name: i === 0 ? 'python (multiprocessing)' : `python (multiprocessing) Process-${i}`,
        osPid: 4000 + i,
      }))
    : [{ pid: 1, name: `python (${strategy})`, osPid: 4000 }];
  const threads = [
    { tid: firstTid, pid: 1, name: 'MainThread', gil: 1 },
    ...Array.from({ length: workers }, (_, i) => ({
      tid: firstTid + 1 + i,
      pid: perProcess ? i + 2 : 1,
      name: perProcess ? 'MainThread' : `Thread-${i + 1}`,
      gil: perProcess ? i + 2 : 1,
    })),
  ];
  return {
    runId,
    strategy,
    workers,
    switchIntervalMs: 5,
    gil: 'new',
    timeScale: 0.25,
    program: 'calc-threads',
    processes,
    threads,
    t0EpochMs: 1_700_000_000_000,
  };
}

export function summary(
  runId: string,
  strategy: Strategy,
  workers: number,
  wallMs: number,
  status: RunSummary['status'] = 'done',
  /** The engine's speed-up: the sequential run's wall time with the same workers over this one's. */
  speedup: number | null = null,
): RunSummary {
  return {
    runId,
    strategy,
    workers,
    status,
    wallMs,
    speedup,
    handoffs: strategy === 'threading' ? 812 : 0,
    forcedSwitches: strategy === 'threading' ? 400 : 0,
    truncated: false,
    spawnMs: 40,
    threads: Array.from({ length: workers }, (_, i) => ({
      tid: 2 + i,
      name: `Thread-${i + 1}`,
      process: strategy === 'multiprocessing' ? `python (Process-${i + 1})` : `python (${strategy})`,
      runningMs: 1000,
      onCpuMs: null,
      waitMs: strategy === 'threading' ? 1000 : 0,
      ioMs: 0,
      blockedMs: 0,
      startingMs: 1,
      ioCount: 0,
      endMs: wallMs,
    })),
  };
}

/** A whole session: sequential 2 s, threading 2.05 s, multiprocessing 1.05 s; trace batches arrive in two halves. */
export function sessionEvents(sessionId: string, firstTid = 1): EngineEvent[] {
  const events: EngineEvent[] = [{ type: 'session-start', sessionId, request, total: 3 }];
  const walls: Record<string, number> = { sequential: 2000, threading: 2050, multiprocessing: 1050 };
  let tid = firstTid;
  for (const [index, strategy] of (['sequential', 'threading', 'multiprocessing'] as const).entries()) {
    const runId = `${sessionId}-run-${index}`;
    const info = runInfo(runId, strategy, 2, tid);
    const worker = tid + 1;
    tid += 3;
    events.push({ type: 'run-start', sessionId, run: info });
    events.push({
      type: 'progress',
      progress: { sessionId, index, total: 3, strategy, workers: 2, elapsedMs: 500, estimateMs: 2000 },
    });
    events.push({
      type: 'trace',
      sessionId,
      batches: [
        {
          runId,
          tid: worker,
          intervals: [stateCode.starting, 0, 1000, 0, stateCode.running, 1000, 500_000, 3],
          instants: [{ kind: 'print', tUs: 1000, text: 'go' }],
        },
      ],
    });
    events.push({
      type: 'trace',
      sessionId,
      batches: [
        {
          runId,
          tid: worker,
          intervals: [stateCode.waiting, 500_000, 505_000, 3, stateCode.running, 505_000, 1_000_000, 3],
          instants: [],
        },
      ],
    });
    const speedup = walls.sequential / walls[strategy];
    events.push({ type: 'run-end', sessionId, summary: summary(runId, strategy, 2, walls[strategy], 'done', speedup) });
  }
  events.push({ type: 'session-end', sessionId, status: 'done' });
  return events;
}
