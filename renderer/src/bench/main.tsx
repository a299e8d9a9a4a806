// The bench page: the timeline alone, on generated runs. `?scene=` picks what it shows:
//   gallery (default) one session of every strategy · car-truck · failed · empty · bench (for bench/timeline.ts)
// `&presenter=1` turns presenter mode on; `&live=1` replays the runs as if they were running.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { RunRecord } from '../../../common/run-record';
import { applyThemeVariables, ui } from '../theme';
import type { TimeRange } from '../timeline/stats';
import { Timeline } from '../timeline/Timeline';
import { installBenchApi } from './harness';
import { liveReplay, syntheticRun } from './synthetic';

const params = new URLSearchParams(location.search);
const scene = params.get('scene') ?? 'gallery';

function sceneRuns(): RunRecord[] {
  switch (scene) {
    case 'empty':
    case 'bench':
      return [];
    case 'car-truck':
      return [syntheticRun({ kind: 'car-truck' })];
    case 'failed':
      return [
        syntheticRun({ kind: 'threading', intervals: 600, durationUs: 1_500_000, workers: 3, fail: true }),
        syntheticRun({ kind: 'multiprocessing', intervals: 400, durationUs: 900_000, workers: 2, truncated: true }),
      ];
    case 'dense':
      return [
        syntheticRun({
          kind: 'threading',
          intervals: Number(params.get('intervals') ?? 200_000),
          durationUs: 20_000_000,
          workers: 4,
        }),
      ];
    default:
      return [
        syntheticRun({ kind: 'sequential', intervals: 200, durationUs: 2_000_000 }),
        syntheticRun({ kind: 'threading', intervals: 800, durationUs: 2_050_000, workers: 2 }),
        syntheticRun({ kind: 'multiprocessing', intervals: 400, durationUs: 1_000_000, workers: 2 }),
        syntheticRun({ kind: 'free-threading', intervals: 300, durationUs: 1_000_000, workers: 2 }),
        syntheticRun({ kind: 'subinterpreters', intervals: 300, durationUs: 1_020_000, workers: 2 }),
      ];
  }
}

function BenchPage() {
  const [runs, setRuns] = useState<RunRecord[]>(() => (params.get('live') ? [] : sceneRuns()));
  const [revision, setRevision] = useState(0);
  const [selection, setSelection] = useState<TimeRange | null>(null);

  useEffect(() => {
    installBenchApi((next) => {
      setRuns(next);
      setRevision((r) => r + 1);
    });
  }, []);

  useEffect(() => {
    if (!params.get('live')) return;
    // Runs one after another, as a session does; each grows a few times a second.
    const replays = sceneRuns().map(liveReplay);
    const began = performance.now();
    let current = 0;
    let shown = 0;
    let offsetUs = 0;
    const timer = setInterval(() => {
      const replay = replays[current];
      if (!replay) return clearInterval(timer);
      if (shown <= current) {
        shown = current + 1;
        setRuns(replays.slice(0, shown).map((r) => r.record));
      }
      replay.advance((performance.now() - began) * 1000 - offsetUs);
      if (replay.done()) {
        current++;
        offsetUs = (performance.now() - began) * 1000;
      }
      setRevision((r) => r + 1);
    }, 200);
    return () => clearInterval(timer);
  }, []);

  return (
    <main style={{ padding: 16, maxWidth: 1600, margin: '0 auto' }}>
      <h1 style={{ font: `600 16px ${ui.fontFamily}`, margin: '0 0 12px', color: ui.text }}>
        GIL Lab · timeline bench <span style={{ color: ui.textMuted, fontWeight: 400 }}>({scene})</span>
      </h1>
      <Timeline
        runs={runs}
        revision={revision}
        presenter={params.get('presenter') === '1'}
        selection={selection}
        onSelect={setSelection}
      />
      <p data-testid="bench-selected" style={{ color: ui.textMuted, font: `12px ${ui.fontFamily}` }}>
        selected: {selection ? `${Math.round(selection.startUs)}..${Math.round(selection.endUs)}` : 'none'}
      </p>
    </main>
  );
}

applyThemeVariables(document.documentElement);
document.body.style.cssText = `margin:0;background:${ui.background};color:${ui.text};font-family:${ui.fontFamily}`;
const rootElement = document.getElementById('root');
if (rootElement)
  createRoot(rootElement).render(
    <StrictMode>
      <BenchPage />
    </StrictMode>,
  );
