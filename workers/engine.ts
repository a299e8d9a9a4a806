// The engine behind GilLabApi: sessions of runs, one at a time, with events for live views.
// Every host (Electron, the web host, the CLI) and the tests drive this one object.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineEvent, GilLabApi, Result, RunRequest } from '../common/api';
import { limits } from '../common/limits';
import { presets } from '../common/presets';
import { strategies as strategyOrder, type Program, type Strategy } from '../common/program';
import { parseModule, type Module } from '../common/python/ast';
import { checkProgram } from '../common/python/check';
import { estimateStarts } from '../common/python/estimate';
import { variantFor, type Variant } from '../common/python/variants';
import type { MachineInfo, RunSummary } from '../common/trace';
import { parseProgramText, validateRequest, type ValidRequest } from '../common/validate';
import { epochMs } from './clock';
import type { CostTable } from './interpreter/costs';
import { forkLauncher, type ProcessLauncher } from './launcher';
import type { FromProcess, RunSettings } from './messages';
import type { CostCalibration } from './calibrate/calibration';
import { Measurer } from './measure';
import { measureStartCosts, type StartCosts } from './start-costs';
import { RunSupervisor, type SupervisorOptions } from './supervisor';
import { THREADS_PER_PROCESS } from './words';

export type { StartCosts } from './start-costs';

/** A run may start at most this many processes (each is an OS process of this machine). */
const PROCESSES_PER_RUN = 64;

/** What a machine's runs are calibrated with, measured once per engine. */
interface MachineCalibration {
  itersPerMs: number;
  costs: CostCalibration;
  /** CPython's thread and process start and wake-up latencies (measured with python3 beside the cost table). */
  starts: StartCosts;
}

/** $GIL_LAB_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache, or %LOCALAPPDATA%) + gil-lab. */
export function defaultCacheDir(): string {
  if (process.env.GIL_LAB_CACHE_DIR) return process.env.GIL_LAB_CACHE_DIR;
  const base = process.platform === 'win32' ? (process.env.LOCALAPPDATA ?? join(os.homedir(), 'AppData', 'Local')) : (process.env.XDG_CACHE_HOME ?? join(os.homedir(), '.cache'));
  return join(base, 'gil-lab');
}

export interface EngineOptions {
  host: MachineInfo['host'];
  launcher?: ProcessLauncher;
  /** Where the built python-process.js and python-thread.js are (default: out/main). */
  engineDir?: string;
  /** CPython's start costs and wake-up latency (default: measured with this machine's python3, cached; see start-costs.ts). */
  startCosts?: Partial<StartCosts>;
  /** A process silent for this long has hung (default 5 s). */
  hangTimeoutMs?: number;
  /** Trace intervals kept per run (default limits.maxIntervalsPerRun). */
  maxIntervalsPerRun?: number;
  /** What CPython spends per operation (default: fitted to this machine's python3, else the defaults). */
  costs?: CostTable;
  /** Where the fitted cost table is cached (default: defaultCacheDir(); null: not cached). */
  cacheDir?: string | null;
  /** Calibrate as soon as the engine exists (a window's engine: the user rarely presses Run within seconds). */
  calibrateAtStart?: boolean;
  /** Blocking socket stand-ins' latency (µs). */
  socketLatencyUs?: number;
  /** A run still going after this long is stopped (default limits.maxWallMsPerRun). */
  wallCapMs?: number;
  /** Test-only faults injected into every run. */
  faults?: SupervisorOptions['faults'];
}

export interface Engine extends GilLabApi {
  /** Cancels any session and ends every process. */
  close(): Promise<void>;
  /** The supervisor's view of the running run's processes (OS pids), for tests and diagnostics. */
  currentProcesses(): { name: string; osPid: number }[];
  /** Calibrates now (a session does it first otherwise); `again` refits to python3 instead of reading the cache. */
  calibrate(options?: { again?: boolean }): Promise<NonNullable<MachineInfo['costs']>>;
}

interface Session {
  id: string;
  request: ValidRequest;
  /** The program parsed once, and each strategy's variant of it. */
  module: Module;
  variants: Map<Strategy, Variant>;
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

/** Parses the program once and makes each strategy's variant; a strategy that cannot run it is refused, saying why. */
function prepare(program: Program, strategies: Strategy[]): Result<{ module: Module; variants: Map<Strategy, Variant> }> {
  const parsed = parseModule(program.source);
  if (!parsed.ok) return { ok: false, error: `${program.file}, line ${parsed.error.line}: SyntaxError: ${parsed.error.message}` };
  const variants = new Map<Strategy, Variant>();
  for (const strategy of strategies) {
    const v = variantFor(program.source, parsed.module, strategy);
    if (!v.ok) return { ok: false, error: `${strategy} cannot run ${program.file}: ${v.reason}` };
    // The variant must pass the user's own checks: a variant that would not compile is our bug, said as such.
    const checked = checkProgram(v.variant.source);
    if (!checked.ok) {
      const problem = checked.problems[0];
      return { ok: false, error: `${strategy}: GIL Lab could not write this strategy's variant of ${program.file} (variant line ${problem.line}: ${problem.message})` };
    }
    variants.set(strategy, v.variant);
  }
  return { ok: true, value: { module: parsed.module, variants } };
}

export function createEngine(options: EngineOptions): Engine {
  const launcher = options.launcher ?? forkLauncher;
  const engineDir = options.engineDir ?? defaultEngineDir();
  const processEntry = join(engineDir, 'python-process.js');
  const listeners = new Set<(event: EngineEvent) => void>();
  const cores = os.availableParallelism();
  let calibration: Promise<MachineCalibration> | null = null;
  /** The calibration once it finished: getMachine() reports it, and never waits for one under way. */
  let finished: MachineCalibration | null = null;
  /** What the calibration under way is doing, when it takes seconds (a page that connects meanwhile is told). */
  let calibrating: string | null = null;
  let session: Session | null = null;
  let sessionCount = 0;
  let nextTid = THREADS_PER_PROCESS;
  const measurer = new Measurer({ tracer: join(engineDir, 'cpython-tracer.py'), sampler: join(engineDir, 'cpython-sampler.js') });
  /** The last wall time of each program × strategy × workers: the progress bar's estimate. */
  const lastWall = new Map<string, number>();

  const emit = (event: EngineEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure must not stop the engine or the other listeners.
      }
    }
  };

  /**
   * Measured once, in a process of its own: kernel iterations per CPython-equivalent ms, and the
   * cost table (fitted to this machine's python3 the first time, then cached; see workers/calibrate/).
   */
  const calibrate = (again = false): Promise<MachineCalibration> =>
    (calibration ??= (async () => {
      const found = await measurer.pythons();
      const python = found.main.ok ? { executable: found.main.python.executable, version: found.main.python.version } : null;
      const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
      const starts = measureStartCosts(python, cacheDir, again);
      const costsRequest = options.costs
        ? null
        : {
            python,
            ...(found.main.ok ? {} : { pythonMissing: found.main.reason }),
            cacheDir,
            timerScript: join(engineDir, 'cpython-time-programs.py'),
            again,
          };
      const fitted = await new Promise<Omit<MachineCalibration, 'starts'>>((resolvePromise, reject) => {
        const handle = launcher.launch(processEntry, 'calibration');
        const timer = setTimeout(() => {
          handle.kill();
          reject(new Error('calibration did not finish within 120 s'));
        }, 120_000);
        handle.onMessage((message) => {
          const m = message as FromProcess;
          if (m.type === 'calibrating') {
            calibrating = m.text;
            emit({ type: 'calibrating', text: m.text });
          }
          if (m.type !== 'calibrated') return;
          clearTimeout(timer);
          handle.kill();
          const given = { costs: options.costs!, calibrated: false, source: 'costs given to the engine' };
          resolvePromise({ itersPerMs: m.itersPerMs, costs: m.costs ?? given });
        });
        handle.onExit((code, signal) => {
          clearTimeout(timer);
          reject(new Error(`the calibration process ended early (${signal ?? `code ${code}`})`));
        });
        handle.send({ type: 'calibrate', costs: costsRequest });
      });
      return { ...fitted, starts: { ...(await starts), ...options.startCosts } };
    })().then(
      async (done) => {
        finished = done;
        calibrating = null;
        emit({ type: 'machine', machine: await api.getMachine() });
        return done;
      },
      (error: Error) => {
        calibration = null;
        calibrating = null;
        throw error;
      },
    ));

  /** sequential first for each worker count, so every other run's speed-up is known when it ends. */
  const runOrder = (request: ValidRequest): { strategy: Strategy; workers: number }[] => {
    const chosen = strategyOrder.filter((s) => request.strategies.includes(s));
    return request.workerCounts.flatMap((workers) => chosen.map((strategy) => ({ strategy, workers })));
  };

  function settingsFor(s: Session, runId: string, variant: Variant, workers: number, machine: MachineCalibration): RunSettings {
    const r = s.request;
    const starts = machine.starts;
    return {
      runId,
      source: variant.source,
      file: r.program.file,
      lineMap: variant.lineMap,
      mode: variant.mode,
      gilModel: r.gil,
      switchIntervalMs: r.switchIntervalMs,
      timeScale: r.timeScale,
      workers,
      itersPerMs: machine.itersPerMs,
      costs: machine.costs.costs,
      maxIntervalsPerLane: Math.max(1000, Math.floor((options.maxIntervalsPerRun ?? limits.maxIntervalsPerRun) / 8)),
      socketLatencyUs: options.socketLatencyUs ?? 20,
      threadStartMs: starts.threadMs,
      processStartMs: starts.processMs,
      wakeUpUs: starts.wakeUs,
    };
  }

  async function runSession(s: Session): Promise<void> {
    const { request } = s;
    const order = runOrder(request);
    const sequentialWall = new Map<number, number>();
    const measuredSequentialWall = new Map<number, number>();
    const measurable = request.measure ? await measurer.plan(request.python) : null;
    let status: 'done' | 'cancelled' | 'failed' = 'done';
    let reason: string | undefined;
    try {
      const machine = await calibrate();
      for (const [index, { strategy, workers }] of order.entries()) {
        if (s.cancelled) break;
        const runId = `${s.id}-${index + 1}`;
        const variant = s.variants.get(strategy)!;
        const parsedVariant = parseModule(variant.source);
        const program = parsedVariant.ok ? parsedVariant.module : undefined;
        const starts = estimateStarts(program ?? s.module, workers);
        const firstTid = nextTid;
        nextTid += PROCESSES_PER_RUN * THREADS_PER_PROCESS;
        const supervisor = new RunSupervisor(
          {
            config: { runId, strategy, workers, programName: request.program.name, settings: settingsFor(s, runId, variant, workers, machine) },
            program,
            launcher,
            processEntry,
            firstTid,
            warmThreads: Math.min(32, 1 + (variant.mode === 'sequential' ? 0 : starts.threads)),
            warmProcesses: variant.mode === 'sequential' ? 0 : Math.min(16, starts.processes),
            maxProcesses: PROCESSES_PER_RUN,
            hangTimeoutMs: options.hangTimeoutMs ?? 5000,
            startTimeoutMs: 30_000,
            wallCapMs: options.wallCapMs ?? limits.maxWallMsPerRun,
            lineMap: variant.lineMap,
            note: variant.note,
            faults: options.faults,
          },
          {
            onStart: (run) => emit({ type: 'run-start', sessionId: s.id, run: { ...run, costs: machine.costs.source } }),
            onThreads: (processes, threads) => emit({ type: 'threads', sessionId: s.id, runId, processes, threads }),
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
              estimateMs: lastWall.get(`${request.program.name}:${strategy}:${workers}`) ?? 0,
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
        if (summary.status === 'done') lastWall.set(`${request.program.name}:${strategy}:${workers}`, summary.wallMs);
        if (strategy === 'sequential' && summary.status === 'done') sequentialWall.set(workers, summary.wallMs);
        const base = sequentialWall.get(workers);
        if (summary.status === 'done' && base !== undefined && summary.wallMs > 0) summary.speedup = base / summary.wallMs;
        const measuring = measurable?.[strategy];
        if (measuring && !measuring.ok) summary.notMeasured = measuring.reason;
        emit({ type: 'run-end', sessionId: s.id, summary });
        if (measuring?.ok && summary.status !== 'cancelled' && !s.cancelled) {
          const measuredId = `${runId}-measured`;
          const firstMeasuredTid = nextTid;
          const m = await measurer.run(
            {
              runId: measuredId,
              sessionId: s.id,
              strategy,
              workers,
              variant,
              programName: request.program.name,
              file: request.program.file,
              switchIntervalMs: request.switchIntervalMs,
              timeScale: request.timeScale,
              firstTid: firstMeasuredTid,
              python: measuring.python,
              wallCapMs: options.wallCapMs ?? limits.maxWallMsPerRun,
            },
            emit,
          );
          nextTid = Math.max(nextTid, firstMeasuredTid + m.tidsUsed + 1);
          const measured = m.summary;
          if (strategy === 'sequential' && measured.status === 'done') measuredSequentialWall.set(workers, measured.wallMs);
          const mbase = measuredSequentialWall.get(workers);
          if (measured.status === 'done' && mbase !== undefined && measured.wallMs > 0) measured.speedup = mbase / measured.wallMs;
          emit({ type: 'run-end', sessionId: s.id, summary: measured });
          if (measured.status === 'failed' && status === 'done') {
            status = 'failed';
            reason = `measured in CPython: ${measured.reason}`;
          }
          if (measured.status === 'cancelled') {
            status = 'cancelled';
            reason = measured.reason;
            break;
          }
        }
        if (summary.status === 'cancelled') {
          status = summary.status;
          reason = summary.reason;
          break;
        }
        if (summary.status === 'failed' && status === 'done') {
          // A program that raises fails its run; the other strategies still run, so they can be compared.
          status = 'failed';
          reason = summary.reason;
        }
      }
      if (s.cancelled && status !== 'cancelled') status = 'cancelled';
    } catch (error) {
      status = 'failed';
      reason = (error as Error).message;
    }
    emit({ type: 'session-end', sessionId: s.id, status, ...(reason ? { reason } : {}) });
  }

  /** What getMachine() says about the calibration, once there is one (it is not started for this). */
  function machineCosts(): Pick<MachineInfo, 'calibration' | 'costs' | 'calibrating'> {
    const done = finished;
    if (!done) return calibrating ? { calibrating } : {};
    const { costs, source, calibrated, worst } = done.costs;
    return { calibration: done.itersPerMs, costs: { source, calibrated, table: { ...costs }, ...(worst ? { worst } : {}) } };
  }

  const api: Engine = {
    async getMachine() {
      return {
        ...(await measurer.describe()),
        cores,
        platform: process.platform,
        arch: process.arch,
        node: process.versions.node,
        host: options.host,
        ...machineCosts(),
      };
    },
    async listPresets() {
      return presets.map((program) => ({ name: program.name, description: program.description, program }));
    },
    async parseProgram(text: string, fileName?: string) {
      return parseProgramText(text, fileName);
    },
    async startSession(input: RunRequest): Promise<Result<{ sessionId: string }>> {
      const checked = validateRequest(input);
      if (!checked.ok) return checked;
      const request = checked.value;
      const prepared = prepare(request.program, request.strategies);
      if (!prepared.ok) return prepared;
      if (session) return { ok: false, error: 'busy: a session is already running; cancel it or wait for it to end' };
      if (!existsSync(processEntry))
        return { ok: false, error: `the engine is not built: ${processEntry} is missing (run npm run build)` };
      const id = `s${++sessionCount}`;
      const s: Session = { id, request, ...prepared.value, cancelled: false, current: null, done: Promise.resolve() };
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
      await measurer.cancel();
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
    async calibrate({ again = false } = {}) {
      if (again) {
        await calibration?.catch(() => null);
        calibration = null;
      }
      await calibrate(again);
      return machineCosts().costs!;
    },
    currentProcesses() {
      return session?.current?.processInfos().map((p) => ({ name: p.name, osPid: p.osPid })) ?? [];
    },
  };
  if (options.calibrateAtStart) void calibrate().catch(() => undefined); // a session retries and reports it
  return api;
}
