import { laneRects, newLaneRects, LodScratch } from './renderer/src/timeline/lod';
import { syntheticRun } from './renderer/src/bench/synthetic';
const r = syntheticRun({ kind: 'threading', intervals: 1_000_000, durationUs: 20_000_000, workers: 4, seed: 11 });
const scratch = new LodScratch();
const out = newLaneRects(4);
const tids = r.info.threads.map(t => t.tid);
for (let rep = 0; rep < 30; rep++) {
  let t = performance.now();
  let n = 0;
  for (const tid of tids) { laneRects([{ intervals: r.traces[tid].intervals }], { startUs: 0, endUs: 20e6, widthPx: 1200 }, out, scratch); n += r.traces[tid].intervals.length / 3; }
  const a = performance.now() - t;
  t = performance.now();
  const g = newLaneRects(5);
  laneRects(r.info.threads.map((th, key) => ({ intervals: r.traces[th.tid].intervals, onlyState: 1, key })), { startUs: 0, endUs: 20e6, widthPx: 1200 }, g, scratch);
  console.log('threads', a.toFixed(1), 'ms for', n, 'gil', (performance.now() - t).toFixed(1));
}
