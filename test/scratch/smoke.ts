import { createEngine } from '../../workers/engine';
import { applyEvent, type RunRecord } from '../../common/run-record';
const engine = createEngine({ host: 'cli', engineDir: '/work/main/out/main' });
const records: RunRecord[] = [];
const program = process.argv[2] ?? 'cpu-sqrt';
const strategies = (process.argv[3] ?? 'sequential,threading,multiprocessing').split(',') as any;
const scale = Number(process.argv[4] ?? 0.25);
const done = new Promise<void>((res) => engine.onEvent((e) => {
  applyEvent(records, e);
  if (e.type === 'run-end') { const s = e.summary; console.log(s.strategy, s.status, s.reason ?? '', 'wall', s.wallMs.toFixed(1), 'speedup', s.speedup?.toFixed(2), 'handoffs', s.handoffs, 'forced', s.forcedSwitches, 'spawn', s.spawnMs.toFixed(0), s.threads.map(t => `${t.name}: cpu ${t.cpuMs.toFixed(0)} wait ${t.waitMs.toFixed(0)} io ${t.ioMs.toFixed(0)} n${t.ioCount} end ${t.endMs.toFixed(0)}`).join(' | ')); }
  if (e.type === 'session-end') { console.log('session', e.status, e.reason ?? ''); res(); }
}));
const t = Date.now();
console.log(await engine.startSession({ program, strategies, workerCounts: [Number(process.argv[5] ?? 2)], switchIntervalMs: 5, gil: (process.argv[6] ?? 'new') as any, timeScale: scale }));
await done;
console.log('total', Date.now() - t, 'ms; machine', JSON.stringify(await engine.getMachine()));
for (const r of records) { const n = Object.values(r.traces).reduce((a, t) => a + t.intervals.length / 3, 0); const prints = Object.values(r.traces).flatMap(t => t.instants.filter(i => i.kind === 'print').map(i => `${i.text}@${(i.tUs/1000).toFixed(0)}`)); console.log(r.info.strategy, 'intervals', n, 'prints', prints.slice(0, 14).join(' ')); }
await engine.close();
