// How a session is named in the window's texts: its knobs in one line (the timeline's header and
// the PNG's subtitle) and the base name of its exported files.
import { programName } from '../../common/api';
import type { SessionRecord } from './store/runs';

/**
 * "3 of 3 runs · 2 workers · switch interval 5 ms · GIL new · time scale 0.25" (and when, if asked);
 * runs measured in CPython are counted apart: "3 of 3 runs, 2 measured in CPython · …".
 */
export function sessionLine(session: SessionRecord, options: { when?: boolean } = {}): string {
  const { request } = session;
  const measured = session.runs.filter((r) => r.info.measured).length;
  const simulated = session.runs.length - measured;
  const runs = `${simulated} of ${session.total} ${session.total === 1 ? 'run' : 'runs'}${measured > 0 ? `, ${measured} measured in CPython` : ''}`;
  const workers = request.workerCounts.length === 1 ? ` · ${request.workerCounts[0]} workers` : '';
  const knobs = `switch interval ${request.switchIntervalMs} ms · GIL ${request.gil} · time scale ${request.timeScale}`;
  const when = options.when ? ` · ${new Date(session.startedAt).toLocaleString()}` : '';
  return `${runs}${workers} · ${knobs}${when}`;
}

/** gil-lab-<program>-<when it started>: the name every export of the session starts with. */
export function sessionBaseName(session: SessionRecord): string {
  const stamp = new Date(session.startedAt).toISOString().slice(0, 19).replaceAll(':', '-');
  return `gil-lab-${programName(session.request.program).replace(/[^\w.-]+/g, '_')}-${stamp}`;
}
