// Issue 3: the engine's own overhead. Under threading on calc-threads the GIL is always held by
// somebody, so wall time should be the threads' CPU time summed; the rest is the simulation's
// hand-offs, relays and bookkeeping. Goal: wall / CPU at most 1.03.
import type { Engine } from '../workers/engine';
import { runSession } from '../test/session';
import { median, type SectionResult } from './section';
import { fmt, printTable } from './table';

const REPEATS = 3;
const GOAL = 1.03;
const request = { program: 'calc-threads', strategies: ['threading' as const], workerCounts: [2], timeScale: 0.5 };

export async function benchOverhead(engine: Engine): Promise<SectionResult> {
  console.log(
    `\n[overhead] calc-threads, threading, 2 workers, time scale ${request.timeScale}: wall time / CPU time of the task threads, ${REPEATS} runs`,
  );
  const runs: { wallMs: number; cpuMs: number; ratio: number; handoffs: number; forcedSwitches: number }[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const result = await runSession(engine, request);
    const summary = result.summaries[0];
    if (result.status !== 'done' || !summary)
      throw new Error(`the overhead run ended ${result.status}: ${result.reason ?? ''}`);
    const cpuMs = summary.threads
      .filter((t) => t.name !== 'MainThread')
      .reduce((sum, t) => sum + (t.runningMs ?? 0), 0);
    runs.push({
      wallMs: summary.wallMs,
      cpuMs,
      ratio: summary.wallMs / cpuMs,
      handoffs: summary.handoffs ?? 0,
      forcedSwitches: summary.forcedSwitches ?? 0,
    });
  }
  const ratio = median(runs.map((r) => r.ratio));
  printTable(
    'Engine overhead (threading on calc-threads)',
    ['run', 'wall ms', 'task CPU ms', 'wall / CPU', 'hand-offs', 'forced switches'],
    [
      ...runs.map((r, i): (string | number)[] => [
        String(i + 1),
        r.wallMs,
        r.cpuMs,
        r.ratio.toFixed(4),
        r.handoffs,
        r.forcedSwitches,
      ]),
      ['median', '', '', ratio.toFixed(4), '', ''],
    ],
  );
  console.log(`goal: wall / CPU ≤ ${GOAL} — ${ratio <= GOAL ? 'met' : 'goal missed'}`);
  return {
    rows: [
      {
        section: 'overhead',
        what: 'threading wall / task CPU (calc-threads)',
        measured: fmt(ratio, 4),
        goal: `≤ ${GOAL}`,
        met: ratio <= GOAL,
      },
    ],
    data: { request, runs, medianRatio: ratio, goal: GOAL },
  };
}
