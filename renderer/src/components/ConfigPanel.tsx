import { estimateWallMs } from '../../../common/estimate';
import { ResetSettings } from '../host/ResetSettings';
import { formatMs } from '../store/derive';
import { selectProgram, useSettings } from '../store/settings';
import { HistoryList } from './HistoryList';
import { Knobs } from './Knobs';
import { ProgramPicker } from './ProgramPicker';
import { StrategyToggles } from './StrategyToggles';

/** "3 runs, about 4.5 s": what pressing Run will cost, before pressing it. */
function SessionEstimate() {
  const program = useSettings(selectProgram);
  const strategies = useSettings((s) => s.strategies);
  const workers = useSettings((s) => s.workers);
  const timeScale = Number(useSettings((s) => s.timeScaleText));
  const cores = useSettings((s) => s.machine?.cores ?? 1);
  if (!program || strategies.length === 0 || !(timeScale > 0)) return null;
  const totalMs = strategies.reduce(
    (sum, strategy) => sum + estimateWallMs(program, strategy, workers, timeScale, cores),
    0,
  );
  return (
    <p className="hint estimate">
      Next session: {strategies.length} {strategies.length === 1 ? 'run' : 'runs'}, about {formatMs(totalMs)}
    </p>
  );
}

/** The left panel: what the next run will be, and the sessions so far. */
export function ConfigPanel() {
  return (
    <aside className="config-panel" aria-label="Configuration">
      <ProgramPicker />
      <StrategyToggles />
      <Knobs />
      <SessionEstimate />
      <ResetSettings />
      <HistoryList />
    </aside>
  );
}
