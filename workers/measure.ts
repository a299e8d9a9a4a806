// Measured runs in a session: the machine's python3 (found once), which strategies it can measure,
// and one measured run of a strategy's variant beside its simulated run (workers/cpython/).
import type { EngineEvent } from '../common/api';
import { strategies, type Strategy } from '../common/program';
import type { Variant } from '../common/python/variants';
import type { MachineInfo, RunSummary } from '../common/trace';
import { findPython, whichStrategiesCanBeMeasured, type FoundPythons, type PythonInterpreter } from './cpython/find-python';
import { runMeasured, type MeasuredRun } from './cpython/measured-run';

export interface MeasureRequest {
  runId: string;
  sessionId: string;
  strategy: Strategy;
  workers: number;
  variant: Variant;
  programName: string;
  file: string;
  switchIntervalMs: number;
  timeScale: number;
  firstTid: number;
  python: PythonInterpreter;
  wallCapMs: number;
}

export class Measurer {
  private found: Promise<FoundPythons> | null = null;
  private readonly byPath = new Map<string, Promise<FoundPythons>>();
  current: MeasuredRun | null = null;

  constructor(
    private readonly paths: { tracer?: string; sampler?: string } = {},
  ) {}

  /** The interpreters of this machine (the default one found once; a path the user names, once each). */
  pythons(python?: string): Promise<FoundPythons> {
    if (python) {
      let p = this.byPath.get(python);
      if (!p) this.byPath.set(python, (p = findPython({ python })));
      return p;
    }
    return (this.found ??= findPython());
  }

  /** What getMachine() says about measuring. */
  async describe(): Promise<Pick<MachineInfo, 'python' | 'pythonMissing' | 'measurable'>> {
    const found = await this.pythons();
    const measurable = Object.fromEntries(
      Object.entries(whichStrategiesCanBeMeasured(found)).map(([s, m]) => [s, m.ok ? null : m.reason]),
    ) as Partial<Record<Strategy, string | null>>;
    if (!found.main.ok) return { python: null, pythonMissing: found.main.reason, measurable };
    const p = found.main.python;
    return { python: { executable: p.executable, version: p.version, freeThreaded: p.freeThreaded }, measurable };
  }

  /** The interpreter for each strategy, or why it cannot be measured. */
  async plan(python?: string): Promise<Record<Strategy, { ok: true; python: PythonInterpreter } | { ok: false; reason: string }>> {
    const found = await this.pythons(python);
    const which = whichStrategiesCanBeMeasured(found);
    return Object.fromEntries(strategies.map((s) => [s, which[s]])) as Record<Strategy, { ok: true; python: PythonInterpreter } | { ok: false; reason: string }>;
  }

  /** One measured run; emits its events like a simulated run's and resolves with its summary and the tids it used. */
  async run(r: MeasureRequest, emit: (event: EngineEvent) => void): Promise<{ summary: RunSummary; tidsUsed: number }> {
    const run = runMeasured(
      {
        runId: r.runId,
        strategy: r.strategy,
        source: r.variant.source,
        fileName: r.file,
        programName: r.programName,
        python: r.python,
        workers: r.workers,
        switchIntervalMs: r.switchIntervalMs,
        timeScale: r.timeScale,
        firstTid: r.firstTid,
        maxWallMs: r.wallCapMs,
        lineMap: r.variant.lineMap,
        inlineStart: r.variant.mode === 'sequential',
        tracerPath: this.paths.tracer,
        samplerEntry: this.paths.sampler,
      },
      {
        onStart: (info) => emit({ type: 'run-start', sessionId: r.sessionId, run: { ...info, lineMap: r.variant.lineMap, note: r.variant.note } }),
        onThreads: (processes, threads) => emit({ type: 'threads', sessionId: r.sessionId, runId: r.runId, processes, threads }),
        onTrace: (batches) => emit({ type: 'trace', sessionId: r.sessionId, batches }),
      },
    );
    this.current = run;
    try {
      const result = await run.finished;
      return { summary: result.summary as RunSummary, tidsUsed: result.tidsUsed };
    } finally {
      this.current = null;
    }
  }

  async cancel(): Promise<void> {
    await this.current?.cancel();
  }
}
