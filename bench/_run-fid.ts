import { createEngine } from '../workers/engine';
import { benchFidelity } from './fidelity';
const engine = createEngine({ host: 'cli' });
try { console.log(JSON.stringify((await benchFidelity(engine)).rows, null, 1)); } finally { await engine.close(); }
