// npm run bench [-- --only gil,overhead,fidelity,convoy,timeline,measured,interpreter]
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

const sectionNames = ['gil', 'overhead', 'fidelity', 'convoy', 'timeline', 'measured', 'interpreter'] as const;
type SectionName = (typeof sectionNames)[number];

function chosenSections(): SectionName[] {
  let values: { only?: string };
  try {
    values = parseArgs({ options: { only: { type: 'string' } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}; usage: npm run bench -- [--only ${sectionNames.join(',')}]`);
    process.exit(2);
  }
  if (values.only === undefined) return [...sectionNames];
  const chosen = values.only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = chosen.filter((s) => !(sectionNames as readonly string[]).includes(s));
  if (unknown.length > 0 || chosen.length === 0) {
    console.error(`--only must list sections among ${sectionNames.join(', ')}, got ${JSON.stringify(values.only)}`);
    process.exit(2);
  }
  return sectionNames.filter((s) => chosen.includes(s));
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
  const needsEngine = sections.some((s) => s === 'overhead' || s === 'fidelity' || s === 'convoy');
  if (needsEngine) engine = (await import('../workers/engine')).createEngine({ host: 'cli' });
  const results: Partial<Record<SectionName, SectionResult>> = {};
  const rows: GoalRow[] = [];
  try {
    for (const name of sections) {
      let result: SectionResult;
      try {
        // Each section is imported when it runs: one that does not load fails alone.
        result =
          name === 'gil'
            ? await (await import('./gil')).benchGil()
            : name === 'overhead'
              ? await (await import('./overhead')).benchOverhead(engine!)
              : name === 'fidelity'
                ? await (await import('./fidelity')).benchFidelity(engine!)
                : name === 'convoy'
                  ? await (await import('./convoy')).benchConvoy(engine!)
                  : name === 'measured'
                    ? await (await import('./measured')).benchMeasured()
                    : name === 'interpreter'
                      ? await (await import('./interpreter')).benchInterpreter()
                      : await timelineSection();
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
