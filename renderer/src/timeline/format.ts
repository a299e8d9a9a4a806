// Times on the timeline are microseconds since the run started; people read them in the unit
// that fits the zoom: µs, ms or s.

type Unit = { suffix: string; us: number };
const units: Unit[] = [
  { suffix: 's', us: 1_000_000 },
  { suffix: 'ms', us: 1_000 },
  { suffix: 'µs', us: 1 },
];

function unitFor(us: number): Unit {
  const magnitude = Math.abs(us);
  return units.find((u) => magnitude >= u.us) ?? units[units.length - 1];
}

function decimalsFor(stepInUnit: number): number {
  if (!(stepInUnit > 0)) return 0;
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(stepInUnit) + 1e-9)));
}

/** A duration, with about three significant digits: "850 µs", "12.4 ms", "4.12 s". */
export function formatDuration(us: number): string {
  if (!Number.isFinite(us)) return '—';
  const unit = unitFor(us);
  const value = us / unit.us;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${trimZeros(value.toFixed(unit.us === 1 && Number.isInteger(value) ? 0 : digits))} ${unit.suffix}`;
}

/**
 * Tick labels for ticks `stepUs` apart, up to `maxUs`: one unit for the whole axis, the largest
 * the values reach that needs at most three decimals for the step ("9.86 s", not "9860 ms").
 */
export function tickFormat(stepUs: number, maxUs = stepUs): (us: number) => string {
  const unit =
    units.find((u) => (Math.abs(maxUs) >= u.us && decimalsFor(stepUs / u.us) <= 3) || u.us === 1) ??
    units[units.length - 1];
  const decimals = decimalsFor(stepUs / unit.us);
  return (us) => (us === 0 ? '0' : `${(us / unit.us).toFixed(decimals)} ${unit.suffix}`);
}

/** A position in time shown to the resolution of one pixel (`usPerPx`): the hover line's label. */
export function formatAt(us: number, usPerPx: number): string {
  const unit = us >= 1_000_000 ? units[0] : us >= 1_000 ? units[1] : units[2];
  const decimals = decimalsFor(usPerPx / unit.us);
  return `${(us / unit.us).toFixed(decimals)} ${unit.suffix}`;
}

/** An exact time for tooltips: "1 234.567 ms" style precision without the grouping. */
export function formatExact(us: number): string {
  if (us >= 1_000_000) return `${(us / 1_000_000).toFixed(6).replace(/0{1,3}$/, '')} s`;
  if (us >= 1_000) return `${(us / 1_000).toFixed(3)} ms`;
  return `${trimZeros(us.toFixed(1))} µs`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
