// The scaling chart's speed-up plot as the window renders it (react-dom/server).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { idealSpeedups } from '../store/derive';
import { formatSpeedup } from '../store/derive';
import { Plot } from './ScalingChart';

/** The y of each point of the ideal line's path, top to bottom in SVG. */
function idealYs(html: string): number[] {
  const d = html.match(/data-testid="ideal"><path d="([^"]+)"/)?.[1] ?? '';
  return [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[2]));
}

describe('the scaling chart', () => {
  const speedup = (cores: number) =>
    renderToStaticMarkup(
      <Plot
        title="Speed-up vs sequential"
        width={480}
        height={210}
        lines={[
          {
            strategy: 'multiprocessing',
            points: [1, 2, 4].map((workers) => ({ workers, value: Math.min(workers, 2) * 0.95 })),
          },
        ]}
        workers={[1, 2, 4]}
        cores={cores}
        format={formatSpeedup}
        ideal
      />,
    );

  it('draws the ideal speed-up as min(workers, cores), and says so', () => {
    const html = speedup(2);
    expect(html).toContain('ideal = min(workers, 2 cores)');
    // Four workers on two cores: the ideal stays at 2×, it does not rise to 4×.
    const [one, two, four] = idealYs(html);
    expect(two).toBeLessThan(one);
    expect(four).toBe(two);
    // With four cores it rises all the way.
    const [, twoOf4, fourOf4] = idealYs(speedup(4));
    expect(fourOf4).toBeLessThan(twoOf4);
  });

  it('puts a bend at the core count even when the sweep skipped it', () => {
    expect(idealSpeedups([1, 2, 8], 6).map((p) => [p.workers, p.value])).toEqual([
      [1, 1],
      [2, 2],
      [6, 6],
      [8, 6],
    ]);
  });
});
