import { describe, expect, it } from 'vitest';
import { describeMeasured, describeRun, workloadKind } from './explain';
import { summary } from './store/fixtures';

describe('the explanation pane', () => {
  const runs = [
    summary('a', 'sequential', 2, 4000, 'done', 1),
    summary('b', 'threading', 2, 4100, 'done', 4000 / 4100),
    summary('c', 'multiprocessing', 2, 2100, 'done', 4000 / 2100),
  ];

  it('says CPU-bound threads take turns when threading is no faster than sequential', () => {
    expect(describeRun(runs[1], runs)).toBe(
      'threading: 2 threads shared one GIL, which changed hands 812 times (400 forced switches); wall time 4.10 s ≈ sequential 4.00 s: ' +
        "CPU-bound threads take turns — concurrency without parallelism (50% of the threads' time spent waiting for the GIL).",
    );
  });

  it('says processes ran in parallel, and how much faster', () => {
    expect(describeRun(runs[2], runs)).toBe(
      'multiprocessing: 2 processes, one GIL each, ran in parallel; wall time 2.10 s, 1.9× faster than sequential.',
    );
  });

  it('names the reason of a failed run and the time of a cancelled one', () => {
    expect(describeRun({ ...runs[1], status: 'failed', reason: 'Thread-2 threw' }, runs)).toBe(
      'threading: failed — Thread-2 threw.',
    );
    expect(describeRun({ ...runs[1], status: 'cancelled', wallMs: 700 }, runs)).toBe(
      'threading: cancelled after 700 ms.',
    );
  });

  it('judges the workload from the sequential run', () => {
    expect(workloadKind(runs)).toBe('CPU-bound');
    const io = summary('d', 'sequential', 2, 1000);
    io.threads = io.threads.map((t) => ({ ...t, runningMs: 10, ioMs: 990 }));
    expect(workloadKind([io])).toBe('I/O-bound');
    expect(workloadKind([])).toBeNull();
  });
});

describe('the baseline', () => {
  it('is not compared with itself', () => {
    const runs = [summary('a', 'sequential', 2, 4000)];
    expect(describeRun(runs[0], runs)).toBe(
      'sequential: one thread ran every task one after another in 4.00 s: the baseline the others are measured against.',
    );
  });
});

describe('threading faster than sequential', () => {
  it('credits overlapping I/O only when the threads waited on I/O', () => {
    const base = summary('a', 'sequential', 2, 2000);
    const io = summary('b', 'threading', 2, 1000, 'done', 2);
    io.threads = io.threads.map((t) => ({ ...t, runningMs: 10, waitMs: 0, ioMs: 900 }));
    expect(describeRun(io, [base, io])).toContain('I/O-bound threads overlap');
    const cpu = summary('c', 'threading', 2, 1500, 'done', 2000 / 1500);
    expect(describeRun(cpu, [base, cpu])).toContain('not parallelism');
  });
});

describe('without a sequential run', () => {
  it('measures processes against threading', () => {
    const runs = [summary('b', 'threading', 2, 2000), summary('c', 'multiprocessing', 2, 1000)];
    expect(describeRun(runs[1], runs)).toBe(
      'multiprocessing: 2 processes, one GIL each, ran in parallel; wall time 1.00 s, 2.0× faster than threading.',
    );
  });
});

describe('runs measured in CPython', () => {
  const measured = (s: ReturnType<typeof summary>) => ({ ...s, measured: true as const });

  it('are said in one line beside the simulated runs, with their speed-ups and CPython’s version', () => {
    const runs = [
      measured(summary('a-m', 'sequential', 2, 680, 'done', 1)),
      measured(summary('b-m', 'threading', 2, 753, 'done', 680 / 753)),
      measured(summary('c-m', 'multiprocessing', 2, 464, 'done', 680 / 464)),
    ];
    expect(describeMeasured(runs, '3.11.7')).toBe(
      'Measured in CPython 3.11.7, the same programs: sequential 680 ms, threading 753 ms (0.9×), multiprocessing 464 ms (1.5×).',
    );
  });

  it('name a run that did not finish, and nothing when there is none', () => {
    expect(describeMeasured([measured(summary('x', 'threading', 2, 100, 'failed'))], undefined)).toBe(
      'Measured in CPython, the same programs: threading failed.',
    );
    expect(describeMeasured([], '3.11.7')).toBeNull();
  });
});
