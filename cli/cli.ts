// `gil-lab`: the engine's runs from a terminal (built to out/main/cli.js).
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { programName, type EngineEvent } from '../common/api';
import { toChromeTrace, type ChromeTrace } from '../common/chrome-trace';
import { limits } from '../common/limits';
import { findPreset, presets } from '../common/presets';
import { checkProgram, describeProblems } from '../common/python/check';
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

function runLabel(index: number, total: number, run: { strategy: string; workers: number }, measured: boolean): string {
  return `[${index}/${total}] ${run.strategy}${measured ? ' in CPython' : ''}, ${run.workers} worker${run.workers === 1 ? '' : 's'}`;
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
  for (const note of command.notes) progress.line(note);
  let total = 0;
  let started = 0;
  const measuredIds = new Set<string>();
  let sessionEnd!: (event: Extract<EngineEvent, { type: 'session-end' }>) => void;
  const ended = new Promise<Extract<EngineEvent, { type: 'session-end' }>>((resolve) => (sessionEnd = resolve));

  engine.onEvent((event) => {
    applyEvent(records, event);
    switch (event.type) {
      case 'session-start':
        total = event.total;
        break;
      case 'run-start':
        // A measured run follows its simulated one and shares its number.
        if (event.run.measured) measuredIds.add(event.run.runId);
        else started += 1;
        progress.started(`${runLabel(started, total, event.run, measuredIds.has(event.run.runId))}: started`);
        break;
      case 'progress':
        progress.update(progressLine(event.progress));
        break;
      case 'run-end':
        summed.push(event.summary);
        progress.line(`${runLabel(started, total, event.summary, measuredIds.has(event.summary.runId))}: ${endText(event.summary)}`);
        break;
      case 'session-end':
        sessionEnd(event);
        break;
      case 'calibrating':
        progress.line(event.text);
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
  if (command.request.measure) {
    const m = await machine;
    progress.line(m.python ? `Measuring in CPython ${m.python.version} (${m.python.executable}) beside each simulated run` : `Not measuring: ${m.pythonMissing}`);
  }
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
  if (summaries.length > 0) process.stdout.write(`\n${summaryTable(summaries, machineInfo.cores, measuredIds)}\n`);
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

/** `gil-lab check FILE.py`: the problems the editor would underline, one `file:line: …` per line; exit 2 if any. */
function check(target: string): void {
  const preset = findPreset(target);
  let source: string;
  if (preset) source = preset.source;
  else if (!existsSync(target)) fail(`no such file: ${target}`, 2);
  else if (!statSync(target).isFile()) fail(`${target} is a folder, not a program file`, 2);
  else source = readFileSync(target, 'utf8');
  const checked = checkProgram(source!);
  if (checked.ok) {
    process.stdout.write(`${target}: ok, GIL Lab can run it\n`);
    return;
  }
  process.stdout.write(`${describeProblems(checked.problems).replace(/^/gm, `${target}: `)}\n`);
  process.exit(2);
}

const cli = new Command('gil-lab')
  .description(
    'Runs Python programs on real threads and processes under a simulated GIL, compares strategies, and measures them in CPython.',
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

cli
  .command('check')
  .description('checks that GIL Lab can run a Python file (or preset): prints each problem with its line')
  .argument('<file>', 'a Python file (.py) or a preset name')
  .action((file: string) => check(file));

cli
  .command('calibrate')
  .description("fits the cost table to this machine's python3 (done once and cached; a run does it first otherwise) and prints it")
  .addOption(new Option('--again', 'times python3 again instead of reading the cache'))
  .action(async (flags: { again?: boolean }) => {
    const engine = createEngine({ host: 'cli', engineDir: builtDir });
    engine.onEvent((event) => {
      if (event.type === 'calibrating') process.stderr.write(`${event.text}\n`);
    });
    try {
      const costs = await engine.calibrate({ again: flags.again });
      process.stdout.write(`${costs.source}\n`);
      if (costs.worst) process.stdout.write(`furthest from CPython after the fit: ${costs.worst.program}, predicted ${costs.worst.ratio}× its time\n`);
      const width = Math.max(...Object.keys(costs.table).map((k) => k.length)) + 2;
      for (const [kind, ns] of Object.entries(costs.table)) process.stdout.write(`  ${kind.padEnd(width)}${ns.toFixed(2).padStart(7)} ns\n`);
    } finally {
      await engine.close();
    }
  });

const { workers, switchIntervalMs, timeScale } = limits;
const flag = (flags: string, description: string, value?: string, shown?: string) => {
  const option = new Option(flags, description);
  return value === undefined ? option : option.default(value, shown ?? value);
};
cli
  .command('run')
  .description('runs a program under each strategy in turn and prints wall times and speed-ups')
  .addOption(flag('--program <name|file>', `a preset (${presetNames.join(', ')}) or a Python file (.py)`, 'calc-threads'))
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
  .addOption(
    flag(
      '--measure',
      "also runs each strategy's program in this machine's CPython, sampling its threads, and reports it beside the simulated run",
    ),
  )
  .addOption(flag('--python <path>', 'the CPython to measure with (implies --measure; default: python3 on PATH)'))
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

Rows marked (CPython) were measured in real CPython: on-CPU time sampled from /proc, hand-offs not
reported (—). A strategy CPython cannot run here (free-threading needs a 3.13t build,
subinterpreters Python 3.14) says why under the table.

Examples:
  gil-lab run --program calc-threads --strategies sequential,threading,multiprocessing --workers 2 --time-scale 0.25
  gil-lab run --program my_threads.py --measure\n`,
  )
  .action((flags: RunFlags, command: Command) =>
    run({ ...flags, strategiesDefaulted: command.getOptionValueSource('strategies') === 'default' }),
  );

cli.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
