// A row's label in the window (run header, process header, GIL lane, thread lane), rendered from
// rowLabel (labels.ts), the description the PNG export draws too.
import type { JSX, ReactNode } from 'react';
import { rowLabel, type LabelPart } from './labels';
import type { Metrics, Row } from './layout';

function Part({ part }: { part: LabelPart }): JSX.Element {
  switch (part.kind) {
    case 'strategy':
      return (
        <span className="tl-strategy">
          <span className="tl-strategy-dot" style={{ background: part.color }} />
          {part.text}
        </span>
      );
    case 'fact':
      return (
        <span className="tl-fact">
          {part.pieces.map((piece, i) =>
            piece.strong ? <strong key={i}>{piece.text}</strong> : <span key={i}>{piece.text}</span>,
          )}
        </span>
      );
    case 'status':
    case 'reason':
    case 'chip': {
      const className = { status: `tl-status is-${part.text}`, reason: 'tl-reason', chip: 'tl-gil-note' }[part.kind];
      return (
        <span className={className} style={{ color: part.color }}>
          {part.text}
        </span>
      );
    }
    case 'name':
      return <span className="tl-process-name">{part.text}</span>;
    case 'note':
      return <span>{part.text}</span>;
    case 'holder':
      return (
        <span
          className={`tl-holder-swatch ${part.color ? '' : 'is-none'}`}
          style={part.color ? { background: part.color } : undefined}
          aria-hidden="true"
        />
      );
    case 'lane':
      return <span>{part.text}</span>;
  }
}

export function RowLabel({ row, metrics, actions }: { row: Row; metrics: Metrics; actions?: ReactNode }): JSX.Element {
  const label = rowLabel(row);
  const parts = label.parts.map((part, i) => <Part key={i} part={part} />);
  switch (row.kind) {
    case 'run':
      return (
        <div
          className="tl-row tl-run-header"
          style={{ top: row.y, height: row.height }}
          data-testid="run-header"
          data-strategy={row.run.info.strategy}
          data-measured={row.run.info.measured ? 'true' : undefined}
        >
          {parts}
          {actions && <span className="tl-run-actions">{actions}</span>}
        </div>
      );
    case 'process':
      return (
        <div className="tl-row tl-process-header" style={{ top: row.y, height: row.height }}>
          {parts}
        </div>
      );
    case 'gil':
      return (
        <div className="tl-lane-label is-gil" style={{ top: row.y, height: metrics.gilLane }} title={label.title}>
          {parts}
        </div>
      );
    case 'thread':
      return (
        <div
          className="tl-lane-label"
          style={{ top: row.y, height: metrics.lane }}
          title={label.title}
          data-testid="lane-label"
          data-strategy={row.run.info.strategy}
          data-measured={row.run.info.measured ? 'true' : undefined}
          data-thread={row.thread.name}
        >
          {parts}
        </div>
      );
  }
}

/** React's key for a row: stable across redraws of a live run. */
export function rowKey(row: Row): string {
  const run = row.run.info.runId;
  switch (row.kind) {
    case 'run':
      return run;
    case 'process':
      return `${run}/p${row.process.pid}`;
    case 'gil':
      return `${run}/g${row.gil}`;
    case 'thread':
      return `${run}/t${row.thread.tid}`;
  }
}
