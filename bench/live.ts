// Live drawing (issue 12): on a 2-core machine the window that shows a run live competes for the
// cores with the run itself. The web host's engine runs calc-threads (threading and
// multiprocessing, 2 workers) while the window is open in headless Chromium and draws every batch
// as it arrives, and again with no window connected, alternating, in the same repeats. Measured:
// Chromium's CPU while the run is live (all its processes, from /proc) and each strategy's wall
// time with the window ÷ without. Goals: Chromium takes at most a quarter of one core while a run is
// live, and no wall time grows more than 10% for being watched.
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { RunRequest } from '../common/api';
import { chromiumArgs, findChromium } from '../e2e/fixtures';
import { startWebHost } from '../web/server';
import { procStats } from '../workers/cpython/process-group';
import type { Engine } from '../workers/engine';
import { runSession } from '../test/session';
import { median, spread, type GoalRow, type SectionResult } from './section';
import { printTable } from './table';

const REPEATS = 5;
const CPU_GOAL = 0.25;
const WALL_TOLERANCE = 0.1;
const request: Pick<RunRequest, 'program' | 'strategies' | 'workerCounts' | 'timeScale'> = {
  program: 'calc-threads',
  strategies: ['threading', 'multiprocessing'],
  workerCounts: [2],
  timeScale: 0.25,
};
/** /proc's CPU times are in clock ticks: 100 a second on Linux. */
const TICK_MS = 10;

/** CPU (ms) used so far by a process and all its descendants. */
function treeCpuMs(root: number): number {
  const stats = procStats();
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of stats)
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
  }
  return stats.filter((s) => inTree.has(s.pid)).reduce((sum, s) => sum + s.cpuTicks * TICK_MS, 0);
}

async function statusText(page: Page): Promise<string> {
  return (await page.getByTestId('run-status').textContent()) ?? '';
}

export async function benchLive(engine: Engine): Promise<SectionResult> {
  const found = findChromium();
  console.log(
    `\n[live] ${request.program} (${request.strategies.join(', ')}, ${request.workerCounts[0]} workers, time scale ${request.timeScale}) with the window drawing it live in headless Chromium, and with no window; ${REPEATS} repeats, alternating`,
  );
  if (!found.path || process.platform !== 'linux') {
    const why = !found.path ? `no Chromium (tried ${found.tried.join(', ')})` : 'reads /proc: Linux only';
    console.log(`skipped: ${why}`);
    return {
      rows: [{ section: 'live', what: 'live drawing', measured: `skipped: ${why}`, goal: '—', met: null }],
      data: { skipped: why },
    };
  }
  const host = await startWebHost({ engine, port: 0, staticDir: resolve('out/renderer') });
  const server = await chromium.launchServer({ executablePath: found.path, args: chromiumArgs });
  const browser = await chromium.connect(server.wsEndpoint());
  const cpuShare: number[] = [];
  const wall: Record<'watched' | 'unwatched', Record<string, number[]>> = { watched: {}, unwatched: {} };
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const run = async (watched: boolean) => {
      if (watched) {
        await page.goto(host.url);
        await page
          .getByTestId('run-status')
          .filter({ hasText: /ready$/ })
          .waitFor();
      } else await page.goto('about:blank'); // no page connected: nothing is drawn
      const cpuBefore = treeCpuMs(server.process().pid!);
      const startedAt = performance.now();
      const result = await runSession(engine, request);
      if (result.status !== 'done')
        throw new Error(`the ${request.program} session ended ${result.status}: ${result.reason ?? ''}`);
      if (watched) {
        // The window has caught up once it shows the session done; its CPU until then counts.
        while (!/done$/.test(await statusText(page))) await new Promise((r) => setTimeout(r, 20));
        cpuShare.push((treeCpuMs(server.process().pid!) - cpuBefore) / (performance.now() - startedAt));
      }
      for (const s of result.summaries) (wall[watched ? 'watched' : 'unwatched'][s.strategy] ??= []).push(s.wallMs);
    };
    for (let r = 0; r < REPEATS; r++) {
      // Alternate which goes first, so a slow spell of the machine is shared.
      await run(r % 2 === 0);
      await run(r % 2 !== 0);
    }
    if (errors.length > 0) throw new Error(`the window had errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
    await host.close();
  }

  const rows: GoalRow[] = [
    {
      section: 'live',
      what: 'Chromium’s CPU while a run is drawn live',
      measured: `${(median(cpuShare) * 100).toFixed(0)}% of a core ${spread(
        cpuShare.map((x) => x * 100),
        '%',
      )}`,
      goal: `≤ ${CPU_GOAL * 100}%`,
      met: median(cpuShare) <= CPU_GOAL,
    },
  ];
  const table = request.strategies.map((s) => {
    const w = median(wall.watched[s]);
    const u = median(wall.unwatched[s]);
    const change = w / u - 1;
    rows.push({
      section: 'live',
      what: `${s} wall, watched ÷ not`,
      measured: `${Math.round(w)} vs ${Math.round(u)} ms (${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%)`,
      goal: `within ${WALL_TOLERANCE * 100}%`,
      met: change <= WALL_TOLERANCE,
    });
    return [
      s,
      `${Math.round(u)} ${spread(wall.unwatched[s])}`,
      `${Math.round(w)} ${spread(wall.watched[s])}`,
      `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}`,
    ];
  });
  printTable(
    'Wall ms with no window and with the window drawing live',
    ['strategy', 'no window', 'window', 'change %'],
    table,
  );
  printTable(
    'Chromium while the run is live',
    ['', 'median', 'spread'],
    [
      [
        'CPU, % of one core',
        (median(cpuShare) * 100).toFixed(1),
        spread(
          cpuShare.map((x) => x * 100),
          '%',
        ),
      ],
    ],
  );
  return { rows, data: { request, repeats: REPEATS, cpuShare, wallMs: wall } };
}
