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
  stateColors,
  stateGlyphs,
  stateLabels,
} from '../theme';
import './timeline.css';

export interface LegendProps {
  /** Also explain the GIL lane, prints and switch marks (the timeline's legend does). */
  showMarks?: boolean;
  className?: string;
}

const W = 26;
/** The order a lesson explains them in. */
const legendOrder: ThreadState[] = ['running', 'waiting', 'io', 'starting'];
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
        {threadStates
          .filter((s) => stateGlyphs[s].pattern !== 'solid')
          .map((s) => {
            const hatch = stateGlyphs[s].pattern === 'hatch';
            return (
              <pattern key={s} id={`${id}-${s}`} width={6} height={6} patternUnits="userSpaceOnUse">
                <rect width={6} height={6} fill={stateColors[s]} opacity={hatch ? 0.42 : 0.7} />
                <path
                  d={hatch ? 'M-6,6 L0,0 M0,6 L6,0 M6,6 L12,0' : 'M-6,0 L0,6 M0,0 L6,6 M6,0 L12,6'}
                  stroke={stateColors[s]}
                  strokeWidth={hatch ? 1.6 : 2}
                />
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
    <ul className={`tl-legend ${className ?? ''}`} aria-label="Legend">
      <Patterns id={id} />
      {legendOrder.map((state) => (
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
