// One colour per thread of a run, shared by everything that names a thread: its swatch in the
// timeline and its holdings in the GIL lane, its lines in the console, the line it is on in the editor.
import { lanesOf, type RunRecord } from '../../common/run-record';
import { holderPalette } from './theme';

/** The colour of the run's `index`-th lane (lanesOf order). */
export function laneColor(index: number): string {
  return holderPalette[index % holderPalette.length];
}

/** Each lane's colour, by tid. */
export function threadColors(run: RunRecord): Map<number, string> {
  return new Map(lanesOf(run).map((thread, i) => [thread.tid, laneColor(i)]));
}
