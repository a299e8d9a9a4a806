import { createEngine } from '../workers/engine';
import { benchOverhead } from './overhead';
const engine = createEngine({ host: 'cli' });
try { console.log(JSON.stringify((await benchOverhead(engine)).data)); } finally { await engine.close(); }
