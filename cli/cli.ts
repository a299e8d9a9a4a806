// `gil-lab`: the engine's runs from a terminal (built to out/main/cli.js).
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { programName, type EngineEvent } from '../common/api';
import { toChromeTrace, type ChromeTrace } from '../common/chrome-trace';
import { limits } from '../common/limits';
import { presets } from '../common/presets';
import { gilModels, strategies } from '../common/program';
import { applyEvent, type RunRecord } from '../common/run-record';
import { formatMs } from '../common/totals';
import type { RunSummary } from '../common/trace';
import { createEngine } from '../workers/engine';
import { defaultStrategies, parseRunCommand, UsageError, type RunFlags } from './options';
import { interruptedSummary, jsonReport, progressLine, summaryTable } from './report';

// This file is out/main/cli.js: the engine's worker entries are its neighbours.
const builtDir = fileURLToPath(new URL('.', import.meta.url));

const defaultWorkers = availableParallelism();

// `gil-lab programs | head -1` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

function fail(message: string, code: number): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

/** One progress line: rewritten in place on a terminal, a line per run start and end otherwise. */
class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private open = false;

  update(text: string): void {
    if (!this.tty) return;
    process.stderr.write(`\r\x1b[K${text}`);
    this.open = true;
  }

  line(text: string): void {
    process.stderr.write(`${this.tty ? '\r\x1b[K' : ''}${text}\n`);
    this.open = false;
  }

  clear(): void {
    if (this.open) process.stderr.write('\r\x1b[K');
    this.open = false;
  }

  started(text: string): void {
    if (this.tty) this.update(text);
    else this.line(text);
  }
}

/** Streams the trace to disk: a trace of a million intervals is too big for one JSON string. */
function writeTraceFile(path: string, trace: ChromeTrace): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `{"displayTimeUnit":${JSON.stringify(trace.displayTimeUnit)},"traceEvents":[\n`);
    const chunk = 10_000;
    for (let i = 0; i < trace.traceEvents.length; i += chunk) {
      const part = trace.traceEvents.slice(i, i + chunk).map((e) => JSON.stringify(e));
      writeSync(fd, `${i > 0 ? ',\n' : ''}${part.join(',\n')}`);
    }
    writeSync(fd, `\n]${trace.metadata ? `,"metadata":${JSON.stringify(trace.metadata)}` : ''}}\n`);
  } finally {
    closeSync(fd);
  }
}

function runLabel(index: number, total: number, run: { strategy: string; workers: number }): string {
  return `[${index}/${total}] ${run.strategy}, ${run.workers} worker${run.workers === 1 ? '' : 's'}`;
}

function endText(summary: RunSummary): string {
  if (summary.status === 'done') return `done in ${formatMs(summary.wallMs)}`;
  return `${summary.status}${summary.reason ? `: ${summary.reason}` : ''}`;
}

async function run(flags: RunFlags): Promise<void> {
  let command;
  try {
    command = parseRunCommand(flags);
  } catch (error) {
    if (error instanceof UsageError) fail(error.message, 2);
    throw error;
  }

  const engine = createEngine({ host: 'cli', engineDir: builtDir });
  const records: RunRecord[] = [];
  // Summaries as the engine sent them: a run cancelled before its clock started has no record.
  const summed: RunSummary[] = [];
  const progress = new Progress();
  let total = 0;
  let started = 0;
  let sessionEnd!: (event: Extract<EngineEvent, { type: 'session-end' }>) => void;
  const ended = new Promise<Extract<EngineEvent, { type: 'session-end' }>>((resolve) => (sessionEnd = resolve));

  engine.onEvent((event) => {
    applyEvent(records, event);
    switch (event.type) {
      case 'session-start':
        total = event.total;
        break;
      case 'run-start':
        started += 1;
        progress.started(`${runLabel(started, total, event.run)}: started`);
        break;
      case 'progress':
        progress.update(progressLine(event.progress));
        break;
      case 'run-end':
        summed.push(event.summary);
        progress.line(`${runLabel(started, total, event.summary)}: ${endText(event.summary)}`);
        break;
      case 'session-end':
        sessionEnd(event);
        break;
    }
  });

  // Ctrl+C (130) or SIGTERM (143): cancel, then write what ran before exiting; a second one does not wait.
  let interrupted: number | null = null;
  const stop = (exitCode: number) => () => {
    if (interrupted !== null) process.exit(exitCode);
    interrupted = exitCode;
    progress.clear();
    process.stderr.write('Cancelling… (again to quit without writing the output)\n');
    void engine.cancelSession();
  };
  process.on('SIGINT', stop(130));
  process.on('SIGTERM', stop(143));

  const machine = engine.getMachine();
  const start = await engine.startSession(command.request);
  if (!start.ok) {
    await engine.close();
    fail(start.error, /busy/.test(start.error) ? 1 : 2);
  }
  const end = await ended;
  const machineInfo = await machine;
  await engine.close();

  progress.clear();
  // A run the engine did not get to sum up (interrupted before its end) is kept, marked cancelled.
  const summaries = [...summed, ...records.filter((r) => !r.summary).map(interruptedSummary)];
  if (summaries.length > 0) process.stdout.write(`\n${summaryTable(summaries, machineInfo.cores)}\n`);
  if (end.status !== 'done') process.stderr.write(`Session ${end.status}${end.reason ? `: ${end.reason}` : ''}\n`);

  const { request } = command;
  try {
    if (command.json) {
      const settings = {
        program: programName(request.program),
        switchIntervalMs: request.switchIntervalMs,
        gil: request.gil,
        timeScale: request.timeScale,
      };
      writeFileSync(
        command.json,
        `${JSON.stringify(jsonReport(machineInfo, settings, summaries, records), null, 2)}\n`,
      );
      process.stderr.write(`Summary written to ${command.json}\n`);
    }
    if (command.trace) {
      writeTraceFile(command.trace, toChromeTrace(records));
      process.stderr.write(`Trace written to ${command.trace} (open it in https://ui.perfetto.dev)\n`);
    }
  } catch (error) {
    fail(`could not write the output: ${(error as Error).message}`, 1);
  }
  process.exit(interrupted ?? (end.status === 'done' ? 0 : end.status === 'cancelled' ? 130 : 1));
}

const presetNames = presets.map((p) => p.name);

const cli = new Command('gil-lab')
  .description(
    'Runs Python-like programs on real threads and processes under a simulated GIL, and compares strategies.',
  )
  .configureOutput({ outputError: (text, write) => write(`${text.trimEnd()} (see gil-lab --help)\n`) })
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

cli
  .command('programs')
  .description('lists the preset programs')
  .action(() => {
    const width = Math.max(...presetNames.map((n) => n.length)) + 2;
    for (const preset of presets) process.stdout.write(`${preset.name.padEnd(width)}${preset.description}\n`);
  });

const { workers, switchIntervalMs, timeScale } = limits;
const flag = (flags: string, description: string, value?: string, shown?: string) => {
  const option = new Option(flags, description);
  return value === undefined ? option : option.default(value, shown ?? value);
};
cli
  .command('run')
  .description('runs a program under each strategy in turn and prints wall times and speed-ups')
  .addOption(flag('--program <name|file>', `a preset (${presetNames.join(', ')}) or a JSON program file`, 'calc-threads'))
  .addOption(flag('--strategies <list>', `comma-separated, from ${strategies.join(', ')}`, defaultStrategies.join(',')))
  .addOption(
    flag(
      '--workers <n>',
      `pool size: threads or processes running tasks at once, a whole number ${workers.min}..${workers.max}`,
      String(defaultWorkers),
      `${defaultWorkers}, this machine's available parallelism`,
    ),
  )
  .addOption(
    flag(
      '--switch-interval <ms>',
      `GIL switch interval (sys.setswitchinterval) in ms, ${switchIntervalMs.min}..${switchIntervalMs.max}`,
      String(switchIntervalMs.default),
    ),
  )
  .addOption(
    flag(
      '--gil <model>',
      `GIL model, ${gilModels.join(' or ')}: new = CPython 3.2+ with forced switching, old = Python 2 ticks without`,
      'new',
    ),
  )
  .addOption(
    flag(
      '--time-scale <x>',
      `multiplies every duration and every amount of work, ${timeScale.min}..${timeScale.max}`,
      String(timeScale.default),
    ),
  )
  .addOption(
    flag(
      '--json <file>',
      'writes the summary: { machine, runs: [ { strategy, workers, wallMs, speedup, …, threads } ] }',
    ),
  )
  .addOption(flag('--trace <file>', 'writes every run as one Chrome trace (open it in https://ui.perfetto.dev)'))
  .addHelpText(
    'after',
    `
Columns of the table:
  wall time        from the run's start until its last thread ended
  speed-up         sequential wall time / this wall time (same program and workers)
  on CPU %         CPU time the OS gave the run's threads / (wall time × this machine's cores):
                   how much of the machine the run used ("—" where CPU time was not measured)
  GIL wait %       time the run's threads waited for the GIL / (wall time × threads)
  hand-offs        times the GIL passed from one thread to another
  forced switches  hand-offs forced by a drop request after the switch interval

Example:
  gil-lab run --program calc-threads --strategies sequential,threading,multiprocessing --workers 2 --time-scale 0.25\n`,
  )
  .action((flags: RunFlags) => run(flags));

cli.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
