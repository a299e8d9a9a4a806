// The window's colours, in one place: the timeline draws with them on a canvas, and the legend,
// charts and panels use the same values (directly, or through the CSS variables below).
import type { Strategy } from '../../common/program';
import type { InstantKind, ThreadState } from '../../common/trace';

/**
 * Okabe–Ito hues, which viewers with any common colour-vision deficiency can tell apart.
 * The timeline also tells the states apart without colour: each has its own height and
 * `waiting` is hatched, `starting` striped, `blocked` dotted (see stateGlyphs).
 */
export const stateColors: Record<ThreadState, string> = {
  running: '#0072B2',
  waiting: '#E69F00',
  io: '#009E73',
  blocked: '#D55E00',
  starting: '#CC79A7',
};

export const stateLabels: Record<ThreadState, string> = {
  running: 'running (holds the GIL)',
  waiting: 'waiting for the GIL',
  io: 'I/O or sleep (GIL released)',
  blocked: 'blocked on a lock, join, Event or queue (GIL released)',
  starting: 'starting',
};

/** Short names, for tooltips and tables. */
export const stateShortLabels: Record<ThreadState, string> = {
  running: 'running',
  waiting: 'waiting',
  io: 'I/O',
  blocked: 'blocked',
  starting: 'starting',
};

export type GlyphPattern = 'solid' | 'hatch' | 'stripes' | 'dots';

/** How tall each state's bar is, as a fraction of the lane, and its fill pattern. */
export const stateGlyphs: Record<ThreadState, { height: number; pattern: GlyphPattern }> = {
  running: { height: 1, pattern: 'solid' },
  starting: { height: 1, pattern: 'stripes' },
  io: { height: 0.62, pattern: 'solid' },
  blocked: { height: 0.5, pattern: 'dots' },
  waiting: { height: 0.38, pattern: 'hatch' },
};

/**
 * The tile each patterned glyph repeats, in CSS pixels of a tileSize square: the state's colour at
 * `alpha` underneath, then lines (x0, y0, x1, y1; drawn past the corners so tiles join) and dots
 * (cx, cy, r) in the full colour. The lanes (canvas) and the legend (SVG) both draw from this.
 */
export const tileSize = 6;
/** Three diagonals across a tile, past its corners: rising (hatch) or falling (stripes). */
const diagonals = (rising: boolean): [number, number, number, number][] =>
  [-tileSize, 0, tileSize].map((o) => (rising ? [o, tileSize, o + tileSize, 0] : [o, 0, o + tileSize, tileSize]));

export const patternTiles: Record<
  Exclude<GlyphPattern, 'solid'>,
  { alpha: number; lineWidth: number; lines: [number, number, number, number][]; dots: [number, number, number][] }
> = {
  hatch: { alpha: 0.42, lineWidth: 1.6, lines: diagonals(true), dots: [] },
  stripes: { alpha: 0.7, lineWidth: 2, lines: diagonals(false), dots: [] },
  dots: {
    alpha: 0.4,
    lineWidth: 0,
    lines: [],
    dots: [
      [1.5, 1.5, 1.25],
      [4.5, 4.5, 1.25],
    ],
  },
};

/** The order a lesson explains the states in (legend, tables). */
export const stateOrder: ThreadState[] = ['running', 'waiting', 'io', 'blocked', 'starting'];

/** A pixel where several states are packed too tightly to show one. */
export const mixedColor = '#7D8796';
export const mixedLabel = 'several states within one pixel';

/** The GIL lane colours each holder thread; the thread's label shows the same swatch. */
// Lighter than the state colours and led by hues the states do not use, so the GIL lane does not read as a state.
export const holderPalette = ['#B9A3E3', '#F0E442', '#56B4E9', '#8FD6C2', '#F5A9B8', '#D4E79E', '#C8B68E', '#9FB3C8'];

export const instantColors: Record<InstantKind, string> = {
  print: '#F0E442',
  drop_request: '#FF8A65',
  forced_switch: '#FFFFFF',
  truncated: '#F0E442',
  error: '#FF5C5C',
};

export const instantLabels: Record<InstantKind, string> = {
  print: 'print()',
  drop_request: 'drop request (the waiter asks the holder to let go)',
  forced_switch: 'forced switch (the holder let go)',
  truncated: 'trace truncated',
  error: 'error',
};

/** One colour per strategy, for bars and lines that compare strategies. */
export const strategyColors: Record<Strategy, string> = {
  sequential: '#9AA4B2',
  threading: '#E69F00',
  multiprocessing: '#56B4E9',
  asyncio: '#CC79A7',
  'free-threading': '#009E73',
  subinterpreters: '#F0E442',
};

/** A run's status as its header's pill shows it. */
export const runStatusColors = {
  done: '#7fd1b0',
  running: '#56B4E9',
  cancelled: '#9aa4b2',
  failed: '#FF5C5C',
} as const;

/** The calm dark theme of the window. */
export const ui = {
  background: '#101318',
  surface: '#161a20',
  surfaceRaised: '#1d222a',
  /** A lane's background while its run lasted: a longer wall time is a longer band. */
  laneActive: '#1a1f26',
  border: '#2a313b',
  grid: 'rgba(255, 255, 255, 0.055)',
  text: '#e6e9ee',
  textMuted: '#9aa4b2',
  accent: '#56B4E9',
  selection: 'rgba(86, 180, 233, 0.16)',
  selectionEdge: 'rgba(86, 180, 233, 0.85)',
  danger: '#FF5C5C',
  /** A finished run's end line across its lanes (a live run's is the accent). */
  runEnd: 'rgba(230, 233, 238, 0.45)',
  /** A run header's faint top light, and the chip behind a process's GIL note. */
  headerShade: 'rgba(255, 255, 255, 0.035)',
  chip: 'rgba(255, 255, 255, 0.06)',
  /** The note of a process with no GIL. */
  free: '#8fd6c2',
  /** Axis tick marks. */
  tick: 'rgba(154, 164, 178, 0.6)',
  /** Behind a flag's label on the lanes. */
  flagBackground: 'rgba(16, 19, 24, 0.92)',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  monoFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
} as const;

/**
 * The same colours as CSS custom properties (`--gl-…`), so stylesheets anywhere in the
 * renderer can share them. `applyThemeVariables(document.documentElement)` sets them;
 * every stylesheet that uses them gives the same value as a fallback.
 */
export const themeVariables: Record<string, string> = {
  '--gl-bg': ui.background,
  '--gl-surface': ui.surface,
  '--gl-surface-raised': ui.surfaceRaised,
  '--gl-border': ui.border,
  '--gl-text': ui.text,
  '--gl-text-muted': ui.textMuted,
  '--gl-accent': ui.accent,
  '--gl-danger': ui.danger,
  '--gl-font': ui.fontFamily,
  '--gl-mono': ui.monoFamily,
  '--gl-running': stateColors.running,
  '--gl-waiting': stateColors.waiting,
  '--gl-io': stateColors.io,
  '--gl-blocked': stateColors.blocked,
  '--gl-starting': stateColors.starting,
};

export function applyThemeVariables(element: HTMLElement): void {
  for (const [name, value] of Object.entries(themeVariables)) element.style.setProperty(name, value);
}
