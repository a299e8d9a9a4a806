// npm run bench [-- SECTION …] (or --only a,b): gil, overhead, convoy, workers, fidelity, live, timeline, measured, interpreter
// Runs the benchmark sections in order, prints a table per section and a summary of the goals,
// and writes every number to bench-results.json. A missed goal is printed, never a failure:
// the numbers are ratios measured side by side in this run, and the machine may be busy.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Engine } from '../workers/engine';
import { findPython } from './python';
import type { GoalRow, SectionResult } from './section';
import { printTable } from './table';

const sectionNames = [
  'gil',
  'overhead',
  'convoy',
  'workers',
  'fidelity',
  'live',
  'timeline',
  'measured',
  'interpreter',
] as const;
type SectionName = (typeof sectionNames)[number];

function chosenSections(): SectionName[] {
  let parsed: { values: { only?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { only: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    console.error(
      `${(error as Error).message}; usage: npm run bench -- [SECTION …] with sections among ${sectionNames.join(', ')}`,
    );
    process.exit(2);
  }
  const chosen = [...(parsed.values.only ?? '').split(','), ...parsed.positionals].map((x) => x.trim()).filter(Boolean);
  if (chosen.length === 0) return [...sectionNames];
  const unknown = chosen.filter((x) => !(sectionNames as readonly string[]).includes(x));
  if (unknown.length > 0) {
    console.error(`unknown section ${unknown.join(', ')}: sections are ${sectionNames.join(', ')}`);
    process.exit(2);
  }
  return sectionNames.filter((x) => chosen.includes(x));
}

/** Another engineer's section (issue 4): run it when its file is there. */
async function timelineSection(): Promise<SectionResult> {
  const file = new URL('./timeline.ts', import.meta.url);
  if (!existsSync(fileURLToPath(file))) {
    console.log('\n[timeline] skipped: bench/timeline.ts does not exist yet');
    return {
      rows: [
        {
          section: 'timeline',
          what: 'first draw and pan/zoom frames',
          measured: 'skipped (no bench/timeline.ts)',
          goal: 'see issue 4',
          met: null,
        },
      ],
      data: { skipped: true },
    };
  }
  const { benchTimeline } = (await import(file.href)) as { benchTimeline: () => Promise<void> };
  await benchTimeline();
  return {
    rows: [
      {
        section: 'timeline',
        what: 'first draw and pan/zoom frames',
        measured: 'see its tables above',
        goal: 'first draw < 200 ms, frames < 16 ms',
        met: null,
      },
    ],
    data: { ran: true },
  };
}

function runSection(name: SectionName, engine: Engine | null): Promise<SectionResult> {
  const runners: Record<SectionName, () => Promise<SectionResult>> = {
    gil: async () => (await import('./gil')).benchGil(),
    overhead: async () => (await import('./overhead')).benchOverhead(engine!),
    convoy: async () => (await import('./convoy')).benchConvoy(engine!),
    workers: async () => (await import('./workers')).benchWorkers(engine!),
    fidelity: async () => (await import('./fidelity')).benchFidelity(engine!),
    live: async () => (await import('./live')).benchLive(engine!),
    timeline: timelineSection,
    measured: async () => (await import('./measured')).benchMeasured(),
    interpreter: async () => (await import('./interpreter')).benchInterpreter(),
  };
  return runners[name]();
}

async function main(): Promise<void> {
  const sections = chosenSections();
  const python = findPython();
  const machine = {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
    node: process.versions.node,
    python: python.ok ? python.version : `missing: ${python.reason}`,
    loadAverageAtStart: os.loadavg(),
  };
  console.log(`GIL Lab benchmarks: ${sections.join(', ')}`);
  console.log(
    `machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.python}; load average ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}` +
      ' — anything else running on these cores disturbs the numbers',
  );

  let engine: Engine | null = null;
  const needsEngine = sections.some((s) => ['overhead', 'fidelity', 'convoy', 'workers', 'live'].includes(s));
  if (needsEngine) engine = (await import('../workers/engine')).createEngine({ host: 'cli' });
  const results: Partial<Record<SectionName, SectionResult>> = {};
  const rows: GoalRow[] = [];
  try {
    for (const name of sections) {
      let result: SectionResult;
      try {
        // Each section is imported when it runs: one that does not load fails alone.
        result = await runSection(name, engine);
      } catch (error) {
        // A section that cannot run is reported like a missed goal; the others still run.
        const message = (error as Error).message;
        console.log(`\n[${name}] could not run: ${message}`);
        result = {
          rows: [
            { section: name, what: 'section', measured: `error: ${message.split('\n')[0]}`, goal: '—', met: false },
          ],
          data: { error: message },
        };
      }
      results[name] = result;
      rows.push(...result.rows);
    }
  } finally {
    await engine?.close();
  }

  printTable(
    'Summary',
    ['section', 'what', 'measured', 'goal', 'met?'],
    rows.map((r) => [r.section, r.what, r.measured, r.goal, r.met === null ? '—' : r.met ? 'yes' : 'goal missed']),
  );
  const missed = rows.filter((r) => r.met === false).length;
  const measured = rows.filter((r) => r.met !== null).length;
  console.log(
    missed > 0
      ? `\n${missed} of ${measured} goals missed (printed, not failed: see the tables above)`
      : measured > 0
        ? `\nall ${measured} measured goals met`
        : '\nno goal measured by these sections here',
  );
  const out = {
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: os.loadavg() },
    sections: results,
    summary: rows,
  };
  const file = fileURLToPath(new URL('../bench-results.json', import.meta.url));
  await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`all numbers written to bench-results.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
