// The engine behind GilLabApi: sessions of runs, one at a time, with events for live views.
// Every host (Electron, the web host, the CLI) and the tests drive this one object.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineEvent, GilLabApi, Result, RunRequest } from '../common/api';
import { checkCaps, estimateWallMs } from '../common/estimate';
import { limits } from '../common/limits';
import { presets } from '../common/presets';
import { strategies as strategyOrder, type Strategy } from '../common/program';
import type { MachineInfo, RunSummary } from '../common/trace';
import { parseProgramText, validateRequest, type ValidRequest } from '../common/validate';
import { epochMs } from './clock';
import { forkLauncher, type ProcessLauncher } from './launcher';
import type { FromProcess } from './messages';
import { defaultStartCosts, planRun, type StartCosts } from './plan';
import { RunSupervisor, type RunOptions } from './supervisor';

export interface EngineOptions {
  host: MachineInfo['host'];
  launcher?: ProcessLauncher;
  /** Where the built python-process.js and python-thread.js are (default: out/main). */
  engineDir?: string;
  startCosts?: StartCosts;
  /** A process silent for this long has hung (default 5 s). */
  hangTimeoutMs?: number;
  /** Trace intervals kept per run (default limits.maxIntervalsPerRun). */
  maxIntervalsPerRun?: number;
  /** Test-only faults injected into every run. */
  faults?: RunOptions['faults'];
}

export interface Engine extends GilLabApi {
  /** Cancels any session and ends every process. */
  close(): Promise<void>;
  /** The supervisor's view of the running run's processes (OS pids), for tests and diagnostics. */
  currentProcesses(): { name: string; osPid: number }[];
}

interface Session {
  id: string;
  request: ValidRequest;
  cancelled: boolean;
  current: RunSupervisor | null;
  done: Promise<void>;
}

/** Finds out/main from the built engine (out/main or out/main/chunks) or from the source tree (tests). */
export function defaultEngineDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, resolve(here, '..'), resolve(here, '..', 'out', 'main')];
  return candidates.find((dir) => existsSync(join(dir, 'python-process.js'))) ?? candidates[2];
}

export function createEngine(options: EngineOptions): Engine {
  const launcher = options.launcher ?? forkLauncher;
  const engineDir = options.engineDir ?? defaultEngineDir();
  const processEntry = join(engineDir, 'python-process.js');
  const listeners = new Set<(event: EngineEvent) => void>();
  const cores = os.availableParallelism();
  let calibration: Promise<number> | null = null;
  let session: Session | null = null;
  let sessionCount = 0;
  let nextTid = 1;

  const emit = (event: EngineEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure must not stop the engine or the other listeners.
      }
    }
  };

  /** Kernel iterations per CPython-equivalent ms, measured once in a process of its own. */
  const calibrate = (): Promise<number> =>
    (calibration ??= new Promise<number>((resolvePromise, reject) => {
      const handle = launcher.launch(processEntry, 'calibration');
      const timer = setTimeout(() => {
        handle.kill();
        reject(new Error('calibration did not finish within 30 s'));
      }, 30_000);
      handle.onMessage((message) => {
        const m = message as FromProcess;
        if (m.type !== 'calibrated') return;
        clearTimeout(timer);
        handle.kill();
        resolvePromise(m.itersPerMs);
      });
      handle.onExit((code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the calibration process ended early (${signal ?? `code ${code}`})`));
      });
      handle.send({ type: 'calibrate' });
    }).catch((error: Error) => {
      calibration = null;
      throw error;
    }));

  /** sequential first for each worker count, so every other run's speed-up is known when it ends. */
  const runOrder = (request: ValidRequest): { strategy: Strategy; workers: number }[] => {
    const chosen = strategyOrder.filter((s) => request.strategies.includes(s));
    return request.workerCounts.flatMap((workers) => chosen.map((strategy) => ({ strategy, workers })));
  };

  async function runSession(s: Session): Promise<void> {
    const { request } = s;
    const order = runOrder(request);
    const sequentialWall = new Map<number, number>();
    let status: 'done' | 'cancelled' | 'failed' = 'done';
    let reason: string | undefined;
    try {
      const itersPerMs = await calibrate();
      for (const [index, { strategy, workers }] of order.entries()) {
        if (s.cancelled) break;
        const runId = `${s.id}-${index + 1}`;
        const plan = planRun(request.program, strategy, workers, nextTid, options.startCosts ?? defaultStartCosts);
        nextTid += plan.lanes.length;
        const estimateMs = estimateWallMs(request.program, strategy, workers, request.timeScale, cores);
        const supervisor = new RunSupervisor(
          {
            runId,
            program: request.program,
            strategy,
            workers,
            switchIntervalMs: request.switchIntervalMs,
            gil: request.gil,
            timeScale: request.timeScale,
            itersPerMs,
            maxIntervalsPerRun: options.maxIntervalsPerRun ?? limits.maxIntervalsPerRun,
            plan,
            launcher,
            processEntry,
            hangTimeoutMs: options.hangTimeoutMs ?? 5000,
            startTimeoutMs: 30_000,
            faults: options.faults,
          },
          {
            onStart: (run) => emit({ type: 'run-start', sessionId: s.id, run }),
            onTrace: (batches) => emit({ type: 'trace', sessionId: s.id, batches }),
          },
        );
        s.current = supervisor;
        const progress = setInterval(() => {
          if (supervisor.startEpochMs === 0) return;
          emit({
            type: 'progress',
            progress: {
              sessionId: s.id,
              index,
              total: order.length,
              strategy,
              workers,
              elapsedMs: Math.max(0, epochMs() - supervisor.startEpochMs),
              estimateMs,
            },
          });
        }, 250);
        let summary: RunSummary;
        try {
          summary = await supervisor.run();
        } finally {
          clearInterval(progress);
          s.current = null;
        }
        if (strategy === 'sequential' && summary.status === 'done') sequentialWall.set(workers, summary.wallMs);
        const base = sequentialWall.get(workers);
        if (summary.status === 'done' && base !== undefined && summary.wallMs > 0) summary.speedup = base / summary.wallMs;
        emit({ type: 'run-end', sessionId: s.id, summary });
        if (summary.status !== 'done') {
          status = summary.status;
          reason = summary.reason;
          break;
        }
      }
      if (s.cancelled && status === 'done') status = 'cancelled';
    } catch (error) {
      status = 'failed';
      reason = (error as Error).message;
    }
    emit({ type: 'session-end', sessionId: s.id, status, ...(reason ? { reason } : {}) });
  }

  const api: Engine = {
    async getMachine() {
      return {
        cores,
        platform: process.platform,
        arch: process.arch,
        node: process.versions.node,
        host: options.host,
        ...(calibration ? { calibration: await calibration.catch(() => undefined) } : {}),
      };
    },
    async listPresets() {
      return presets.map((program) => ({ name: program.name, description: program.description, program }));
    },
    async parseProgram(text: string) {
      return parseProgramText(text);
    },
    async startSession(input: RunRequest): Promise<Result<{ sessionId: string }>> {
      const checked = validateRequest(input);
      if (!checked.ok) return checked;
      const request = checked.value;
      for (const workers of request.workerCounts) {
        const cap = checkCaps(request.program, workers, request.timeScale);
        if (cap) return { ok: false, error: `refused: ${cap}` };
      }
      if (session) return { ok: false, error: 'busy: a session is already running; cancel it or wait for it to end' };
      if (!existsSync(processEntry))
        return { ok: false, error: `the engine is not built: ${processEntry} is missing (run npm run build)` };
      const id = `s${++sessionCount}`;
      const s: Session = { id, request, cancelled: false, current: null, done: Promise.resolve() };
      session = s;
      emit({ type: 'session-start', sessionId: id, request, total: runOrder(request).length });
      s.done = runSession(s).finally(() => {
        if (session === s) session = null;
      });
      return { ok: true, value: { sessionId: id } };
    },
    async cancelSession() {
      const s = session;
      if (!s) return;
      s.cancelled = true;
      s.current?.cancel();
      await s.done;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await api.cancelSession();
      listeners.clear();
    },
    currentProcesses() {
      return session?.current?.processInfos().map((p) => ({ name: p.name, osPid: p.osPid })) ?? [];
    },
  };
  return api;
}
