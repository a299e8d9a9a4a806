// The key to the timeline's colours and shapes. Each state also has its own height and pattern,
// so the legend draws the same glyph the lanes do.
import { useId } from 'react';
import { threadStates, type ThreadState } from '../../../common/trace';
import {
  holderPalette,
  instantColors,
  instantLabels,
  mixedColor,
  mixedLabel,
  patternTiles,
  stateColors,
  stateGlyphs,
  stateLabels,
  stateOrder,
  tileSize,
} from '../theme';
import './timeline.css';

export interface LegendProps {
  /** Also explain the GIL lane, prints and switch marks (the timeline's legend does). */
  showMarks?: boolean;
  className?: string;
}

const W = 26;
const H = 14;

function StateSwatch({ state, patternId }: { state: ThreadState; patternId: string }) {
  const glyph = stateGlyphs[state];
  const h = Math.max(3, Math.round(glyph.height * H));
  const fill = glyph.pattern === 'solid' ? stateColors[state] : `url(#${patternId}-${state})`;
  return (
    <svg className="tl-swatch" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      <rect x={0} y={(H - h) / 2} width={W} height={h} fill={fill} />
    </svg>
  );
}

function Patterns({ id }: { id: string }) {
  return (
    <svg width={0} height={0} style={{ position: 'absolute' }} aria-hidden="true">
      <defs>
        {threadStates.map((state) => {
          const pattern = stateGlyphs[state].pattern;
          if (pattern === 'solid') return null;
          const tile = patternTiles[pattern];
          const color = stateColors[state];
          return (
            <pattern key={state} id={`${id}-${state}`} width={tileSize} height={tileSize} patternUnits="userSpaceOnUse">
              <rect width={tileSize} height={tileSize} fill={color} opacity={tile.alpha} />
              {tile.lines.length > 0 && (
                <path
                  d={tile.lines.map(([x0, y0, x1, y1]) => `M${x0},${y0} L${x1},${y1}`).join(' ')}
                  stroke={color}
                  strokeWidth={tile.lineWidth}
                />
              )}
              {tile.dots.map(([cx, cy, r]) => (
                <circle key={`${cx},${cy}`} cx={cx} cy={cy} r={r} fill={color} />
              ))}
            </pattern>
          );
        })}
      </defs>
    </svg>
  );
}

export function Legend({ showMarks = true, className }: LegendProps) {
  const id = useId().replace(/:/g, '');
  return (
    <ul className={`tl-legend ${className ?? ''}`} aria-label="Legend" data-testid="legend">
      <Patterns id={id} />
      {stateOrder.map((state) => (
        <li key={state} title={stateLabels[state]}>
          <StateSwatch state={state} patternId={id} />
          {stateLabels[state]}
        </li>
      ))}
      {showMarks && (
        <>
          <li title="The GIL lane shows which thread holds the lock, one colour per thread">
            <svg className="tl-swatch" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
              {holderPalette.slice(0, 3).map((c, i) => (
                <rect key={c} x={(i * W) / 3} y={2} width={W / 3} height={H - 4} fill={c} />
              ))}
            </svg>
            GIL holder
          </li>
          <li title={mixedLabel}>
            <svg className="tl-swatch" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
              <rect x={0} y={2} width={W} height={H - 4} fill={mixedColor} />
            </svg>
            mixed
          </li>
          <li title="print(): hover the mark for its text">
            <svg className="tl-swatch" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
              <path d={`M${W / 2 - 5},0 L${W / 2 + 5},0 L${W / 2},7 Z`} fill={instantColors.print} />
              <rect x={W / 2 - 0.5} y={0} width={1} height={H} fill={instantColors.print} />
            </svg>
            print
          </li>
          <li title={instantLabels.drop_request}>
            <svg className="tl-swatch" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
              <rect x={W / 2 - 1} y={H - 6} width={2} height={6} fill={instantColors.drop_request} />
            </svg>
            drop request
          </li>
          <li title={instantLabels.forced_switch}>
            <svg className="tl-swatch" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
              <rect x={W / 2 - 1} y={0} width={2} height={6} fill={instantColors.forced_switch} />
            </svg>
            forced switch
          </li>
        </>
      )}
    </ul>
  );
}
