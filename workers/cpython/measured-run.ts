// One measured run: the program's source run by real CPython under tracer.py, in a process group
// of its own, with the sampler reading its threads' CPU time; events and readings merged into
// lanes and sent live, like a simulated run's. Ends done, failed (a traceback, a crash, the
// wall-time cap) or cancelled, and leaves no process and no file behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { basename, join } from 'node:path';
import { limits } from '../../common/limits';
import type { Strategy } from '../../common/program';
import type { PythonInterpreter } from './find-python';
import { MeasuredDeadlockWatch } from './measured-deadlock';
import { MeasuredTrace } from './measured-trace';
import { endGroup } from './process-group';
import { Sampler, samplerAvailability, type SamplerStats } from './sampler';
import { StderrText } from './stderr-text';
import { defaultTracerPath, tracerArgs } from './tracer-command';
import { LineSplitter, parseTracerEvent } from './tracer-events';
import {
  summaryHead,
  type CpuStateSource,
  type ProcessInfo,
  type RunInfo,
  type RunOutcome as Outcome,
  type RunSummary,
  type ThreadInfo,
  type TraceBatch,
} from '../../common/trace';

export interface MeasuredRunOptions {
  runId: string;
  strategy: Strategy;
  /** The program run by CPython: that strategy's variant of the source. */
  source: string;
  /** The file it runs as (tracebacks name it); default "program.py", in a temporary folder. */
  fileName?: string;
  /** RunInfo.program: the program's name in the app. */
  programName: string;
  python: PythonInterpreter;
  /** What os.cpu_count() and multiprocessing.cpu_count() return (the app's workers knob). */
  workers: number;
  /** sys.setswitchinterval(), in ms. */
  switchIntervalMs: number;
  /** The app's time scale: below 1, the tracer scales sleeps, long range() loops and the program's clocks as simulated runs do. */
  timeScale: number;
  /** Lanes are numbered from here; the result says how many were used. */
  firstTid: number;
  /** Wall-time cap from the spawn; default limits.maxWallMsPerRun. */
  maxWallMs?: number;
  /** The source's lines to the user's program's (a deadlock's reason names the user's lines). */
  lineMap?: number[];
  maxIntervalsPerRun?: number;
  /** Thread.start()/Process.start() run the target inline; default: strategy === 'sequential'. */
  inlineStart?: boolean;
  /** Latency of the gil_lab.recv() socket stand-in, µs. */
  latencyUs?: number;
  /** How often live batches go out; default 150 ms. */
  flushMs?: number;
  /** Default 1000 µs (1 kHz). */
  samplerPeriodUs?: number;
  /** false: no CPU sampling even where it works (lanes show blocking calls only). */
  cpuSampling?: boolean;
  tracerPath?: string;
  samplerEntry?: string;
}

export interface MeasuredRunCallbacks {
  /** When the program's first line runs (its t0): the root process and its MainThread. */
  onStart(info: RunInfo): void;
  /** Lanes that appeared since (a tid seen before: that thread was renamed). Precede their batches. */
  onThreads(processes: ProcessInfo[], threads: ThreadInfo[]): void;
  onTrace(batches: TraceBatch[]): void;
}

export interface MeasuredRunResult {
  summary: RunSummary;
  /** Lanes numbered from firstTid: the next run starts at firstTid + tidsUsed. */
  tidsUsed: number;
  /** What CPython wrote (the first MiB of each). */
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  /** The root's pid, also the process group id. */
  pgid: number;
  /** Every process of the run the tracer or the sampler saw. */
  osPids: number[];
  sampler: SamplerStats | null;
  cpuState: CpuStateSource;
  /** perf_counter_ns → process.hrtime: 'same' clock (CLOCK_MONOTONIC both), or 'shifted' by the sync event. */
  clock: { relation: 'same' | 'shifted'; shiftNs: number };
  /** Event lines that could not be read (cut by the tracer's size limit). */
  lostEvents: number;
}

export interface MeasuredRun {
  /** The root python's pid once spawned. */
  readonly pid: number | undefined;
  /** Resolves when the run has ended and everything of it is gone; never rejects. */
  readonly finished: Promise<MeasuredRunResult>;
  /** Ends the run (its whole process group) and resolves like `finished`, within about 1 s. */
  cancel(reason?: string): Promise<MeasuredRunResult>;
}

const OUTPUT_CAP = 1 << 20;
/** Live lanes stop this far behind now: events and readings still on their way land in time. */
const LIVE_LAG_NS = 30_000_000;
/** stderr text waits this long for the event that explains it (they come on different pipes). */
const STDERR_WAIT_NS = 100_000_000;
/** After the root exits: how long its pipes may take to drain (orphans may hold them open). */
const DRAIN_MS = 200;

/** Thrown when a cancel comes while the sampler starts: nothing is spawned. */
const stoppedBeforeSpawn = new Error('stopped before the spawn');
const nowNs = () => Number(process.hrtime.bigint());
/** process.hrtime and performance.now() read the same monotonic clock: epoch ms of a hrtime ns. */
const epochOffsetMs = () => performance.timeOrigin + performance.now() - nowNs() / 1e6;

export function pythonName(python: PythonInterpreter): string {
  return `python${python.versionInfo[0]}.${python.versionInfo[1]}${python.freeThreaded ? 't' : ''}`;
}

export function runMeasured(options: MeasuredRunOptions, callbacks: MeasuredRunCallbacks): MeasuredRun {
  let requestEnd!: (outcome: Outcome) => void;
  const endRequested = new Promise<Outcome>((resolveEnd) => (requestEnd = resolveEnd));
  let pid: number | undefined;
  const finished = execute(options, callbacks, endRequested, (p) => (pid = p));
  return {
    get pid() {
      return pid;
    },
    finished,
    cancel(reason = 'cancelled by the user') {
      requestEnd({ status: 'cancelled', reason });
      return finished;
    },
  };
}

async function execute(
  options: MeasuredRunOptions,
  callbacks: MeasuredRunCallbacks,
  endRequested: Promise<Outcome>,
  onPid: (pid: number) => void,
): Promise<MeasuredRunResult> {
  const available =
    options.cpuSampling === false
      ? { ok: false as const, reason: 'CPU sampling turned off for this run' }
      : samplerAvailability();
  const cpuState: CpuStateSource = available.ok
    ? { source: 'schedstat' }
    : { source: 'unknown', reason: available.reason };
  const trace = new MeasuredTrace({
    runId: options.runId,
    strategy: options.strategy,
    firstTid: options.firstTid,
    pythonName: pythonName(options.python),
    freeThreaded: options.python.freeThreaded && !options.python.gilEnabled,
    cpuKnown: available.ok,
    maxIntervalsPerRun: options.maxIntervalsPerRun ?? limits.maxIntervalsPerRun,
  });
  const stderrText = new StderrText();
  const stderrChunks: { atNs: number; text: string }[] = [];
  let explained = { exceptions: 0, prints: 0 };
  let stdout = '';
  let stderr = '';
  let dir: string | null = null;
  let sampler: Sampler | null = null;
  let child: ChildProcess | null = null;
  let flushTimer: NodeJS.Timeout | undefined;
  let capTimer: NodeJS.Timeout | undefined;
  let started = false;
  let spawnNs = 0;
  let exitNs: number | null = null;
  let exitCode: number | null = null;
  let exitSignal: string | null = null;
  let samplerStats: SamplerStats | null = null;
  let outcome: Outcome | null = null;
  let runEndNs = 0;
  /** When a cancel or the cap stopped the run (its wall time ends there). */
  let stoppedNs: number | null = null;
  const stop = (o: Outcome) => {
    if (outcome) return;
    outcome = o;
    stoppedNs = nowNs();
  };
  const clock = { relation: 'same' as 'same' | 'shifted', shiftNs: 0 };
  const offsetMs = epochOffsetMs();
  const osPids = new Set<number>();
  const deadlock = new MeasuredDeadlockWatch();

  const start = () => {
    if (started || trace.t0Ns === null) return;
    started = true;
    const lanes = trace.takeNewLanes();
    callbacks.onStart({
      runId: options.runId,
      strategy: options.strategy,
      workers: options.workers,
      switchIntervalMs: options.switchIntervalMs,
      gil: 'new',
      timeScale: options.timeScale,
      program: options.programName,
      processes: lanes.processes,
      threads: lanes.threads,
      t0EpochMs: trace.t0Ns / 1e6 + offsetMs,
      source: options.source,
      measured: { python: options.python.version, executable: options.python.executable, cpuState },
    });
  };

  const explainStderr = (beforeNs: number) => {
    for (const e of trace.exceptions.slice(explained.exceptions)) stderrText.expect(e.text);
    for (const p of trace.stderrPrints.slice(explained.prints)) stderrText.expect(p);
    explained = { exceptions: trace.exceptions.length, prints: trace.stderrPrints.length };
    const ready = stderrChunks.filter((c) => c.atNs < beforeNs);
    if (ready.length === 0) return;
    stderrChunks.splice(0, ready.length);
    const rest = stderrText.unexplained(ready.map((c) => c.text).join(''));
    if (rest && started) trace.addStderrText(ready[0].atNs, rest);
  };

  /** Live (every flushMs), or the last one when `endNs` is given. */
  const flush = (endNs?: number) => {
    if (!started) return;
    const now = nowNs();
    explainStderr(endNs !== undefined ? Infinity : now - STDERR_WAIT_NS);
    const batches = endNs !== undefined ? trace.finish(endNs) : trace.flush(now - LIVE_LAG_NS);
    const lanes = trace.takeNewLanes();
    if (lanes.threads.length > 0 || lanes.processes.length > 0) callbacks.onThreads(lanes.processes, lanes.threads);
    if (batches.length > 0) callbacks.onTrace(batches);
  };

  const requested = endRequested.then(stop);
  try {
    if (available.ok) {
      sampler = await Sampler.start((batch) => trace.addSamples(batch), {
        periodUs: options.samplerPeriodUs,
        entry: options.samplerEntry,
      });
    }
    dir = await mkdtemp(join(os.tmpdir(), 'gil-lab-measured-'));
    const program = join(dir, basename(options.fileName ?? 'program.py'));
    await writeFile(program, options.source);
    const args = tracerArgs(options, options.tracerPath ?? defaultTracerPath(), program);
    if (outcome) throw stoppedBeforeSpawn;
    spawnNs = nowNs();
    const proc = spawn(options.python.executable, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      detached: true, // its own process group: one kill ends every process of the run
    });
    child = proc;
    const exited = new Promise<void>((resolveExit) => {
      proc.once('exit', (code, signal) => {
        exitNs = nowNs();
        exitCode = code;
        exitSignal = signal;
        resolveExit();
      });
      proc.once('error', (error) => {
        exitNs = nowNs();
        outcome ??= { status: 'failed', reason: `could not start ${options.python.executable}: ${error.message}` };
        resolveExit();
      });
    });
    if (proc.pid !== undefined) {
      onPid(proc.pid);
      osPids.add(proc.pid);
      sampler?.watch(proc.pid);
    }

    const events = proc.stdio[3] as NodeJS.ReadableStream | null;
    const lines = new LineSplitter();
    const onEventLine = (line: string) => {
      if (!line) return;
      const event = parseTracerEvent(line);
      if (!event) return trace.addLostEvent();
      if (event.kind === 'sync') {
        const received = nowNs();
        const sameClock = event.tNs >= spawnNs && event.tNs <= received;
        if (!sameClock) {
          clock.relation = 'shifted';
          clock.shiftNs = received - event.tNs;
        }
      }
      event.tNs += clock.shiftNs;
      osPids.add(event.pid);
      trace.addEvent(event);
      deadlock.add(event);
      if (event.kind === 'run') start();
    };
    const drained: Promise<void>[] = [];
    if (events) {
      events.setEncoding('utf8');
      events.on('data', (chunk: string) => {
        for (const line of lines.push(chunk)) onEventLine(line);
      });
      drained.push(whenEnded(events));
    }
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (chunk: string) => {
      if (stdout.length < OUTPUT_CAP) stdout += chunk;
    });
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      if (stderr.length < OUTPUT_CAP) stderr += chunk;
      stderrChunks.push({ atNs: nowNs(), text: chunk });
    });
    drained.push(whenEnded(proc.stdout), whenEnded(proc.stderr));

    let onDeadlock!: () => void;
    const deadlocked = new Promise<void>((r) => (onDeadlock = r));
    flushTimer = setInterval(() => {
      flush();
      const reason = deadlock.deadlock(nowNs(), options.lineMap ?? []);
      if (!reason) return;
      stop({ status: 'failed', reason });
      onDeadlock();
    }, options.flushMs ?? 150);
    const maxWallMs = options.maxWallMs ?? limits.maxWallMsPerRun;
    const capReached = new Promise<void>((r) => {
      capTimer = setTimeout(() => {
        stop({ status: 'failed', reason: `the measured run exceeded its wall-time cap of ${maxWallMs / 1000} s` });
        r();
      }, maxWallMs);
    });
    await Promise.race([exited, capReached, requested, deadlocked]);
    if (exitNs !== null && outcome === null) {
      // The program ended by itself: give the pipes a moment to deliver their last lines.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(drained), new Promise((r) => (timer = setTimeout(r, DRAIN_MS)))]);
      clearTimeout(timer);
    }
    for (const line of lines.end()) onEventLine(line);
  } catch (error) {
    if (error !== stoppedBeforeSpawn)
      outcome ??= { status: 'failed', reason: `the measured run could not run: ${(error as Error).message}` };
  } finally {
    clearInterval(flushTimer);
    clearTimeout(capTimer);
    const endNs = nowNs();
    if (child?.pid !== undefined) {
      const left = await endGroup(child.pid, sampler ? [...sampler.livePids] : []);
      if (left.length > 0)
        outcome ??= { status: 'failed', reason: `processes ${left.join(', ')} of the run would not die` };
      if (exitNs === null && child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((r) => {
          const timer = setTimeout(r, 200);
          child!.once('exit', () => (clearTimeout(timer), r()));
        });
      }
      child.stdio.forEach((s) => s?.destroy());
    }
    if (sampler) {
      samplerStats = await sampler.stop();
      for (const pid of sampler.seenPids) osPids.add(pid);
    }
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    runEndNs = stoppedNs ?? trace.exitNs ?? exitNs ?? endNs;
  }
  flush(runEndNs);
  const ended = outcome ?? judge(trace, exitCode, exitSignal, pythonName(options.python), child?.pid);
  return {
    summary: summarize(options, trace, ended, runEndNs, spawnNs),
    tidsUsed: trace.tidsUsed,
    stdout,
    stderr,
    exitCode,
    signal: exitSignal,
    pgid: child?.pid ?? 0,
    osPids: [...osPids],
    sampler: samplerStats,
    cpuState,
    clock,
    lostEvents: trace.lostEvents,
  };
}

function whenEnded(stream: NodeJS.ReadableStream | null): Promise<void> {
  if (!stream) return Promise.resolve();
  return new Promise<void>((resolveEnd) => {
    stream.once('end', () => resolveEnd());
    stream.once('close', () => resolveEnd());
  });
}

function judge(
  trace: MeasuredTrace,
  exitCode: number | null,
  signal: string | null,
  python: string,
  pid: number | undefined,
): Outcome {
  const first = trace.exceptions[0];
  if (first)
    return {
      status: 'failed',
      reason: `${first.thread} of ${first.process} (pid ${first.osPid}) raised ${first.lastLine}`,
    };
  const root = `${trace.rootProcessName()}${pid ? ` (pid ${pid})` : ''}`;
  if (signal) return { status: 'failed', reason: `${root} was killed by ${signal}` };
  if (exitCode !== 0) return { status: 'failed', reason: `${root} exited with code ${exitCode}` };
  if (trace.t0Ns === null) return { status: 'failed', reason: `${python} ended before the program started` };
  return { status: 'done' };
}

function summarize(
  options: MeasuredRunOptions,
  trace: MeasuredTrace,
  outcome: Outcome,
  endNs: number,
  spawnNs: number,
): RunSummary {
  const t0 = trace.t0Ns;
  return {
    ...summaryHead(options, outcome),
    wallMs: t0 === null ? 0 : Math.max(0, (endNs - t0) / 1e6),
    speedup: null,
    measured: true,
    handoffs: null,
    forcedSwitches: null,
    truncated: trace.truncated,
    spawnMs: t0 === null ? 0 : Math.max(0, (t0 - spawnNs) / 1e6),
    threads: trace.summaries(),
  };
}
