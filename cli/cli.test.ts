// The built CLI as a user runs it: `node out/main/cli.js ...`, its exit codes, its output files.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../common/chrome-trace';
import { presets } from '../common/presets';

const root = join(import.meta.dirname, '..');
const cliFile = join(root, 'out', 'main', 'cli.js');
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'ensure-built.mjs')], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'gil-lab-cli-'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliFile, ...args], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('gil-lab programs', () => {
  it('lists every preset on a line with its description', async () => {
    const { code, stdout } = await cli('programs');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(presets.length);
    for (const [i, preset] of presets.entries()) {
      expect(lines[i].startsWith(`${preset.name} `)).toBe(true);
      expect(lines[i]).toContain(preset.description);
    }
  });
});

describe('gil-lab run: bad input', () => {
  const cases: [string[], string, RegExp][] = [
    [['--program', 'no-such-program'], '--program', /one of calc-threads.*car-truck.*mixed/],
    [['--program', './missing.py'], '--program', /not found/],
    [['--program', 'bad.py'], '--program', /bad\.py, line 2: numpy is not a module GIL Lab can run/],
    [['--program', 'broken.py'], '--program', /broken\.py, line 1: SyntaxError/],
    [['--strategies', 'threading,greenlets'], '--strategies', /sequential, threading.*greenlets/],
    [['--workers', '0'], '--workers', /whole number between 1 and 256, got 0/],
    [['--workers', '100000'], '--workers', /between 1 and 256, got 100000/],
    [['--switch-interval', '-1'], '--switch-interval', /between 0.1 and 1000 ms, got -1/],
    [['--time-scale', '50'], '--time-scale', /between 0.01 and 10, got 50/],
    [['--gil', 'ancient'], '--gil', /new or old/],
    [['--json', 'no-such-folder/a.json'], '--json', /does not exist/],
  ];

  it.each(cases)('%j exits 2 with one line naming the flag', async (args, flag, allowed) => {
    writeFileSync(join(dir, 'bad.py'), 'import threading\nimport numpy\n');
    writeFileSync(join(dir, 'broken.py'), 'def f(:\n    pass\n');
    // Were the input wrongly accepted, the run it starts stays short.
    const short = args.includes('--time-scale') ? [] : ['--time-scale', '0.01'];
    const { code, stdout, stderr } = await cli('run', ...args, ...short);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(flag);
    expect(lines[0]).toMatch(allowed);
  });

  it('explains every flag with its range and default in --help', async () => {
    const { code, stdout } = await cli('run', '--help');
    expect(code).toBe(0);
    const help = stdout.replace(/\s+/g, ' ');
    for (const text of [
      '--program',
      '--strategies',
      '--json',
      '--trace',
      '1..256',
      '0.1..1000 (default: 5)',
      '0.01..10 (default: 1)',
      'new or old',
      'on CPU %',
      "(wall time × this machine's cores)",
    ])
      expect(help).toContain(text);
  });
});

describe('gil-lab run', () => {
  it('runs two strategies and writes the summary and one trace holding both runs', async () => {
    const { code, stdout, stderr } = await cli(
      'run',
      '--program',
      'calc-threads',
      '--strategies',
      'sequential,threading',
      '--workers',
      '2',
      '--time-scale',
      '0.02',
      '--json',
      'a.json',
      '--trace',
      't.json',
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(
      /strategy\s+workers\s+wall time\s+speed-up\s+on CPU %\s+GIL wait %\s+hand-offs\s+forced switches/,
    );
    expect(stdout).toMatch(/^sequential\s+2\s/m);
    expect(stdout).toMatch(/^threading\s+2\s/m);
    expect(stderr).toMatch(/\[2\/2\] threading, 2 workers: done in/);

    const summary = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(summary.machine).toMatchObject({ host: 'cli', cores: expect.any(Number) });
    expect(summary.runs.map((r: { strategy: string }) => r.strategy)).toEqual(['sequential', 'threading']);
    for (const run of summary.runs) {
      expect(run).toMatchObject({
        workers: 2,
        status: 'done',
        wallMs: expect.any(Number),
        handoffs: expect.any(Number),
        forcedSwitches: expect.any(Number),
      });
      expect(run.wallMs).toBeGreaterThan(0);
      expect(run.threads.length).toBeGreaterThanOrEqual(1);
      for (const thread of run.threads)
        expect(Object.keys(thread)).toEqual(
          expect.arrayContaining(['name', 'runningMs', 'onCpuMs', 'waitMs', 'ioMs', 'blockedMs', 'ioCount', 'endMs']),
        );
    }
    expect(summary.runs[0].speedup).toBe(1);
    // Sequential runs the tasks on its main thread; threading gives each task a thread of its own.
    expect(summary.runs[1].threads.length).toBeGreaterThan(summary.runs[0].threads.length);

    const trace = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8')) as { traceEvents: TraceEvent[] };
    const processNames = new Map(
      trace.traceEvents
        .filter((e) => e.ph === 'M' && e.name === 'process_name')
        .map((e) => [e.pid, String(e.args?.name)]),
    );
    const runningPids = new Set(
      trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'running').map((e) => e.pid),
    );
    const strategiesRunning = new Set([...runningPids].map((pid) => processNames.get(pid)));
    expect(strategiesRunning).toEqual(new Set(['python (sequential)', 'python (threading)']));
    expect(processNames.size).toBe(new Set(processNames.values()).size);
  }, 60_000);

  it('writes what ran on Ctrl+C, the interrupted run marked cancelled, and exits 130', async () => {
    const child = spawn(
      process.execPath,
      [
        cliFile,
        'run',
        ...['--program', 'calc-threads', '--strategies', 'sequential,threading', '--workers', '2', '--time-scale', '0.1'],
        ...['--json', 'int.json', '--trace', 'int-trace.json'],
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stderr = '';
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The first run is done and the second one has started: interrupt it.
        if (/\[2\/2\] threading, 2 workers: started/.test(stderr)) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);

    const summary = JSON.parse(readFileSync(join(dir, 'int.json'), 'utf8'));
    expect(summary.runs.map((r: { strategy: string; status: string }) => [r.strategy, r.status])).toEqual([
      ['sequential', 'done'],
      ['threading', 'cancelled'],
    ]);
    const trace = JSON.parse(readFileSync(join(dir, 'int-trace.json'), 'utf8')) as { traceEvents: TraceEvent[] };
    const processNames = trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'process_name')
      .map((e) => e.args?.name);
    expect(processNames).toEqual(['python (sequential)', 'python (threading)']);
  }, 60_000);

  it('runs a program file', async () => {
    const program = [
      '# two threads that sleep',
      'import threading, time',
      'threads = [threading.Thread(target=time.sleep, args=(0.5,)) for _ in range(2)]',
      'for t in threads:',
      '    t.start()',
      'for t in threads:',
      '    t.join()',
      'print("done")',
    ].join('\n');
    writeFileSync(join(dir, 'two-sleepers.py'), program);
    const { code, stdout, stderr } = await cli(
      'run',
      '--program',
      'two-sleepers.py',
      '--strategies',
      'threading',
      '--time-scale',
      '0.1',
      '--json',
      'p.json',
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^threading\s/m);
    const summary = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    expect(summary.settings.program).toBe('two-sleepers');
    expect(summary.runs[0].threads.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['MainThread', 'Thread-1 (sleep)', 'Thread-2 (sleep)']),
    );
    // What the program printed, with the thread and the line that printed it, after the sleeps.
    const [done] = summary.runs[0].prints;
    expect(done).toMatchObject({ thread: 'MainThread', text: 'done\n', stream: 'stdout', line: 8 });
    expect(done.ms).toBeGreaterThanOrEqual(45);
  }, 60_000);

  it('runs an asyncio program without --strategies as it can be run, saying why threads and processes were left out', async () => {
    const program = ['import asyncio', 'async def main():', '    await asyncio.sleep(0.05)', '    print("slept")', 'asyncio.run(main())'].join('\n');
    writeFileSync(join(dir, 'coroutines.py'), program);
    const { code, stdout, stderr } = await cli('run', '--program', 'coroutines.py', '--time-scale', '0.1');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^Running sequential and asyncio .*written with asyncio.*threading or multiprocessing cannot run/m);
    expect(stdout).toMatch(/^sequential\s.*done$/m);
    expect(stdout).toMatch(/^asyncio\s.*done$/m);
    expect(stdout).not.toMatch(/^threading\s/m);
    // Asked for by name, a strategy that cannot run the program is still an error.
    const asked = await cli('run', '--program', 'coroutines.py', '--strategies', 'threading');
    expect(asked.code).not.toBe(0);
    expect(asked.stderr).toMatch(/threading cannot run coroutines\.py/);
  }, 60_000);
});

describe('gil-lab check', () => {
  it('prints each problem with its file and line and exits 2', async () => {
    writeFileSync(join(dir, 'bad.py'), ['import threading, numpy', 'def f():', '    open("x")', ''].join('\n'));
    const { code, stdout } = await cli('check', 'bad.py');
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^bad\.py: line 1: numpy is not a module/);
    expect(lines[1]).toMatch(/^bad\.py: line 3: open\(\) is not supported/);
  });

  it('says ok for a program it can run, and names a missing file', async () => {
    expect(await cli('check', 'calc-threads')).toMatchObject({ code: 0, stdout: 'calc-threads: ok, GIL Lab can run it\n' });
    const missing = await cli('check', 'nowhere.py');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file: nowhere.py');
  });
});

describe('gil-lab run --measure', () => {
  const python = (() => {
    try {
      return execFileSync('python3', ['-c', 'import sys; print(sys.version_info >= (3, 8))'], { encoding: 'utf8' }).trim() === 'True';
    } catch {
      return false;
    }
  })();

  it.skipIf(!python)('puts a CPython row beside each simulated one and says why free-threading was not measured', async () => {
    const { code, stdout, stderr } = await cli(
      'run', '--program', 'car-truck', '--strategies', 'threading,free-threading',
      '--workers', '2', '--time-scale', '0.1', '--measure', '--json', 'm.json',
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^threading \(CPython\)\s/m);
    const report = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
    const measured = report.runs.filter((r: { measured?: unknown }) => r.measured);
    expect(measured.map((r: { strategy: string }) => r.strategy)).toContain('threading');
    expect(measured[0].measured.executable).toBeTruthy();
    // The program's own threads, named as CPython names them.
    expect(measured[0].threads.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['MainThread']));
    const freeThreading = report.runs.find((r: { strategy: string; measured?: unknown }) => r.strategy === 'free-threading' && !r.measured);
    if (!report.machine.measurable['free-threading']) return; // this machine has a free-threaded build
    expect(freeThreading.notMeasured).toMatch(/^not measured: /);
    expect(stdout).toContain('free-threading in CPython: not measured');
  }, 60_000);
});
