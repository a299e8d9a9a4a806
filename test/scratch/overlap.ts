import { createEngine } from '../../workers/engine';
import { runSession, spans, overlapUs } from '../session';
import { stateCode } from '../../common/trace';
const engine = createEngine({ host: 'cli' });
const result = await runSession(engine, { program: 'mixed', strategies: ['threading', 'subinterpreters'], timeScale: 0.2, workerCounts: [4] });
for (const record of result.records) {
  const lanes = record.info.threads.filter(t => t.gil !== null);
  for (const a of lanes) for (const b of lanes) if (a.tid < b.tid && a.gil === b.gil) {
    const sa = spans(record, a.name, stateCode.running), sb = spans(record, b.name, stateCode.running);
    const o = overlapUs(sa, sb);
    if (o > 1) { console.log(record.info.strategy, a.name, b.name, o);
      for (const x of sa) for (const y of sb) if (Math.min(x[1], y[1]) - Math.max(x[0], y[0]) > 1) console.log('  ', x, y); }
  }
}
await engine.close();
