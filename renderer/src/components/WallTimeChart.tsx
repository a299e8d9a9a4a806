import { scaleBand, scaleLinear } from 'd3';
import { useMemo, useRef } from 'react';
import { formatMs } from '../../../common/totals';
import { formatSpeedup, isSweep, runName, sessionSummaries } from '../store/derive';
import { useShownSession } from '../store/hooks';
import { strategyColors } from '../theme';
import { selectProgress, useRuns } from '../store/runs';
import { useView } from '../store/view';
import { useWidth } from './use-width';

const normalMargin = { top: 8, right: 150, bottom: 26, left: 140 };
// Presenter type is larger: labels need more room on both sides.
const presenterMargin = { top: 10, right: 210, bottom: 30, left: 190 };

/** One bar per run of the session on screen: its wall time, and its speed-up against sequential. */
export function WallTimeChart() {
  const session = useShownSession();
  const presenter = useView((s) => s.presenter);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const summaries = useMemo(() => sessionSummaries(session), [session]);
  const sweep = isSweep(session);
  // The run in progress, as a growing bar; gone as soon as its summary (the real bar) arrives.
  const progress = useRuns((s) => selectProgress(s, session));
  const running = progress && summaries.length <= progress.index ? progress : null;

  const base = presenter ? presenterMargin : normalMargin;
  // "multiprocessing · CPython" needs more room than a strategy's name alone.
  const margin = summaries.some((s) => s.measured) ? { ...base, left: Math.round(base.left * 1.35) } : base;
  const rowHeight = presenter ? 40 : 30;
  const rows = summaries.length + (running ? 1 : 0);
  const height = margin.top + margin.bottom + Math.max(1, rows) * rowHeight;
  const innerWidth = Math.max(60, width - margin.left - margin.right);
  const maxMs = Math.max(
    1,
    ...summaries.map((s) => s.wallMs),
    running ? Math.max(running.elapsedMs, running.estimateMs) : 0,
  );
  const x = scaleLinear().domain([0, maxMs]).nice().range([0, innerWidth]);
  const keys = [...summaries.map((s) => s.runId), ...(running ? ['running'] : [])];
  const y = scaleBand()
    .domain(keys)
    .range([margin.top, height - margin.bottom])
    .padding(0.28);
  const label = (name: string, workers: number) => (sweep ? `${name} · ${workers}w` : name);

  return (
    <section className="card chart-card" aria-labelledby="wall-time-title">
      <header className="card-header">
        <h2 id="wall-time-title">Wall time</h2>
        <p className="card-note">shorter is faster · × = speed-up against sequential</p>
      </header>
      <div ref={box} className="chart-box">
        {rows === 0 ? (
          <p className="empty">Each run’s wall time appears here when it ends.</p>
        ) : (
          <svg width={width} height={height} role="img" aria-label="Wall time of each run" className="chart">
            {x.ticks(Math.max(1, Math.floor(innerWidth / 90))).map((tick) => (
              <g key={tick} transform={`translate(${margin.left + x(tick)},0)`}>
                <line className="grid-line" y1={margin.top} y2={height - margin.bottom} />
                <text className="tick-label" y={height - margin.bottom + 16} textAnchor="middle">
                  {tick === 0 ? '0' : formatMs(tick)}
                </text>
              </g>
            ))}
            {summaries.map((s) => {
              const { speedup } = s;
              const top = y(s.runId) ?? 0;
              const mid = top + y.bandwidth() / 2;
              const finished = s.status === 'done';
              const note = finished
                ? speedup !== null && s.strategy !== 'sequential'
                  ? ` · ${formatSpeedup(speedup)}`
                  : ''
                : ` · ${s.status}`;
              return (
                <g key={s.runId}>
                  <text className="bar-label" x={margin.left - 10} y={mid} textAnchor="end" dominantBaseline="central">
                    {label(runName(s), s.workers)}
                  </text>
                  <rect
                    data-testid="wall-time"
                    data-strategy={s.strategy}
                    data-measured={s.measured ? 'true' : undefined}
                    data-workers={s.workers}
                    data-ms={Math.round(s.wallMs * 1000) / 1000}
                    className={`bar${finished ? '' : ' bar-unfinished'}${s.measured ? ' bar-measured' : ''}`}
                    x={margin.left}
                    y={top}
                    width={Math.max(2, x(s.wallMs))}
                    height={y.bandwidth()}
                    rx={3}
                    fill={strategyColors[s.strategy]}
                  >
                    <title>{`${label(runName(s), s.workers)}: ${formatMs(s.wallMs)}${note}${s.measured ? ' (measured in CPython)' : ''}`}</title>
                  </rect>
                  <text
                    className="bar-value"
                    x={margin.left + Math.max(2, x(s.wallMs)) + 8}
                    y={mid}
                    dominantBaseline="central"
                  >
                    {formatMs(s.wallMs)}
                    <tspan className="bar-speedup">{note}</tspan>
                  </text>
                </g>
              );
            })}
            {running && (
              <g>
                <text
                  className="bar-label muted"
                  x={margin.left - 10}
                  y={(y('running') ?? 0) + y.bandwidth() / 2}
                  textAnchor="end"
                  dominantBaseline="central"
                >
                  {label(running.strategy, running.workers)}
                </text>
                <rect
                  className="bar-estimate"
                  x={margin.left}
                  y={y('running')}
                  width={Math.max(2, x(running.estimateMs))}
                  height={y.bandwidth()}
                  rx={3}
                />
                <rect
                  className="bar-live"
                  x={margin.left}
                  y={y('running')}
                  width={Math.max(2, x(Math.min(running.elapsedMs, maxMs)))}
                  height={y.bandwidth()}
                  rx={3}
                  fill={strategyColors[running.strategy]}
                />
                <text
                  className="bar-value muted"
                  x={margin.left + Math.max(2, x(Math.max(running.elapsedMs, running.estimateMs))) + 8}
                  y={(y('running') ?? 0) + y.bandwidth() / 2}
                  dominantBaseline="central"
                >
                  running…
                </text>
              </g>
            )}
          </svg>
        )}
      </div>
    </section>
  );
}
