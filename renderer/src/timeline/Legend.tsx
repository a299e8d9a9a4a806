// The key to the timeline's colours and shapes, rendered as SVG from legendItems (labels.ts), the
// description the PNG export draws too. Each state also has its own height and pattern, so the
// legend draws the same glyph the lanes do.
import { useId } from 'react';
import { threadStates } from '../../../common/trace';
import { patternTiles, stateColors, stateGlyphs, tileSize } from '../theme';
import { legendItems, swatchSize, type Fill, type Shape } from './labels';
import './timeline.css';

export interface LegendProps {
  /** Also explain the GIL lane, prints and switch marks (the timeline's legend does). */
  showMarks?: boolean;
  className?: string;
}

function fillOf(fill: Fill, patternId: string): string {
  if ('color' in fill) return fill.color;
  return stateGlyphs[fill.state].pattern === 'solid' ? stateColors[fill.state] : `url(#${patternId}-${fill.state})`;
}

function ShapeSvg({ shape, patternId }: { shape: Shape; patternId: string }) {
  const fill = fillOf(shape.fill, patternId);
  if (shape.kind === 'rect') return <rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} fill={fill} />;
  return <path d={`M${shape.points.map(([x, y]) => `${x},${y}`).join(' L')} Z`} fill={fill} />;
}

/** The states' pattern tiles, from patternTiles (theme.ts), as the lanes' canvas draws them. */
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
  const { w, h } = swatchSize;
  return (
    <ul className={`tl-legend ${className ?? ''}`} aria-label="Legend" data-testid="legend">
      <Patterns id={id} />
      {legendItems(showMarks).map((item) => (
        <li key={item.label} title={item.title}>
          <svg className="tl-swatch" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
            {item.shapes.map((shape, i) => (
              <ShapeSvg key={i} shape={shape} patternId={id} />
            ))}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
