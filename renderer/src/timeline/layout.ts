// Where each row of the timeline goes: per run a header, per process a group header, per GIL a
// lane showing its holder, per thread a lane. Pure: a function of the runs' plans and the metrics.
import { lanesOf, type RunRecord } from '../../../common/run-record';
import type { ProcessInfo, ThreadInfo } from '../../../common/trace';
import { threadColors } from '../thread-colors';

export interface Metrics {
  runHeader: number;
  processHeader: number;
  lane: number;
  gilLane: number;
  /** Space between lanes, and after each run. */
  laneGap: number;
  runGap: number;
  fontPx: number;
  smallFontPx: number;
  gutter: number;
}

export const normalMetrics: Metrics = {
  runHeader: 30,
  processHeader: 20,
  lane: 18,
  gilLane: 12,
  laneGap: 3,
  runGap: 14,
  fontPx: 12,
  smallFontPx: 11,
  gutter: 184,
};

/** For a projector: lanes about 2.5× as thick, type about 1.8× as large. */
export const presenterMetrics: Metrics = {
  runHeader: 50,
  processHeader: 34,
  lane: 44,
  gilLane: 28,
  laneGap: 6,
  runGap: 24,
  fontPx: 22,
  smallFontPx: 19,
  gutter: 300,
};

interface RowBase {
  y: number;
  height: number;
  runIndex: number;
  run: RunRecord;
}

export interface RunRow extends RowBase {
  kind: 'run';
}

export interface ProcessRow extends RowBase {
  kind: 'process';
  process: ProcessInfo;
  /** Distinct GILs of the process's threads (several under subinterpreters); empty: no GIL. */
  gils: number[];
}

export interface GilRow extends RowBase {
  kind: 'gil';
  gil: number;
  /** The threads that take this GIL; a holder's key in the lane is its index here. */
  holders: ThreadInfo[];
  /** Each holder's colour (its thread's colour, thread-colors.ts). */
  colors: string[];
}

export interface ThreadRow extends RowBase {
  kind: 'thread';
  thread: ThreadInfo;
  /** Its colour in its GIL's lane, when it has a GIL. */
  holderColor: string | null;
  /** The thread's colour (thread-colors.ts), GIL or not: the console and the editor's lines use it too. */
  color: string;
}

export type Row = RunRow | ProcessRow | GilRow | ThreadRow;
export type LaneRow = GilRow | ThreadRow;

export interface Layout {
  rows: Row[];
  /** Just the lanes, in y order, for hit-testing and drawing. */
  lanes: LaneRow[];
  /** Per run: the y range its rows take, header included. */
  runSpans: { y0: number; y1: number }[];
  height: number;
}

export function layoutRuns(runs: readonly RunRecord[], m: Metrics): Layout {
  const rows: Row[] = [];
  const runSpans: { y0: number; y1: number }[] = [];
  let y = 0;
  const add = <R extends Row>(row: R): R => {
    rows.push(row);
    y += row.height;
    return row;
  };
  runs.forEach((run, runIndex) => {
    const y0 = y;
    const runThreads = lanesOf(run);
    const colors = threadColors(run);
    add({ kind: 'run', y, height: m.runHeader, runIndex, run });
    for (const process of processesOf(run, runThreads)) {
      const threads = runThreads.filter((t) => t.pid === process.pid);
      const gils = [...new Set(threads.flatMap((t) => (t.gil === null ? [] : [t.gil])))];
      add({ kind: 'process', y, height: m.processHeader, runIndex, run, process, gils });
      for (const gil of gils) {
        const holders = threads.filter((t) => t.gil === gil);
        const holderColors = holders.map((t) => colors.get(t.tid) ?? '');
        add({ kind: 'gil', y, height: m.gilLane + m.laneGap, runIndex, run, gil, holders, colors: holderColors });
        holders.forEach((thread, i) => {
          const color = holderColors[i];
          add({ kind: 'thread', y, height: m.lane + m.laneGap, runIndex, run, thread, holderColor: color, color });
        });
      }
      for (const thread of threads.filter((t) => t.gil === null))
        add({
          kind: 'thread',
          y,
          height: m.lane + m.laneGap,
          runIndex,
          run,
          thread,
          holderColor: null,
          color: colors.get(thread.tid) ?? '',
        });
    }
    y += m.runGap;
    runSpans.push({ y0, y1: y - m.runGap });
  });
  const lanes = rows.filter((r): r is LaneRow => r.kind === 'gil' || r.kind === 'thread');
  return { rows, lanes, runSpans, height: y };
}

/** The run's processes, plus a stand-in for threads whose process the plan does not list. */
function processesOf(run: RunRecord, lanes: readonly ThreadInfo[]): ProcessInfo[] {
  const listed = run.info.processes;
  const known = new Set(listed.map((p) => p.pid));
  const orphans = [...new Set(lanes.filter((t) => !known.has(t.pid)).map((t) => t.pid))];
  return [...listed, ...orphans.map((pid) => ({ pid, name: `process ${pid}`, osPid: 0 }))];
}

/** The lane under a y coordinate (in layout space), if any. */
export function laneAt(layout: Layout, y: number): LaneRow | null {
  const lanes = layout.lanes;
  let lo = 0;
  let hi = lanes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const lane = lanes[mid];
    if (y < lane.y) hi = mid - 1;
    else if (y >= lane.y + lane.height) lo = mid + 1;
    else return lane;
  }
  return null;
}

/** A structural key: the layout changes only when runs or their threads do. */
export function layoutKey(runs: readonly RunRecord[]): string {
  return runs.map((r) => `${r.info.runId}:${lanesOf(r).length}:${r.info.processes.length}`).join('|');
}
