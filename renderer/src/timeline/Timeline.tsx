// The timeline: every run of the session on one time axis, lanes grouped by process, a GIL lane
// per GIL, one lane per thread. React renders the labels and headers; the controller owns the
// canvas, the axis, zoom, brush and hover (see controller.ts).
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { RunRecord } from '../../../common/run-record';
import { stateColors, strategyColors } from '../theme';
import { TimelineController } from './controller';
import { formatDuration } from './format';
import { layoutKey, layoutRuns, normalMetrics, presenterMetrics, type Row } from './layout';
import { Legend } from './Legend';
import { RangeStats } from './RangeStats';
import { rangeStats, runLengthUs, type TimeRange } from './stats';
import './timeline.css';

export interface TimelineProps {
  runs: RunRecord[];
  revision: number;
  presenter?: boolean;
  onSelect?: (range: { startUs: number; endUs: number } | null) => void;
}

export function Timeline({ runs, revision, presenter = false, onSelect }: TimelineProps): JSX.Element {
  const metrics = presenter ? presenterMetrics : normalMetrics;
  // Runs are mutated in place: the structural key says when their processes or threads changed.
  const structure = layoutKey(runs);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- structure stands for the in-place changes of runs
  const layout = useMemo(() => layoutRuns(runs, metrics), [runs, structure, metrics]);
  const empty = runs.length === 0;

  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const brushRef = useRef<SVGGElement>(null);
  const hoverLineRef = useRef<HTMLDivElement>(null);
  const hoverLabelRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<TimelineController | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  const [selection, setSelection] = useState<TimeRange | null>(null);
  const [brushMode, setBrushMode] = useState(false);

  useEffect(() => {
    const [root, plot, canvas, axis, brush, hoverLine, hoverLabel, tooltip] = [
      rootRef.current,
      plotRef.current,
      canvasRef.current,
      axisRef.current,
      brushRef.current,
      hoverLineRef.current,
      hoverLabelRef.current,
      tooltipRef.current,
    ];
    if (empty || !root || !plot || !canvas || !axis || !brush || !hoverLine || !hoverLabel || !tooltip) return;
    const controller = new TimelineController(
      { root, plot, canvas, axis, brush, hoverLine, hoverLabel, tooltip },
      (range) => {
        setSelection(range);
        onSelectRef.current?.(range);
      },
    );
    controllerRef.current = controller;
    return () => {
      controller.destroy();
      controllerRef.current = null;
    };
  }, [empty]);

  useEffect(() => {
    controllerRef.current?.update({ runs, layout, metrics });
  }, [runs, layout, metrics, revision, empty]);

  useEffect(() => {
    controllerRef.current?.setBrushMode(brushMode);
  }, [brushMode, empty]);

  // A live run's traces grow in place: the revision says when the range's numbers changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stats = useMemo(() => (selection ? rangeStats(runs, selection) : null), [runs, selection, revision]);

  if (empty) {
    return (
      <div className={`tl ${presenter ? 'is-presenter' : ''}`} data-testid="timeline">
        <div className="tl-toolbar">
          <Legend />
        </div>
        <div className="tl-empty" data-testid="timeline-empty">
          <div className="tl-empty-lanes" aria-hidden="true">
            <span style={{ background: stateColors.running, width: '70%' }} />
            <span style={{ background: stateColors.waiting, width: '55%', marginLeft: '15%', height: 5 }} />
            <span style={{ background: stateColors.io, width: '40%', marginLeft: '45%', height: 7 }} />
          </div>
          <p className="tl-empty-title">Pick a program and strategies, then press Run</p>
          <p className="tl-empty-text">
            Each Python thread gets a lane here, grouped under its process, with a GIL lane showing who holds the lock.
          </p>
        </div>
      </div>
    );
  }

  return (
    <div
      ref={rootRef}
      className={`tl ${presenter ? 'is-presenter' : ''}`}
      style={{ ['--tl-gutter' as string]: `${metrics.gutter}px` }}
      data-testid="timeline"
      tabIndex={0}
      aria-label="Timeline: W and S zoom, A and D pan, Shift and drag selects a range, Escape clears it"
    >
      <div className="tl-toolbar">
        <Legend />
        <div className="tl-actions">
          <span className="tl-hint">
            <kbd>W</kbd>/<kbd>S</kbd> or wheel zoom · <kbd>A</kbd>/<kbd>D</kbd> or drag pan · <kbd>Shift</kbd>+drag
            select
          </span>
          <button
            type="button"
            className="tl-button"
            aria-pressed={brushMode}
            onClick={() => setBrushMode((on) => !on)}
          >
            Select range
          </button>
          <button type="button" className="tl-button" onClick={() => controllerRef.current?.resetZoom()}>
            Reset zoom
          </button>
        </div>
      </div>
      <div className="tl-axis-row">
        <div className="tl-axis-gutter">time since run start</div>
        <div className="tl-axis-plot">
          <svg aria-hidden="true">
            <g ref={axisRef} className="tl-axis" transform={`translate(0, ${presenter ? 42 : 29})`} />
          </svg>
          <div ref={hoverLabelRef} className="tl-hover-label" />
        </div>
      </div>
      <div className="tl-body" style={{ height: layout.height }}>
        {layout.rows.map((row) => (
          <RowLabel key={rowKey(row)} row={row} metrics={metrics} />
        ))}
        <div ref={plotRef} className="tl-plot" style={{ height: layout.height }} data-testid="timeline-plot">
          <canvas ref={canvasRef} data-testid="timeline-canvas" />
          <svg className="tl-brush" width="100%" height={layout.height} aria-hidden="true">
            <g ref={brushRef} />
          </svg>
          <div ref={hoverLineRef} className="tl-hover-line" />
        </div>
      </div>
      {selection && stats && (
        <RangeStats range={selection} stats={stats} onClear={() => controllerRef.current?.clearSelection()} />
      )}
      <div ref={tooltipRef} className="tl-tooltip" role="tooltip" />
    </div>
  );
}

function rowKey(row: Row): string {
  const run = row.run.info.runId;
  switch (row.kind) {
    case 'run':
      return `${run}`;
    case 'process':
      return `${run}/p${row.process.pid}`;
    case 'gil':
      return `${run}/g${row.gil}`;
    case 'thread':
      return `${run}/t${row.thread.tid}`;
  }
}

function RowLabel({ row, metrics }: { row: Row; metrics: typeof normalMetrics }) {
  const top = row.y;
  switch (row.kind) {
    case 'run':
      return <RunHeader row={row} />;
    case 'process': {
      const gil =
        row.gils.length === 0
          ? 'no GIL'
          : row.gils.length === 1
            ? 'one GIL'
            : `${row.gils.length} GILs, one per interpreter`;
      return (
        <div className="tl-row tl-process-header" style={{ top, height: row.height }}>
          <span className="tl-process-name">{row.process.name}</span>
          {row.process.osPid > 0 && <span>pid {row.process.osPid}</span>}
          <span className={`tl-gil-note ${row.gils.length === 0 ? 'is-free' : ''}`}>{gil}</span>
        </div>
      );
    }
    case 'gil':
      return (
        <div
          className="tl-lane-label is-gil"
          style={{ top, height: metrics.gilLane }}
          title={`Which thread holds this GIL: ${row.holders.map((t) => t.name).join(', ')}`}
        >
          <span>GIL holder</span>
        </div>
      );
    case 'thread':
      return (
        <div
          className="tl-lane-label"
          style={{ top, height: metrics.lane }}
          title={row.thread.name}
          data-testid="lane-label"
          data-strategy={row.run.info.strategy}
          data-thread={row.thread.name}
        >
          <span
            className={`tl-holder-swatch ${row.holderColor ? '' : 'is-none'}`}
            style={row.holderColor ? { background: row.holderColor } : undefined}
            aria-hidden="true"
          />
          <span>{row.thread.name}</span>
        </div>
      );
  }
}

function RunHeader({ row }: { row: Row }) {
  const { info, summary } = row.run;
  const status = summary?.status ?? 'running';
  const wall = summary ? formatDuration(summary.wallMs * 1000) : `${formatDuration(runLengthUs(row.run))} so far`;
  return (
    <div
      className="tl-row tl-run-header"
      style={{ top: row.y, height: row.height }}
      data-testid="run-header"
      data-strategy={info.strategy}
    >
      <span className="tl-strategy">
        <span className="tl-strategy-dot" style={{ background: strategyColors[info.strategy] }} />
        {info.strategy}
      </span>
      <span className="tl-fact">
        <strong>{info.workers}</strong> worker{info.workers === 1 ? '' : 's'}
      </span>
      <span className="tl-fact">
        wall <strong>{wall}</strong>
      </span>
      {summary && summary.speedup !== null && (
        <span className="tl-fact">
          <strong>{summary.speedup.toFixed(2)}×</strong> vs sequential
        </span>
      )}
      {summary && summary.handoffs > 0 && (
        <span className="tl-fact">
          <strong>{summary.handoffs}</strong> hand-offs
        </span>
      )}
      <span className={`tl-status is-${status}`}>{status}</span>
      {summary?.reason && <span className="tl-reason">{summary.reason}</span>}
      {summary?.truncated && <span className="tl-reason">trace truncated</span>}
    </div>
  );
}
