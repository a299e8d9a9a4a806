import { line, scaleLinear, scaleLog } from 'd3';
import { useMemo, useRef } from 'react';
import type { Strategy } from '../../../common/program';
import { formatMs } from '../../../common/totals';
import { formatSpeedup, idealSpeedups, isSweep, scalingSeries, sessionSummaries } from '../store/derive';
import { useShownSession } from '../store/hooks';
import { scalingWorkerCounts, useSettings } from '../store/settings';
import { useView } from '../store/view';
import { strategyColors } from '../theme';
import { useWidth } from './use-width';

export interface Line {
  strategy: Strategy;
  /** Measured in CPython: drawn dashed beside the simulated line of its strategy. */
  measured?: boolean;
  points: { workers: number; value: number }[];
}

const margin = { top: 14, right: 16, bottom: 34, left: 52 };

/** One plot of the chart: a value per strategy against workers (log₂ axis), the cores marked. */
export function Plot(props: {
  title: string;
  width: number;
  height: number;
  lines: Line[];
  workers: number[];
  cores: number | null;
  format(value: number): string;
  /** Draws the speed-up of perfect parallelism: min(workers, cores). */
  ideal?: boolean;
}) {
  const { width, height, lines, workers, cores } = props;
  const lo = Math.min(...workers);
  const hi = Math.max(...workers, lo * 2);
  const x = scaleLog()
    .base(2)
    .domain([lo, hi])
    .range([margin.left, width - margin.right]);
  const values = lines.flatMap((l) => l.points.map((p) => p.value));
  const ideal = props.ideal ? idealSpeedups(workers, cores) : [];
  const top = Math.max(...values, ...ideal.map((p) => p.value), 0.001);
  const y = scaleLinear()
    .domain([0, top])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const path = line<{ workers: number; value: number }>()
    .x((p) => x(p.workers))
    .y((p) => y(p.value));
  const coresInside = cores !== null && cores >= lo && cores <= hi;

  return (
    <svg width={width} height={height} className="chart" role="img" aria-label={props.title}>
      <text className="plot-title" x={margin.left} y={10}>
        {props.title}
      </text>
      {y.ticks(4).map((tick) => (
        <g key={tick} transform={`translate(0,${y(tick)})`}>
          <line className="grid-line" x1={margin.left} x2={width - margin.right} />
          <text className="tick-label" x={margin.left - 8} textAnchor="end" dominantBaseline="central">
            {tick === 0 ? '0' : props.format(tick)}
          </text>
        </g>
      ))}
      {workers.map((n) => (
        <text key={n} className="tick-label" x={x(n)} y={height - margin.bottom + 16} textAnchor="middle">
          {n}
        </text>
      ))}
      <text className="axis-title" x={(margin.left + width - margin.right) / 2} y={height - 4} textAnchor="middle">
        workers
      </text>
      {coresInside && (
        <g className="cores-marker">
          <line x1={x(cores)} x2={x(cores)} y1={margin.top} y2={height - margin.bottom} />
          {/* Under the ideal line's label when there is one, which runs along the top. */}
          <text x={x(cores) + 4} y={ideal.length > 0 ? height - margin.bottom - 6 : margin.top + 10}>
            {cores} cores
          </text>
        </g>
      )}
      {ideal.length > 0 && (
        <g className="ideal" data-testid="ideal">
          <path d={path(ideal) ?? ''} />
          <text x={x(hi) - 4} y={y(ideal[ideal.length - 1].value) + 14} textAnchor="end">
            {cores === null ? 'ideal = workers' : `ideal = min(workers, ${cores} cores)`}
          </text>
        </g>
      )}
      {lines.map((l) => (
        <g
          key={`${l.strategy}${l.measured ? ' measured' : ''}`}
          className={`series${l.measured ? ' series-measured' : ''}`}
          style={{ color: strategyColors[l.strategy] }}
        >
          <path d={path(l.points) ?? ''} />
          {l.points.map((p) => (
            <circle
              key={p.workers}
              cx={x(p.workers)}
              cy={y(p.value)}
              r={4.5}
              data-testid="scaling-point"
              data-strategy={l.strategy}
              data-measured={l.measured ? 'true' : undefined}
              data-workers={p.workers}
            >
              <title>{`${l.strategy}${l.measured ? ' (CPython)' : ''}, ${p.workers} workers: ${props.format(p.value)}`}</title>
            </circle>
          ))}
        </g>
      ))}
    </svg>
  );
}

/** Wall time and speed-up against workers, per strategy, for a scaling sweep. */
export function ScalingChart() {
  const session = useShownSession();
  const presenter = useView((s) => s.presenter);
  const cores = useSettings((s) => s.machine?.cores ?? null);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const series = useMemo(() => scalingSeries(sessionSummaries(session)), [session]);
  const measured = useMemo(() => scalingSeries(sessionSummaries(session), { measured: true }), [session]);
  const sweep = isSweep(session);

  const both = [
    ...[...series].map(([strategy, points]) => ({ strategy, measured: false, points })),
    ...[...measured].map(([strategy, points]) => ({ strategy, measured: true, points })),
  ];
  const wallLines: Line[] = both.map(({ strategy, measured: m, points }) => ({
    strategy,
    measured: m,
    points: points.map((p) => ({ workers: p.workers, value: p.wallMs })),
  }));
  const speedLines: Line[] = both
    .filter(({ strategy }) => strategy !== 'sequential')
    .map(({ strategy, measured: m, points }) => ({
      strategy,
      measured: m,
      points: points.flatMap((p) => (p.speedup === null ? [] : [{ workers: p.workers, value: p.speedup }])),
    }))
    .filter((l) => l.points.length > 0);
  const workers = session?.request.workerCounts ?? [];
  const side = width >= 640;
  const plotWidth = side ? Math.floor((width - 16) / 2) : width;
  const plotHeight = presenter ? 260 : 210;
  const frame = { width: plotWidth, height: plotHeight, workers, cores };

  return (
    <section className="card chart-card" aria-labelledby="scaling-title">
      <header className="card-header">
        <h2 id="scaling-title">Scaling</h2>
        <p className="card-note">wall time and speed-up against the number of workers</p>
      </header>
      {sweep && (
        <ul className="series-legend" aria-label="Strategies">
          {[...series.keys()].map((strategy) => (
            <li key={strategy}>
              <span className="swatch" style={{ background: strategyColors[strategy] }} aria-hidden="true" />
              {strategy}
            </li>
          ))}
          {measured.size > 0 && (
            <li>
              <span className="swatch swatch-dashed" aria-hidden="true" />
              dashed: measured in CPython
            </li>
          )}
        </ul>
      )}
      <div ref={box} className={`chart-box scaling-plots${side ? ' side' : ''}`}>
        {!sweep ? (
          <p className="empty">
            Press <strong>Scaling</strong> to run the chosen strategies with{' '}
            {scalingWorkerCounts(cores ?? 2).join(', ')} workers and see how each one scales. Include{' '}
            <em>sequential</em> to get speed-ups.
          </p>
        ) : wallLines.length === 0 ? (
          <p className="empty">The lines appear as the runs finish.</p>
        ) : (
          <>
            <Plot title="Wall time" lines={wallLines} format={formatMs} {...frame} />
            {speedLines.length > 0 ? (
              <Plot title="Speed-up vs sequential" lines={speedLines} format={formatSpeedup} ideal {...frame} />
            ) : (
              <p className="empty" style={{ width: plotWidth }}>
                {series.has('sequential')
                  ? 'Speed-ups appear as the runs finish.'
                  : 'Include sequential in the sweep to see speed-ups.'}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
