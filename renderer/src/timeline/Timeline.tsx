// The timeline: every run of the session on one time axis, lanes grouped by process, a GIL lane
// per GIL, one lane per thread. React renders the labels and headers (RowLabel.tsx); the
// controller owns the canvas, the axis, zoom, brush and hover (see controller.ts). The selected
// range belongs to the caller (`selection`, `onSelect`); `ref` gives the view on screen.
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type JSX, type ReactNode, type Ref } from 'react';
import type { RunRecord } from '../../../common/run-record';
import { stateColors } from '../theme';
import { TimelineController } from './controller';
import { axisTitle } from './labels';
import { layoutKey, layoutRuns, normalMetrics, presenterMetrics, type RunRow } from './layout';
import { Legend } from './Legend';
import { RangeStats } from './RangeStats';
import { RowLabel, rowKey } from './RowLabel';
import { fullRange, rangeStats, type TimelineView, type TimeRange } from './stats';
import './timeline.css';

export interface TimelineHandle {
  /** The time range and plot width on screen (the whole range before the timeline first draws). */
  view(): TimelineView;
}

export interface TimelineProps {
  runs: RunRecord[];
  revision: number;
  presenter?: boolean;
  /** The selected time range (Shift+drag), held by the caller. */
  selection: TimeRange | null;
  onSelect(range: TimeRange | null): void;
  /** The time cursor (µs), held by the caller; null: none. Click or drag on the axis, or click on the lanes, to place it. */
  cursor?: number | null;
  onCursor?(us: number | null, runId?: string): void;
  /** Controls at the right end of a run's header (e.g. its source view's toggle). */
  runActions?(row: RunRow): ReactNode;
  ref?: Ref<TimelineHandle>;
}

export function Timeline({
  runs,
  revision,
  presenter = false,
  selection,
  onSelect,
  cursor = null,
  onCursor,
  runActions,
  ref,
}: TimelineProps): JSX.Element {
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
  const axisPlotRef = useRef<HTMLDivElement>(null);
  const cursorLineRef = useRef<HTMLDivElement>(null);
  const cursorLabelRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<TimelineController | null>(null);
  const onSelectRef = useRef(onSelect);
  const onCursorRef = useRef(onCursor);
  useEffect(() => {
    onSelectRef.current = onSelect;
    onCursorRef.current = onCursor;
  }, [onSelect, onCursor]);
  const [brushMode, setBrushMode] = useState(false);

  useImperativeHandle(
    ref,
    () => ({
      view: () =>
        controllerRef.current?.view() ?? { ...fullRange(runs), plotWidth: plotRef.current?.clientWidth ?? 1000 },
    }),
    [runs],
  );

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
    const [axisPlot, cursorLine, cursorLabel] = [axisPlotRef.current, cursorLineRef.current, cursorLabelRef.current];
    if (empty || !root || !plot || !canvas || !axis || !brush || !hoverLine || !hoverLabel || !tooltip) return;
    if (!axisPlot || !cursorLine || !cursorLabel) return;
    const controller = new TimelineController(
      { root, plot, canvas, axis, brush, hoverLine, hoverLabel, tooltip, axisPlot, cursorLine, cursorLabel },
      {
        onSelect: (range) => onSelectRef.current(range),
        onCursor: (us, runId) => onCursorRef.current?.(us, runId),
      },
    );
    controllerRef.current = controller;
    return () => {
      controller.destroy();
      controllerRef.current = null;
    };
  }, [empty]);

  useEffect(() => {
    controllerRef.current?.update({ runs, layout, metrics, selection, cursorUs: onCursor ? cursor : null });
  }, [runs, layout, metrics, selection, cursor, onCursor, revision, empty]);

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
      aria-label="Timeline: W and S zoom, A and D pan, Shift and drag selects a range, Escape clears it, a click places the time cursor and the arrow keys move it"
    >
      <div className="tl-toolbar">
        <Legend />
        <div className="tl-actions">
          <span className="tl-hint">
            <kbd>W</kbd>/<kbd>S</kbd> or wheel zoom · <kbd>A</kbd>/<kbd>D</kbd> or drag pan · <kbd>Shift</kbd>+drag
            select{onCursor && <> · click the axis: time cursor</>}
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
        <div className="tl-axis-gutter">{axisTitle}</div>
        <div
          ref={axisPlotRef}
          className={`tl-axis-plot${onCursor ? ' has-cursor' : ''}`}
          title={onCursor ? 'Click or drag to place the time cursor: the editor lights each thread’s line' : undefined}
          data-testid="timeline-axis"
        >
          <svg aria-hidden="true">
            <g ref={axisRef} className="tl-axis" transform={`translate(0, ${presenter ? 42 : 29})`} />
          </svg>
          <div ref={hoverLabelRef} className="tl-hover-label" />
          <div ref={cursorLabelRef} className="tl-cursor-label" data-testid="time-cursor-label" />
        </div>
      </div>
      <div className="tl-body" style={{ height: layout.height }}>
        {layout.rows.map((row) => (
          <RowLabel
            key={rowKey(row)}
            row={row}
            metrics={metrics}
            actions={row.kind === 'run' ? runActions?.(row) : undefined}
          />
        ))}
        <div ref={plotRef} className="tl-plot" style={{ height: layout.height }} data-testid="timeline-plot">
          <canvas ref={canvasRef} data-testid="timeline-canvas" />
          <svg className="tl-brush" width="100%" height={layout.height} aria-hidden="true">
            <g ref={brushRef} />
          </svg>
          <div ref={hoverLineRef} className="tl-hover-line" />
          <div ref={cursorLineRef} className="tl-cursor-line" data-testid="time-cursor" />
        </div>
      </div>
      {selection && stats && <RangeStats range={selection} stats={stats} onClear={() => onSelect(null)} />}
      <div ref={tooltipRef} className="tl-tooltip" role="tooltip" />
    </div>
  );
}
