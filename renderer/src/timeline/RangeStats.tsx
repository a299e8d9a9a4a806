// The brushed range's numbers: per thread, time running, waiting, in I/O and blocked; per GIL, hand-offs.
import { stateColors, stateOrder, stateShortLabels } from '../theme';
import { formatDuration } from './format';
import type { RunRangeStats, TimeRange } from './stats';
import './range-stats.css';

export interface RangeStatsProps {
  range: TimeRange;
  stats: RunRangeStats[];
  onClear: () => void;
}

/** The states with a column of their own; `starting` shows only in the share bar. */
const columns = stateOrder.filter((s) => s !== 'starting');

/** A dash for nothing at all, so the eye finds the states that happened. */
function amount(us: number): string {
  return us > 0 ? formatDuration(us) : '—';
}

export function RangeStats({ range, stats, onClear }: RangeStatsProps) {
  const span = range.endUs - range.startUs;
  return (
    <section className="tl-stats" aria-label="Selected range" data-testid="range-stats">
      <div className="tl-stats-head">
        <h3>
          Selected {formatDuration(range.startUs)} – {formatDuration(range.endUs)} ({formatDuration(span)})
        </h3>
        <button type="button" className="tl-button" onClick={onClear} title="Escape">
          Clear selection
        </button>
      </div>
      <div className="tl-stats-runs">
        {stats.map(({ run, threads, gils }) => {
          const handoffs = gils.reduce((n, g) => n + g.handoffs, 0);
          return (
            <table key={run.info.runId}>
              <caption>
                <strong>{run.info.strategy}</strong> · {run.info.workers} worker{run.info.workers === 1 ? '' : 's'} ·{' '}
                {gils.length === 0 ? 'no GIL' : `${handoffs} GIL hand-off${handoffs === 1 ? '' : 's'}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">thread</th>
                  {columns.map((s) => (
                    <th key={s} scope="col">
                      {stateShortLabels[s]}
                    </th>
                  ))}
                  <th scope="col" title="Each state's time as a share of the selected range">
                    share of range
                  </th>
                </tr>
              </thead>
              <tbody>
                {threads.map(({ thread, us }) => (
                  <tr key={thread.tid}>
                    <th scope="row">{thread.name}</th>
                    {columns.map((s) => (
                      <td key={s}>{amount(us[s])}</td>
                    ))}
                    <td>
                      <span className="tl-share" aria-hidden="true">
                        {stateOrder.map((s) => (
                          <span
                            key={s}
                            style={{ width: `${span > 0 ? (100 * us[s]) / span : 0}%`, background: stateColors[s] }}
                          />
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </section>
  );
}
